using NodaTime;

namespace Partnerskab.Outcome.Checkpoints;

/// <summary>One row of the kept worklist (<see cref="KeptWorklist.Row"/>); its key is the worklist's order.</summary>
public sealed class WorklistItemRow
{
    public Guid PartnershipId { get; set; }
    public LocalDate DueOn { get; set; }
    public required string CitizenId { get; set; }
    public WorklistItemKind Kind { get; set; }
    public int Months { get; set; }
    public LocalDate? Until { get; set; }
}

/// <summary>A citizen as the kept worklist shows it (<see cref="KeptWorklist.Citizen"/>).</summary>
public sealed class WorklistCitizen
{
    public Guid PartnershipId { get; set; }
    public required string CitizenId { get; set; }
    public LocalDate Start { get; set; }
    public LocalDate ObligationsEnd { get; set; }
    public LocalDate? LastContactOn { get; set; }
}

/// <summary>The day up to which rows that stopped being items were deleted: a worklist as of an earlier day is computed from the facts.</summary>
public sealed class WorklistSweep
{
    public int Id { get; set; }
    public LocalDate SweptThrough { get; set; }
}
