using System.Text;
using Grpc.Core;
using Microsoft.EntityFrameworkCore;
using NodaTime.Text;
using NodaTime;
using Partnerskab.Outcome.FollowUp;
using Partnerskab.Outcome.Persistence;
using Partnerskab.Protos.Outcome.V1;
using Partnerskab.ServiceDefaults.Audit;
using Partnerskab.ServiceDefaults.Errors;
using Partnerskab.ServiceDefaults.Paging;
using Partnerskab.ServiceDefaults;
using Partnerskab.Contracts;

namespace Partnerskab.Outcome.Checkpoints;

/// <summary>What needs doing in a partnership on a day (<see cref="Worklist"/>), in pages.</summary>
public sealed class GetWorklistHandler(OutcomeDbContext db, IClock clock)
{
    public async Task<GetWorklistResponse> HandleAsync(GetWorklistRequest request, ServerCallContext context)
    {
        var v = new RequestValidator();
        var partnershipId = v.Id(request.PartnershipId, "partnership_id");
        var asOf = request.AsOf is null ? clock.Today() : v.Date(request.AsOf, "as_of");
        var size = ListPages.Size(v, request.PageSize);
        var after = request.PageToken.Length > 0 ? ParseToken(v, request.PageToken) : null;
        v.ThrowIfInvalid();

        var cancellationToken = context.CancellationToken;
        var plan = await FollowUpPlans.RequiredAsync(db, partnershipId, cancellationToken);
        var citizens = await db.FollowUpCitizens.AsNoTracking()
            .Where(c => c.PartnershipId == partnershipId && c.FollowUpStart <= asOf && c.ExitReason != ExitReason.WronglyEnrolled)
            .ToListAsync(cancellationToken);
        var contacts = await ContactDates.ReadAsync(db, partnershipId, citizens, cancellationToken);
        var schedules = citizens.Select(c => (c.CitizenId, Schedule: contacts.ScheduleOf(c, plan, asOf))).ToList();
        var (page, next) = Worklist.Page(schedules.SelectMany(s => Worklist.Items(s.CitizenId, s.Schedule, plan.NoContactDays)), after, size);
        AuditCall.Citizens(partnershipId, page.Select(i => i.CitizenId));

        var response = new GetWorklistResponse
        {
            CitizensInFollowUp = schedules.Count(s => s.Schedule.InFollowUp),
            CitizensClosedOut = schedules.Count(s => !s.Schedule.InFollowUp),
            NextPageToken = next is null ? "" : Token(next),
            Plan = plan.ToProto(),
        };
        response.Items.AddRange(page.Select(i => new Protos.Outcome.V1.WorklistItem
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

    // A page token is the sort key of the page's last item: "due day|pseudonym|kind|months", base64url.
    private static string Token(Worklist.Key key) =>
        Convert.ToBase64String(Encoding.ASCII.GetBytes($"{key.DueOn:uuuu-MM-dd}|{key.CitizenId}|{(int)key.Kind}|{key.Months}"))
            .TrimEnd('=').Replace('+', '-').Replace('/', '_');

    private static Worklist.Key? ParseToken(RequestValidator v, string token)
    {
        try
        {
            var padded = token.Replace('-', '+').Replace('_', '/').PadRight(token.Length + (4 - token.Length % 4) % 4, '=');
            var parts = Encoding.ASCII.GetString(Convert.FromBase64String(padded)).Split('|');
            if (parts.Length == 4 && LocalDatePattern.Iso.Parse(parts[0]) is { Success: true } date && parts[1].Length == 32
                && int.TryParse(parts[2], out var kind) && Enum.IsDefined((WorklistItemKind)kind) && int.TryParse(parts[3], out var months))
            {
                return new Worklist.Key(date.Value, parts[1], (WorklistItemKind)kind, months);
            }
        }
        catch (FormatException)
        {
            // Falls through to the violation below.
        }
        v.Add("page_token", "is not a token this service gave out");
        return null;
    }
}
