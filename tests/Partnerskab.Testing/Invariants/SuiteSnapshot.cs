namespace Partnerskab.Testing.Invariants;

/// <summary>
/// What the invariants are checked against: the rows of the three databases and the messages
/// of the broker's error queues that matter for "nothing lost, nothing doubled", read once the
/// suite has settled.
/// </summary>
public sealed record SuiteSnapshot(
    IReadOnlyList<SuiteSnapshot.HandedOverCitizen> CohortCitizens,
    IReadOnlyList<SuiteSnapshot.CitizenKey> OutcomeFollowUps,
    IReadOnlyList<SuiteSnapshot.AchievedMilestone> OutcomeMilestones,
    IReadOnlyList<SuiteSnapshot.LedgerEntry> Ledger,
    IReadOnlyList<SuiteSnapshot.UnsentOutboxRow> UnsentOutbox,
    IReadOnlyList<SuiteSnapshot.ErrorQueueMessage> ErrorQueues)
{
    public sealed record CitizenKey(Guid PartnershipId, string CitizenId);

    public sealed record HandedOverCitizen(Guid PartnershipId, string CitizenId);

    public sealed record AchievedMilestone(Guid Id, Guid PartnershipId, string CitizenId, string Code);

    /// <summary>A ledger item; <see cref="Kind"/> as the payment service stores it (1 handover fee, 2 milestone, 5 credit).</summary>
    public sealed record LedgerEntry(Guid Id, Guid PartnershipId, string? CitizenId, int Kind, string CauseKey, long AmountOre, Guid? CreditsItemId);

    public sealed record UnsentOutboxRow(string Service, Guid MessageId, string MessageType, DateTimeOffset CreatedAt, int Attempts, string? LastError);

    public sealed record ErrorQueueMessage(string Queue, Guid? MessageId, string? MessageType, string? Reason);

    public const int HandoverFeeKind = 1;
    public const int MilestoneKind = 2;
    public const int CreditKind = 5;
}
