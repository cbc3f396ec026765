namespace Partnerskab.Contracts.Cohort;

/// <summary>
/// A citizen left the cohort before the end of the follow-up; follow-up obligations stop on
/// ExitDate. A wrongly enrolled citizen should never have been in the cohort: the place is freed and
/// nothing earned for the citizen stands.
/// </summary>
public sealed record CitizenExited
{
    public required Guid PartnershipId { get; init; }
    public required Pseudonym CitizenId { get; init; }
    public required DateOnly ExitDate { get; init; }
    public required ExitReason Reason { get; init; }
}
