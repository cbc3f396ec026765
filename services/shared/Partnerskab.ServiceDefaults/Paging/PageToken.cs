using System.Security.Cryptography;
using System.Text;
using Partnerskab.ServiceDefaults.Errors;

namespace Partnerskab.ServiceDefaults.Paging;

/// <summary>
/// The page token of a list RPC: the sort key of a page's last row, written for the list it came
/// from with a check sum over both, as base64url, so that callers treat it as opaque. Read back,
/// a token of another list, a token cut or changed on its way, or text that is no token is refused
/// as a field violation of <c>page_token</c> (InvalidArgument).
/// </summary>
public static class PageToken
{
    private const char Separator = '|';
    private const int CheckLength = 8;

    /// <summary>The token of a page whose last row has this sort key (its parts in order; the last may hold anything).</summary>
    public static string Write(string list, params string[] key)
    {
        var content = string.Join(Separator, [list, .. key]);
        return Base64Url(Encoding.UTF8.GetBytes($"{Check(content)}{Separator}{content}"));
    }

    /// <summary>
    /// The sort key a token of <paramref name="list"/> holds, as <paramref name="parse"/> reads its
    /// <paramref name="parts"/> parts; default (the first page) for an empty token. A token that is
    /// no token of this list, or whose key <paramref name="parse"/> refuses (answers null), adds a
    /// violation of <c>page_token</c> and reads as default.
    /// </summary>
    public static T? Read<T>(RequestValidator v, string token, string list, int parts, Func<string[], T?> parse)
    {
        if (token.Length == 0) return default;
        if (Key(token, list, parts) is { } key && parse(key) is { } value) return value;
        v.Add("page_token", "is not a page token of this list (pass the next_page_token of its previous page unchanged)");
        return default;
    }

    private static string[]? Key(string token, string list, int parts)
    {
        try
        {
            var padded = token.Replace('-', '+').Replace('_', '/').PadRight(token.Length + (4 - token.Length % 4) % 4, '=');
            var text = new UTF8Encoding(false, throwOnInvalidBytes: true).GetString(Convert.FromBase64String(padded));
            var cut = text.IndexOf(Separator);
            if (cut < 0 || text[..cut] != Check(text[(cut + 1)..])) return null;
            var fields = text[(cut + 1)..].Split(Separator, parts + 1);
            return fields.Length == parts + 1 && fields[0] == list ? fields[1..] : null;
        }
        catch (Exception e) when (e is FormatException or ArgumentException)
        {
            return null;
        }
    }

    /// <summary>The first bytes of the content's SHA-256, in hex: it catches a token cut or changed, not one forged on purpose.</summary>
    private static string Check(string content) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(content)).AsSpan(0, CheckLength / 2));

    private static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
