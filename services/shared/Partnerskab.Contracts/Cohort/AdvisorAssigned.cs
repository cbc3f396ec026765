namespace Partnerskab.Contracts.Cohort;

/// <summary>The provider's job advisor for a citizen was assigned or reassigned.</summary>
public sealed record AdvisorAssigned
{
    public required Guid PartnershipId { get; init; }
    public required Pseudonym CitizenId { get; init; }
    /// <summary>The provider's own identifier of the advisor (not personal data of the citizen).</summary>
    public required string AdvisorId { get; init; }
    public required DateOnly AssignedOn { get; init; }
}
