using NodaTime;
using NodaTime.Text;

namespace Partnerskab.Portal.Finance;

/// <summary>A date typed in a form (YYYY-MM-DD, as a date input sends it): read, or why not.</summary>
public sealed record DateField(string Text, LocalDate? Value)
{
    public bool Invalid => Text.Length > 0 && Value is null;

    /// <summary>Empty text reads as <paramref name="fallback"/> (also shown in the form).</summary>
    public static DateField Read(string? text, LocalDate? fallback = null)
    {
        var trimmed = text?.Trim() ?? "";
        if (trimmed.Length == 0)
        {
            return fallback is { } day ? new DateField(LocalDatePattern.Iso.Format(day), day) : new DateField("", null);
        }
        var parsed = LocalDatePattern.Iso.Parse(trimmed);
        return new DateField(trimmed, parsed.Success ? parsed.Value : null);
    }
}
