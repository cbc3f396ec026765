using System.Text;

namespace Partnerskab.Portal.Accounts;

/// <summary>
/// How a person types the portal's TOTP key into an authenticator app: the key in groups of four
/// (no QR code, so nothing but text to render), and the otpauth URI (Google Authenticator's key
/// URI format) that apps and password managers accept pasted.
/// </summary>
public static class AuthenticatorUri
{
    public const string Issuer = "Partnerskab";

    public static string Grouped(string key)
    {
        var text = new StringBuilder();
        for (var i = 0; i < key.Length; i += 4)
        {
            if (i > 0) text.Append(' ');
            text.Append(key.AsSpan(i, Math.Min(4, key.Length - i)));
        }
        return text.ToString().ToLowerInvariant();
    }

    public static string For(string userName, string key) =>
        $"otpauth://totp/{Uri.EscapeDataString(Issuer)}:{Uri.EscapeDataString(userName)}?secret={key}&issuer={Uri.EscapeDataString(Issuer)}&algorithm=SHA1&digits=6&period=30";
}
