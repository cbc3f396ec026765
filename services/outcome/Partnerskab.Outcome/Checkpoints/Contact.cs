using NodaTime;

namespace Partnerskab.Outcome.Checkpoints;

public enum ContactChannel
{
    InPerson = 1,
    Phone = 2,
    Video = 3,
    Written = 4,
}

/// <summary>A contact the provider had with a citizen; the provider's reference makes a retried report safe.</summary>
public sealed class Contact
{
    public Guid Id { get; set; }
    public Guid PartnershipId { get; set; }
    public required string CitizenId { get; set; }
    public required string Reference { get; set; }
    public LocalDate ContactDate { get; set; }
    public ContactChannel Channel { get; set; }
    public Instant RecordedAt { get; set; }

    public bool SameAs(Contact other) => CitizenId == other.CitizenId && ContactDate == other.ContactDate && Channel == other.Channel;
}
