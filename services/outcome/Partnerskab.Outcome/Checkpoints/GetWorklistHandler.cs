using System.Data;
using System.Globalization;
using Grpc.Core;
using Microsoft.EntityFrameworkCore;
using NodaTime.Text;
using NodaTime;
using Partnerskab.Contracts;
using Partnerskab.Outcome.FollowUp;
using Partnerskab.Outcome.History;
using Partnerskab.Outcome.Persistence;
using Partnerskab.Protos.Outcome.V1;
using Partnerskab.ServiceDefaults.Audit;
using Partnerskab.ServiceDefaults.Errors;
using Partnerskab.ServiceDefaults.Paging;
using Partnerskab.ServiceDefaults;

namespace Partnerskab.Outcome.Checkpoints;

/// <summary>What needs doing in a partnership on a day (<see cref="Worklist"/>), in pages.</summary>
public sealed class GetWorklistHandler(OutcomeDbContext db, KeptReads kept, IClock clock, ILogger<GetWorklistHandler> logger)
{
    private const string List = "worklist";

    public async Task<GetWorklistResponse> HandleAsync(GetWorklistRequest request, ServerCallContext context)
    {
        var v = new RequestValidator();
        var partnershipId = v.Id(request.PartnershipId, "partnership_id");
        var knownOn = KnownOn.Valid(v, request.KnownOn, clock);
        var asOf = request.AsOf is null ? KnownOn.DefaultAsOf(knownOn, clock) : v.Date(request.AsOf, "as_of");
        var size = ListPages.Size(v, request.PageSize);
        // The page token holds the sort key of the previous page's last item: due day, pseudonym, kind and months.
        var after = PageToken.Read(v, request.PageToken, List, 4, key =>
            LocalDatePattern.Iso.Parse(key[0]) is { Success: true } date && Pseudonym.IsWellFormed(key[1])
            && int.TryParse(key[2], NumberStyles.None, CultureInfo.InvariantCulture, out var kind) && Enum.IsDefined((WorklistItemKind)kind)
            && int.TryParse(key[3], NumberStyles.None, CultureInfo.InvariantCulture, out var months)
                ? new Worklist.Key(date.Value, key[1], (WorklistItemKind)kind, months)
                : null);
        v.ThrowIfInvalid();

        var cancellationToken = context.CancellationToken;
        if (knownOn is null) await kept.RecountForReadAsync(partnershipId, cancellationToken);
        // One snapshot: whether the kept rows answer for the day holds for the rows read, and they follow the plan read.
        await using var snapshot = await db.Database.BeginTransactionAsync(IsolationLevel.RepeatableRead, cancellationToken);
        var plan = await FollowUpPlans.RequiredAsync(db, partnershipId, cancellationToken);
        WorklistPage? page = null;
        if (knownOn is null && await KeptWorklistRead.AnswersAsync(db, partnershipId, asOf, cancellationToken))
        {
            page = await KeptWorklistRead.ReadAsync(db, partnershipId, asOf, after, size, cancellationToken);
            if (page is null)
            {
                logger.LogWarning("The kept worklist of partnership {PartnershipId} has an item whose citizen it does not keep; the page is computed from the facts",
                    partnershipId);
            }
        }
        page ??= await ComputedPageAsync(plan, partnershipId, asOf, knownOn, after, size, cancellationToken);
        await snapshot.CommitAsync(cancellationToken);
        AuditCall.Citizens(partnershipId, page.Items.Select(i => i.CitizenId));

        var next = page.Next;
        var response = new GetWorklistResponse
        {
            CitizensInFollowUp = page.InFollowUp,
            CitizensClosedOut = page.ClosedOut,
            NextPageToken = next is null ? "" : PageToken.Write(List, LocalDatePattern.Iso.Format(next.DueOn), next.CitizenId,
                ((int)next.Kind).ToString(CultureInfo.InvariantCulture), next.Months.ToString(CultureInfo.InvariantCulture)),
            Plan = plan.ToProto(),
        };
        response.Items.AddRange(page.Items.Select(i => new Protos.Outcome.V1.WorklistItem
        {
            Kind = (Protos.Outcome.V1.WorklistItemKind)(int)i.Kind,
            CitizenId = i.CitizenId,
            DueOn = i.DueOn.ToProto(),
            Months = i.Months,
            LastContactOn = i.LastContactOn?.ToProto(),
            DaysWithoutContact = i.DaysWithoutContact,
        }));
        return response;
    }

    /// <summary>
    /// The page computed from every citizen's schedule: for a day before the latest contact or
    /// the day the kept rows were swept through, as known on a past day, while the kept rows
    /// are being built, and when they disagree with themselves.
    /// </summary>
    private async Task<WorklistPage> ComputedPageAsync(FollowUpPlan plan, Guid partnershipId, LocalDate asOf, KnownOn? knownOn, Worklist.Key? after, int size,
        CancellationToken cancellationToken)
    {
        var citizens = knownOn is { } known
            ? (await KnownFacts.CitizensAsync(db, partnershipId, known, cancellationToken))
                .Where(c => c.FollowUpStart <= asOf && c.ExitReason != ExitReason.WronglyEnrolled).ToList()
            : await db.FollowUpCitizens.AsNoTracking()
                .Where(c => c.PartnershipId == partnershipId && c.FollowUpStart <= asOf && c.ExitReason != ExitReason.WronglyEnrolled)
                .ToListAsync(cancellationToken);
        var contacts = await ContactDates.ReadAsync(db, partnershipId, citizens, cancellationToken, knownOn);
        var schedules = citizens.Select(c => (c.CitizenId, Schedule: contacts.ScheduleOf(c, plan, asOf))).ToList();
        var (page, next) = Worklist.Page(schedules.SelectMany(s => Worklist.Items(s.CitizenId, s.Schedule, plan.NoContactDays)), after, size);
        return new WorklistPage(page, next, schedules.Count(s => s.Schedule.InFollowUp), schedules.Count(s => !s.Schedule.InFollowUp));
    }
}
