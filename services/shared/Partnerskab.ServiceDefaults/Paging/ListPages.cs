using Partnerskab.ServiceDefaults.Errors;

namespace Partnerskab.ServiceDefaults.Paging;

/// <summary>The page size of a paged list: 0 asks for the default.</summary>
public static class ListPages
{
    public const int DefaultSize = 100;
    public const int MaxSize = 1000;

    /// <summary>The page size asked for, with a violation of <c>page_size</c> when it is out of range.</summary>
    public static int Size(RequestValidator v, int pageSize)
    {
        v.Check(pageSize is >= 0 and <= MaxSize, "page_size", $"must be between 0 and {MaxSize} (0 means {DefaultSize})");
        return pageSize == 0 ? DefaultSize : pageSize;
    }
}
