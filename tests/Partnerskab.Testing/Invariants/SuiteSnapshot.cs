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
    IReadOnlyList<SuiteSnapshot.IssuedDocument> Documents,
    IReadOnlyList<SuiteSnapshot.UnsentOutboxRow> UnsentOutbox,
    IReadOnlyList<SuiteSnapshot.ErrorQueueMessage> ErrorQueues)
{
    /// <summary>The payment service's periods closed now (not reopened).</summary>
    public IReadOnlyList<ClosedPeriod> ClosedPeriods { get; init; } = [];

    /// <summary>What the payment service's day totals hold per partnership and payer; null when not read.</summary>
    public IReadOnlyList<PayerTotal>? PayerTotals { get; init; }

    public sealed record PayerTotal(Guid PartnershipId, string PayerId, long AmountOre);

    public sealed record CitizenKey(Guid PartnershipId, string CitizenId);

    public sealed record ClosedPeriod(Guid PartnershipId, DateOnly Start, DateOnly End, DateTimeOffset ClosedAt);

    public sealed record HandedOverCitizen(Guid PartnershipId, string CitizenId);

    public sealed record AchievedMilestone(Guid Id, Guid PartnershipId, string CitizenId, string Code, bool Revoked = false);

    /// <summary>A ledger item; <see cref="Kind"/> as the payment service stores it (1 handover fee, 2 milestone, 5 credit).</summary>
    public sealed record LedgerEntry(Guid Id, Guid PartnershipId, string? CitizenId, int Kind, string CauseKey, long AmountOre, Guid? CreditsItemId)
    {
        /// <summary>The event that caused the item (every credit has one).</summary>
        public Guid? CauseMessageId { get; init; }
        public DateOnly BookedOn { get; init; }
        public DateTimeOffset RecordedAt { get; init; }
        /// <summary>Who pays it ("" the kommune alone); a split cause has an item per payer.</summary>
        public string PayerId { get; init; } = "";
        /// <summary>The item that counts its cause: the only one, or the remainder payer's.</summary>
        public bool Lead { get; init; } = true;
    }

    /// <summary>An issued invoice or credit note (<see cref="Kind"/> 1 invoice, 2 credit note) with its lines.</summary>
    public sealed record IssuedDocument(Guid Id, int Kind, long Number, Guid? CreditedInvoiceId, long NetAmountOre, long VatAmountOre,
        long TotalAmountOre, IReadOnlyList<DocumentLine> Lines)
    {
        public Guid PartnershipId { get; init; }
        /// <summary>The issuer whose number series the document's number is taken from.</summary>
        public string IssuerCvr { get; init; } = "";
        public DateOnly PeriodEnd { get; init; }
        public DateTimeOffset CreatedAt { get; init; }
        /// <summary>The payer it bills ("" the kommune alone).</summary>
        public string PayerId { get; init; } = "";
    }

    public sealed record DocumentLine(int LineNumber, Guid LedgerItemId, int Quantity, long UnitPriceOre, long AllowanceOre, long NetAmountOre);

    public sealed record UnsentOutboxRow(string Service, Guid MessageId, string MessageType, DateTimeOffset CreatedAt, int Attempts, string? LastError);

    public sealed record ErrorQueueMessage(string Queue, Guid? MessageId, string? MessageType, string? Reason);

    public const int HandoverFeeKind = 1;
    public const int MilestoneKind = 2;
    public const int CreditKind = 5;
    public const int InvoiceKind = 1;
    public const int CreditNoteKind = 2;
}
