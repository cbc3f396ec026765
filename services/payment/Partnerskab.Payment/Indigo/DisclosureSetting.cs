using NodaTime;

namespace Partnerskab.Payment.Indigo;

/// <summary>The parts of the INDIGO project record whose disclosure the kommune decides (numbered as the API's IndigoField).</summary>
public enum IndigoPart
{
    Name = 1,
    Dates = 2,
    OutcomeMetrics = 3,
    OutcomePricings = 4,
    MaximumOutcomePayment = 5,
    OutcomePayments = 6,
    Results = 7,
    Investments = 8,
}

/// <summary>INDIGO's disclosure status of a field (numbered as the API's Disclosure).</summary>
public enum FieldStatus
{
    Public = 1,
    Private = 2,
    Disputed = 3,
}

/// <summary>
/// The kommune's decision on one part of a partnership's INDIGO record. Settings are only added,
/// never changed (a database trigger refuses it): the newest per part is in force, the older ones
/// say who decided what before.
/// </summary>
public sealed class DisclosureSetting
{
    public Guid Id { get; set; }
    public Guid PartnershipId { get; set; }
    public IndigoPart Part { get; set; }
    public FieldStatus Status { get; set; }
    public Instant SetAt { get; set; }
    public required string SetBy { get; set; }
}
