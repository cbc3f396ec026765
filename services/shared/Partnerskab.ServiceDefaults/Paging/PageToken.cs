using System.Text;

namespace Partnerskab.ServiceDefaults.Paging;

/// <summary>
/// A keyset page token: the sort key of a page's last row, its parts joined and written as
/// base64url so that callers treat it as opaque.
/// </summary>
public static class PageToken
{
    private const char Separator = '|';

    public static string Encode(params string[] parts) =>
        Convert.ToBase64String(Encoding.UTF8.GetBytes(string.Join(Separator, parts))).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    /// <summary>
    /// The <paramref name="count"/> parts of a token <see cref="Encode"/> wrote (the last one may
    /// hold the separator), or null when the text is no such token.
    /// </summary>
    public static string[]? Decode(string token, int count)
    {
        try
        {
            var padded = token.Replace('-', '+').Replace('_', '/').PadRight(token.Length + (4 - token.Length % 4) % 4, '=');
            var parts = Encoding.UTF8.GetString(Convert.FromBase64String(padded)).Split(Separator, count);
            return parts.Length == count ? parts : null;
        }
        catch (FormatException)
        {
            return null;
        }
    }
}
