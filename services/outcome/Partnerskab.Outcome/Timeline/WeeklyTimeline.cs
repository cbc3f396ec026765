using NodaTime;
using NodaTime.Calendars;

namespace Partnerskab.Outcome.Timeline;

public enum WeeklyStatusKind
{
    SicknessBenefit = 1,
    JobClarificationBenefit = 2,
    OtherPublicBenefit = 3,
    OrdinaryEmployment = 4,
    FlexJob = 5,
    Education = 6,
    WorkPlacement = 7,
    DisabilityPension = 8,
    SelfSupportingOther = 9,
    MovedAway = 10,
    Deceased = 11,
    Unknown = 12,
}

public enum StatusSource
{
    Provider = 1,
    Register = 2,
    /// <summary>The register's statuses of the comparison group: kept in tables of their own, never in a timeline (<see cref="Comparison.ComparisonStatuses"/>).</summary>
    ComparisonRegister = 3,
}

/// <summary>
/// A citizen's weekly timeline from the two sources' reports: one status per ISO week, the
/// register's when it has one. Pure: the same reports give the same timeline in any order.
/// </summary>
public static class WeeklyTimeline
{
    public sealed record Report(LocalDate WeekStart, StatusSource Source, WeeklyStatusKind Status, int PaidHoursHundredths);

    public sealed record Week(
        LocalDate WeekStart, WeeklyStatusKind Status, StatusSource DecidedBy,
        WeeklyStatusKind? ProviderStatus, WeeklyStatusKind? RegisterStatus, int PaidHoursHundredths)
    {
        public bool Disagreement => ProviderStatus is { } provider && RegisterStatus is { } register && provider != register;
        public bool SelfSufficient => IsSelfSufficient(Status);
    }

    /// <summary>
    /// A week with no public benefit. A flex job is subsidised by the kommune and a work
    /// placement is unpaid while on benefit, so neither counts; education does (DREAM's rule).
    /// </summary>
    public static bool IsSelfSufficient(WeeklyStatusKind status) =>
        status is WeeklyStatusKind.OrdinaryEmployment or WeeklyStatusKind.Education or WeeklyStatusKind.SelfSupportingOther;

    /// <summary>The Monday of the ISO week containing the day.</summary>
    public static LocalDate WeekOf(LocalDate day) => day.PlusDays(1 - (int)day.DayOfWeek);

    /// <summary>The Monday of an ISO week, or null when the year has no such week (week 53 exists in some years only).</summary>
    public static LocalDate? WeekStart(int isoWeekYear, int isoWeek)
    {
        if (isoWeekYear is < 1900 or > 2199 || isoWeek < 1 || isoWeek > WeekYearRules.Iso.GetWeeksInWeekYear(isoWeekYear)) return null;
        return WeekYearRules.Iso.GetLocalDate(isoWeekYear, isoWeek, IsoDayOfWeek.Monday);
    }

    /// <summary>A week belongs to the window [start, end) when any of its seven days does, so the first and last weeks may be half inside.</summary>
    public static bool WeekInWindow(LocalDate weekStart, LocalDate start, LocalDate end) =>
        weekStart.PlusDays(6) >= start && weekStart < end;

    /// <summary>One week per reported ISO week, in week order; a source's report per week is unique.</summary>
    public static IReadOnlyList<Week> Build(IEnumerable<Report> reports) =>
        reports
            .GroupBy(r => r.WeekStart)
            .OrderBy(g => g.Key)
            .Select(g =>
            {
                var provider = g.SingleOrDefault(r => r.Source == StatusSource.Provider);
                var register = g.SingleOrDefault(r => r.Source == StatusSource.Register);
                var decided = register ?? provider!;
                return new Week(g.Key, decided.Status, decided.Source, provider?.Status, register?.Status, decided.PaidHoursHundredths);
            })
            .ToList();
}
