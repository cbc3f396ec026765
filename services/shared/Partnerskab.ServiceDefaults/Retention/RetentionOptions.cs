using NodaTime;
using NodaTime.Text;

namespace Partnerskab.ServiceDefaults.Retention;

/// <summary>Bound from the "Retention" configuration section.</summary>
public sealed class RetentionOptions
{
    public const string Section = "Retention";

    /// <summary>ISO 8601 period kept after the financial year in which a citizen's follow-up ended, e.g. "P5Y".</summary>
    public string Period { get; set; } = "P5Y";

    /// <summary>How often the erasure job looks for citizens whose retention has passed.</summary>
    public TimeSpan Interval { get; set; } = TimeSpan.FromHours(6);

    /// <summary>Citizens erased in one transaction.</summary>
    public int BatchSize { get; set; } = 500;

    public Period RetentionPeriod() => PeriodPattern.NormalizingIso.Parse(Period) is { Success: true } parsed
        && parsed.Value.Normalize() is { } period && period != NodaTime.Period.Zero && !HasNegativeUnit(period)
            ? period
            : throw new InvalidOperationException($"{Section}:Period (environment Retention__Period) must be a positive ISO 8601 period such as P5Y, not '{Period}'.");

    private static bool HasNegativeUnit(Period p) => p.Years < 0 || p.Months < 0 || p.Weeks < 0 || p.Days < 0 || p.Hours < 0;
}
