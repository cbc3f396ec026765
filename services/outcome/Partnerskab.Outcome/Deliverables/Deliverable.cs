using NodaTime;

namespace Partnerskab.Outcome.Deliverables;

/// <summary>The kinds of the staff learning track; their names are the ones payment's rate card prices.</summary>
public enum DeliverableKind
{
    CaseAnalysis = 1,
    TeachingDay = 2,
    CaseSparring = 3,
}

/// <summary>A learning-track deliverable the provider delivered, announced once as DeliverableCompleted.</summary>
public sealed class Deliverable
{
    public Guid Id { get; set; }
    public Guid PartnershipId { get; set; }
    /// <summary>The provider's reference, unique within the partnership; makes a retried report safe.</summary>
    public required string Reference { get; set; }
    public DeliverableKind Kind { get; set; }
    public LocalDate CompletedOn { get; set; }
    public int Quantity { get; set; }
    public required string EvidenceReference { get; set; }
    public Instant ReportedAt { get; set; }

    public bool SameAs(Deliverable other) =>
        Kind == other.Kind && CompletedOn == other.CompletedOn && Quantity == other.Quantity && EvidenceReference == other.EvidenceReference;
}
