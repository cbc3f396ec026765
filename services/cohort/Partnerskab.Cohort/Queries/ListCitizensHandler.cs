using Grpc.Core;
using Microsoft.EntityFrameworkCore;
using NodaTime;
using NodaTime.Text;
using Partnerskab.Cohort.Handover;
using Partnerskab.Cohort.Persistence;
using Partnerskab.Contracts;
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
        // The page token holds the sort key of the previous page's last citizen: handover date and pseudonym.
        var after = PageToken.Read<(LocalDate HandoverDate, string CitizenId)?>(v, request.PageToken, "citizens", 2,
            key => LocalDatePattern.Iso.Parse(key[0]) is { Success: true } date && Pseudonym.IsWellFormed(key[1]) ? (date.Value, key[1]) : null);
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
            response.NextPageToken = PageToken.Write("citizens", LocalDatePattern.Iso.Format(last.HandoverDate), last.CitizenId);
        }
        return response;
    }
}
