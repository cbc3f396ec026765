using NodaTime;
using NodaTime.Calendars;
using Partnerskab.ServiceDefaults.Access;

namespace Partnerskab.Outcome.Milestones;

/// <summary>
/// The fact whose change makes citizens' milestones be recomputed: its kind, who reported it (as
/// the audit trail names the caller), in words for a revocation's reason, and for each milestone
/// it takes away which fact it is and the day that fact is about (the milestone's effective day).
/// </summary>
public sealed record FactChange(string Kind, string ReportedBy, string Words, Func<Milestone, FactChange.Fact> About)
{
    public const string ClaimKind = "claim";
    public const string StatusWeekKind = "status-week";
    public const string ExitKind = "exit";
    public const string HandoverKind = "handover";
    public const string DefinitionsKind = "definitions";

    /// <summary>Which fact (a claim's id, a status week "2024-W12", an exit date, the definitions' version) and the day it is about.</summary>
    public sealed record Fact(string Reference, LocalDate EffectiveOn);

    /// <summary>Who reported a fact, as the audit trail names the caller: its subject and roles.</summary>
    public static string ReporterOf(Caller caller) => $"{caller.Subject} ({string.Join(", ", caller.Roles)})";

    /// <summary>The cohort service's event about a citizen (an exit, a handover): no caller of this service reported it.</summary>
    public const string CohortService = "the cohort service";

    /// <summary>A decision on a claim; it is about the claim's outcome date before the decision.</summary>
    public static FactChange Claim(Guid claimId, LocalDate outcomeDate, string reportedBy, string words) =>
        new(ClaimKind, reportedBy, words, _ => new Fact(claimId.ToString(), outcomeDate));

    /// <summary>New or replaced weekly statuses; each citizen's change is about the earliest week reported for it.</summary>
    public static FactChange StatusWeeks(IReadOnlyDictionary<string, LocalDate> earliestWeekByCitizen, string reportedBy, string words) =>
        new(StatusWeekKind, reportedBy, words, m => new Fact(WeekName(earliestWeekByCitizen[m.CitizenId]), earliestWeekByCitizen[m.CitizenId]));

    /// <summary>A citizen's exit; it is about the exit date, which may lie in the past.</summary>
    public static FactChange Exit(LocalDate exitDate, string words) =>
        new(ExitKind, CohortService, words, _ => new Fact(exitDate.ToString("uuuu-MM-dd", null), exitDate));

    /// <summary>
    /// A corrected handover date moved the citizen's follow-up window; the change is about the
    /// earlier of the old and new start, the first day whose follow-up it changed.
    /// </summary>
    public static FactChange Handover(LocalDate before, LocalDate after, string words) =>
        new(HandoverKind, CohortService, words, _ => new Fact(after.ToString("uuuu-MM-dd", null), LocalDate.Min(before, after)));

    /// <summary>New milestone definitions apply to every day: a milestone they no longer reach was never reached, so each is about its own day.</summary>
    public static FactChange Definitions(Instant setAt, string reportedBy, string words) =>
        new(DefinitionsKind, reportedBy, words, m => new Fact($"definitions of {setAt}", m.AchievedOn));

    /// <summary>"2024-W12": the ISO week starting on the Monday.</summary>
    public static string WeekName(LocalDate weekStart) =>
        $"{WeekYearRules.Iso.GetWeekYear(weekStart)}-W{WeekYearRules.Iso.GetWeekOfWeekYear(weekStart):D2}";
}
