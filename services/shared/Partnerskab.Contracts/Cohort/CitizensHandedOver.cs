namespace Partnerskab.Contracts.Cohort;

/// <summary>
/// Citizens were handed over to the provider together: the citizens of one committed import batch,
/// or the one citizen of a single handover. Each citizen's follow-up window [FollowUpStart,
/// FollowUpEnd) opened. One event for the batch instead of one per citizen: its consumers take it as
/// one message, with one inbox row and one transaction, and apply the per-citizen rules to each.
/// </summary>
public sealed record CitizensHandedOver
{
    /// <summary>
    /// The most citizens one event carries (an import batch's size): 133 bytes of JSON each, so an
    /// event stays near 133 KB, far below RabbitMQ's message size limit (16 MiB by default since
    /// 4.0), and a consumer's transaction holds at most this many citizens' locks.
    /// </summary>
    public const int MaxCitizens = 1000;

    public required Guid PartnershipId { get; init; }

    /// <summary>Each citizen at most once, at most <see cref="MaxCitizens"/>.</summary>
    public required IReadOnlyList<HandedOverCitizen> Citizens { get; init; }
}

/// <summary>One citizen of <see cref="CitizensHandedOver"/>. CitizenId is the keyed pseudonym, never the CPR number.</summary>
public sealed record HandedOverCitizen
{
    public required Pseudonym CitizenId { get; init; }
    public required DateOnly HandoverDate { get; init; }
    public required DateOnly FollowUpStart { get; init; }
    public required DateOnly FollowUpEnd { get; init; }
}
