using System.Globalization;

namespace Partnerskab.Tokens;

/// <summary>
/// The call metadata of an operator's historical load: the moment the call's facts are to be
/// recorded at, an instant in UTC ("2024-05-06T10:00:00Z"). The services honour it for the
/// operator role only.
/// </summary>
public static class RecordedAtHeader
{
    public const string Name = "partnerskab-recorded-at";

    public static string Value(DateTimeOffset at) => at.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
}
