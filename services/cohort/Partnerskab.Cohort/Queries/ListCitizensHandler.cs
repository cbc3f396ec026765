using System.Text;
using Grpc.Core;
using Microsoft.EntityFrameworkCore;
using NodaTime;
using NodaTime.Text;
using Partnerskab.Cohort.Handover;
using Partnerskab.Cohort.Persistence;
using Partnerskab.Protos.Cohort.V1;
using Partnerskab.ServiceDefaults;
using Partnerskab.ServiceDefaults.Audit;
using Partnerskab.ServiceDefaults.Errors;
using Partnerskab.ServiceDefaults.Paging;
using Citizen = Partnerskab.Cohort.Handover.Citizen;
using CitizenStatus = Partnerskab.Cohort.Handover.CitizenStatus;

namespace Partnerskab.Cohort.Queries;

/// <summary>A partnership's citizens by handover date, in pages, optionally by status on a day, advisor or handover month.</summary>
public sealed class ListCitizensHandler(CohortDbContext db, IClock clock)
{
    public async Task<ListCitizensResponse> HandleAsync(ListCitizensRequest request, ServerCallContext context)
    {
        var v = new RequestValidator();
        var partnershipId = v.Id(request.PartnershipId, "partnership_id");
        if (request.Status != Protos.Cohort.V1.CitizenStatus.Unspecified) v.Enum(request.Status, "status");
        var advisorId = v.OptionalText(request.AdvisorId, "advisor_id", 100);
        LocalDate? month = null;
        if (request.HandoverMonth.Length > 0)
        {
            var parsed = YearMonthPattern.Iso.Parse(request.HandoverMonth);
            v.Check(parsed.Success, "handover_month", "must be a month as YYYY-MM");
            if (parsed.Success) month = parsed.Value.OnDayOfMonth(1);
        }
        var pageSize = ListPages.Size(v, request.PageSize);
        var after = request.PageToken.Length > 0 ? ParsePageToken(v, request.PageToken) : null;
        var asOf = request.AsOf is null ? clock.Today() : v.Date(request.AsOf, "as_of");
        v.ThrowIfInvalid();

        var query = db.Citizens.AsNoTracking().Where(c => c.PartnershipId == partnershipId);
        if (request.Status != Protos.Cohort.V1.CitizenStatus.Unspecified)
        {
            query = CitizenStatusQuery.WithStatus(query, (CitizenStatus)(int)request.Status, asOf);
        }
        if (advisorId.Length > 0) query = query.Where(c => c.AdvisorId == advisorId);
        if (month is { } first)
        {
            var next = first.PlusMonths(1);
            query = query.Where(c => c.HandoverDate >= first && c.HandoverDate < next);
        }
        if (after is var (afterDate, afterId))
        {
            query = query.Where(c => c.HandoverDate > afterDate || (c.HandoverDate == afterDate && string.Compare(c.CitizenId, afterId) > 0));
        }

        var page = await query.OrderBy(c => c.HandoverDate).ThenBy(c => c.CitizenId).Take(pageSize + 1).ToListAsync(context.CancellationToken);
        AuditCall.Citizens(partnershipId, page.Take(pageSize).Select(c => c.CitizenId));
        var response = new ListCitizensResponse();
        response.Citizens.AddRange(page.Take(pageSize).Select(c => c.ToProto(asOf)));
        if (page.Count > pageSize)
        {
            var last = page[pageSize - 1];
            response.NextPageToken = Token(last);
        }
        return response;
    }

    // A page token is the sort key of the page's last citizen: "handover date|pseudonym", base64url.
    private static string Token(Citizen last) =>
        Convert.ToBase64String(Encoding.ASCII.GetBytes($"{last.HandoverDate:uuuu-MM-dd}|{last.CitizenId}")).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    private static (LocalDate HandoverDate, string CitizenId)? ParsePageToken(RequestValidator v, string token)
    {
        try
        {
            var padded = token.Replace('-', '+').Replace('_', '/').PadRight(token.Length + (4 - token.Length % 4) % 4, '=');
            var parts = Encoding.ASCII.GetString(Convert.FromBase64String(padded)).Split('|');
            var date = LocalDatePattern.Iso.Parse(parts[0]);
            if (parts.Length == 2 && date.Success && parts[1].Length == 32) return (date.Value, parts[1]);
        }
        catch (FormatException)
        {
            // Falls through to the violation below.
        }
        v.Add("page_token", "is not a token this service gave out");
        return null;
    }
}
