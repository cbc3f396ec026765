using Microsoft.EntityFrameworkCore;
using NodaTime;
using Partnerskab.Outcome.FollowUp;
using Partnerskab.Outcome.Persistence;
using Partnerskab.ServiceDefaults.Persistence;

namespace Partnerskab.Outcome.Checkpoints;

/// <summary>Writes the kept worklist's rows of citizens (<see cref="KeptWorklist"/>); called by <see cref="KeptReads"/> alone.</summary>
public static class KeptWorklistStore
{
    /// <summary>Replaces the rows of the citizens that the changed facts decide.</summary>
    /// <param name="rebuilding">The partnership's rows were deleted first: nothing to replace.</param>
    public static async Task WriteAsync(OutcomeDbContext db, FollowUpPlan plan, IReadOnlyList<FollowUpCitizen> citizens, FactsChanged changed, bool rebuilding,
        CancellationToken cancellationToken)
    {
        var partnershipId = plan.PartnershipId;
        var ids = citizens.Select(c => c.CitizenId).ToList();
        var idArray = ids.ToArray();
        var contacts = changed == FactsChanged.Weeks
            ? Enumerable.Empty<(string CitizenId, LocalDate Date)>().ToLookup(c => c.CitizenId, c => c.Date)
            : (await db.Contacts.WithKeys("citizen_id", ids, partnershipId).AsNoTracking()
                .Select(c => new { c.CitizenId, c.ContactDate }).ToListAsync(cancellationToken)).ToLookup(c => c.CitizenId, c => c.ContactDate);
        var kept = citizens
            .Select(c => (c.CitizenId, Kept: KeptWorklist.Of(plan, c.Window, c.WasWronglyEnrolled, contacts[c.CitizenId], c.Weeks)))
            .ToList();

        var kinds = KindsOf(changed);
        if (!rebuilding)
        {
            var kindNumbers = kinds.Select(k => (int)k).ToArray();
            await db.Database.ExecuteSqlAsync($"""
                DELETE FROM worklist_items AS i USING unnest({idArray}) AS u(citizen_id)
                WHERE i.partnership_id = (SELECT {partnershipId}) AND i.citizen_id = u.citizen_id AND i.kind = ANY({kindNumbers})
                """, cancellationToken);
        }
        var rows = kept.Where(c => c.Kept is not null)
            .SelectMany(c => c.Kept!.Rows.Where(r => kinds.Contains(r.Kind)).Select(r => (c.CitizenId, Row: r)))
            .ToList();
        if (rows.Count > 0)
        {
            var due = rows.Select(r => r.Row.DueOn).ToArray();
            var rowCitizens = rows.Select(r => r.CitizenId).ToArray();
            var rowKinds = rows.Select(r => (int)r.Row.Kind).ToArray();
            var months = rows.Select(r => r.Row.Months).ToArray();
            var until = rows.Select(r => r.Row.Until).ToArray();
            await db.Database.ExecuteSqlAsync($"""
                INSERT INTO worklist_items (partnership_id, due_on, citizen_id, kind, months, until)
                SELECT {partnershipId}, u.* FROM unnest({due}, {rowCitizens}, {rowKinds}, {months}, {until}) AS u
                """, cancellationToken);
        }
        if (!changed.HasFlag(FactsChanged.Window) && !changed.HasFlag(FactsChanged.Contacts)) return;

        if (!rebuilding)
        {
            await db.Database.ExecuteSqlAsync($"""
                DELETE FROM worklist_citizens AS c USING unnest({idArray}) AS u(citizen_id)
                WHERE c.partnership_id = (SELECT {partnershipId}) AND c.citizen_id = u.citizen_id
                """, cancellationToken);
        }
        var shown = kept.Where(c => c.Kept is not null).Select(c => (c.CitizenId, c.Kept!.Citizen)).ToList();
        if (shown.Count == 0) return;
        var citizenIds = shown.Select(c => c.CitizenId).ToArray();
        var starts = shown.Select(c => c.Citizen.Start).ToArray();
        var ends = shown.Select(c => c.Citizen.ObligationsEnd).ToArray();
        var lastContacts = shown.Select(c => c.Citizen.LastContactOn).ToArray();
        await db.Database.ExecuteSqlAsync($"""
            INSERT INTO worklist_citizens (partnership_id, citizen_id, start, obligations_end, last_contact_on)
            SELECT {partnershipId}, u.* FROM unnest({citizenIds}, {starts}, {ends}, {lastContacts}) AS u
            """, cancellationToken);
    }

    public static async Task DeleteAsync(OutcomeDbContext db, Guid partnershipId, CancellationToken cancellationToken)
    {
        await db.WorklistItems.Where(i => i.PartnershipId == partnershipId).ExecuteDeleteAsync(cancellationToken);
        await db.WorklistCitizens.Where(c => c.PartnershipId == partnershipId).ExecuteDeleteAsync(cancellationToken);
    }

    private static WorklistItemKind[] KindsOf(FactsChanged changed) =>
    [
        .. changed.HasFlag(FactsChanged.Window) || changed.HasFlag(FactsChanged.Contacts)
            ? new[] { WorklistItemKind.ContactOverdue, WorklistItemKind.NoRecentContact } : [],
        .. changed.HasFlag(FactsChanged.Window) || changed.HasFlag(FactsChanged.Weeks)
            ? new[] { WorklistItemKind.StatusOverdue, WorklistItemKind.CloseOutOverdue } : [],
    ];
}
