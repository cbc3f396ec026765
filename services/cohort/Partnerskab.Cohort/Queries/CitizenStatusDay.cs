using NodaTime;

namespace Partnerskab.Cohort.Queries;

/// <summary>
/// How many of a partnership's citizens pass one kind of day on a date, kept by the database's
/// triggers on <c>citizens</c> in the writer's transaction, so counting by status costs the days of
/// the partnership, not its citizens.
/// </summary>
public sealed class CitizenStatusDay
{
    public Guid PartnershipId { get; init; }
    public StatusDayKind Kind { get; init; }
    public LocalDate Day { get; init; }
    public int Citizens { get; init; }
}

/// <summary>The days a citizen passes; a citizen counts once per kind (the migration's trigger keeps the numbers).</summary>
public enum StatusDayKind : short
{
    /// <summary>The follow-up's end (every citizen has one).</summary>
    FollowUpEnded = 1,
    /// <summary>The exit date (citizens with an exit).</summary>
    Exited = 2,
    /// <summary>The later of the two (citizens with an exit): from then the citizen has both ended and exited.</summary>
    EndedAndExited = 3,
}
