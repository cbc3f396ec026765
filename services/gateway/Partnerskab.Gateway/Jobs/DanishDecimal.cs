using System.Globalization;

namespace Partnerskab.Gateway.Jobs;

/// <summary>
/// A number with up to two decimals as written in a Danish spreadsheet ("15,5", "1234,50"), or
/// with a decimal point ("15.5"), as whole hundredths (1550): hours as hundredths of an hour,
/// kroner as øre. No thousands separators: "1.234" is one and a bit, and so has too many decimals.
/// </summary>
public static class DanishDecimal
{
    /// <summary>The hundredths, or null when the text is not such a number.</summary>
    public static long? Hundredths(string text)
    {
        var value = text.Trim();
        var separator = value.IndexOfAny([',', '.']);
        var whole = separator < 0 ? value : value[..separator];
        var fraction = separator < 0 ? "" : value[(separator + 1)..];
        var negative = whole.StartsWith('-');
        if (negative) whole = whole[1..];
        if (whole.Length is 0 or > 15 || fraction.Length > 2 || (separator >= 0 && fraction.Length == 0)) return null;
        if (!whole.All(char.IsAsciiDigit) || !fraction.All(char.IsAsciiDigit)) return null;
        var hundredths = long.Parse(whole, CultureInfo.InvariantCulture) * 100 + (fraction.Length == 0 ? 0 : int.Parse(fraction.PadRight(2, '0'), CultureInfo.InvariantCulture));
        return negative ? -hundredths : hundredths;
    }
}
