using Microsoft.EntityFrameworkCore;
using NodaTime;
using Partnerskab.Outcome.FollowUp;
using Partnerskab.Outcome.History;
using Partnerskab.Outcome.Persistence;

namespace Partnerskab.Outcome.Checkpoints;

/// <summary>The contact dates of some citizens of a partnership, read at once, and the schedules they give.</summary>
public sealed class ContactDates(ILookup<string, LocalDate> dates)
{
    /// <param name="knownOn">Only the contacts recorded by the end of this day; null: every contact recorded.</param>
    public static async Task<ContactDates> ReadAsync(OutcomeDbContext db, Guid partnershipId, IReadOnlyCollection<FollowUpCitizen> citizens,
        CancellationToken cancellationToken, KnownOn? knownOn = null)
    {
        var contacts = db.Contacts.AsNoTracking().Where(c => c.PartnershipId == partnershipId);
        if (knownOn is { End: var end }) contacts = contacts.Where(c => c.RecordedAt < end);
        if (citizens.Count == 1)
        {
            var only = citizens.First().CitizenId;
            contacts = contacts.Where(c => c.CitizenId == only);
        }
        var contactDates = await contacts.Select(c => new { c.CitizenId, c.ContactDate }).ToListAsync(cancellationToken);
        return new ContactDates(contactDates.ToLookup(c => c.CitizenId, c => c.ContactDate));
    }

    public FollowUpSchedule.Schedule ScheduleOf(FollowUpCitizen citizen, FollowUpPlan plan, LocalDate asOf) =>
        FollowUpSchedule.Build(plan, citizen.Window, asOf, dates[citizen.CitizenId], citizen.Weeks);
}
