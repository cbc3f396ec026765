namespace Partnerskab.Contracts.Outcome;

/// <summary>
/// The provider delivered a learning-track deliverable for the jobcenter's staff.
/// Kind is one of CaseAnalysis, TeachingDay, CaseSparring; Quantity counts units (for example
/// citizens' cases analysed).
/// </summary>
public sealed record DeliverableCompleted
{
    public required Guid DeliverableId { get; init; }
    public required Guid PartnershipId { get; init; }
    public required string Kind { get; init; }
    public required DateOnly CompletedOn { get; init; }
    public required int Quantity { get; init; }
}
