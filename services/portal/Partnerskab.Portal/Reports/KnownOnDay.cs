using NodaTime;
using Partnerskab.Portal.Finance;

namespace Partnerskab.Portal.Reports;

/// <summary>
/// The day a report is read "as known on" (?kendt=YYYY-MM-DD, as a date input sends it): only what
/// the suite had recorded by the end of that Copenhagen day, in the versions current then. Empty
/// means as known now. A day after today is not known yet, and a text that is no date is not read:
/// <see cref="Problem"/> names the message (a resource) and no service is asked.
/// </summary>
public sealed record KnownOnDay(string Text, LocalDate? Value, string? Problem, bool Earlier)
{
    public bool Invalid => Problem is not null;

    public static KnownOnDay Read(string? text, LocalDate today)
    {
        var field = DateField.Read(text);
        if (field.Invalid) return new(field.Text, null, "KnownOnInvalid", false);
        if (field.Value is { } day && day > today) return new(field.Text, null, "KnownOnAfterToday", false);
        return new(field.Text, field.Value, null, field.Value < today);
    }
}
