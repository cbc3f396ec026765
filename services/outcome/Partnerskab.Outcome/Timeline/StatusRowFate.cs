using Partnerskab.Outcome.FollowUp;

namespace Partnerskab.Outcome.Timeline;

/// <summary>
/// What becomes of one weekly-status row that passed the checks on its own fields: a new report
/// for its week, one that replaces the source's earlier report of the week, the same report again,
/// or a rejection when the citizen is not in follow-up that week. Pure.
/// </summary>
public static class StatusRowFate
{
    public abstract record Fate;

    public sealed record New : Fate;

    /// <summary>The source reported the week before with another status or other paid hours; the row's report takes its place.</summary>
    public sealed record Replaced(WeeklyStatusReport Stored) : Fate;

    public sealed record Unchanged : Fate;

    public sealed record Rejected(string Field, string Reason) : Fate;

    /// <param name="citizen">The citizen as the outcome service knows it, or null when no handover has reached it.</param>
    /// <param name="stored">The source's report of the row's week so far, including one an earlier row of the stream gave.</param>
    public static Fate Decide(WeeklyStatusReport row, FollowUpCitizen? citizen, WeeklyStatusReport? stored)
    {
        if (citizen is null)
        {
            return new Rejected("citizen_id", "is not a citizen handed over to this partnership (or the handover has not reached the outcome service yet)");
        }
        if (citizen.WasWronglyEnrolled || !citizen.Window.HasWeek(row.WeekStart))
        {
            return new Rejected("iso_week", citizen.OutsideFollowUpReason($"the week of {row.WeekStart:uuuu-MM-dd}"));
        }
        if (stored is null) return new New();
        return stored.Status != row.Status || stored.PaidHoursHundredths != row.PaidHoursHundredths ? new Replaced(stored) : new Unchanged();
    }

    /// <summary>
    /// A comparison citizen's row: a new version of its week (the first, or another status or other
    /// paid hours), the same again, or a rejection when the citizen is handed over to the
    /// partnership. A citizen not registered yet is not rejected: its weeks wait for the
    /// registration, so the two may arrive in either order. Its window is not known before then,
    /// so no week is outside it here; the business case reads the weeks of its months only.
    /// </summary>
    /// <param name="handedOver">Whether the citizen is in the partnership's cohort as this service knows it.</param>
    /// <param name="latest">The week's latest version so far, including one an earlier row of the stream gave.</param>
    public static Fate DecideComparison(Comparison.ComparisonStatusReport row, bool handedOver, Comparison.ComparisonStatusReport? latest)
    {
        if (handedOver) return new Rejected("citizen_id", HandedOverToComparisonReason);
        if (latest is null) return new New();
        return latest.Status != row.Status || latest.PaidHoursHundredths != row.PaidHoursHundredths ? new New() : new Unchanged();
    }

    /// <summary>Why a handed-over citizen is refused in the comparison group: by the status stream and by the registration alike.</summary>
    public const string HandedOverToComparisonReason =
        "is a citizen handed over to this partnership; a citizen of the cohort is not in its comparison group";
}
