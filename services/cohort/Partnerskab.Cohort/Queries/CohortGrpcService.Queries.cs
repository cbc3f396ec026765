using System.Text;
using Grpc.Core;
using Microsoft.EntityFrameworkCore;
using NodaTime;
using NodaTime.Text;
using Partnerskab.Cohort.Handover;
using Partnerskab.Protos.Cohort.V1;
using Partnerskab.ServiceDefaults.Audit;
using Partnerskab.ServiceDefaults.Errors;
using Citizen = Partnerskab.Cohort.Handover.Citizen;
using CitizenStatus = Partnerskab.Cohort.Handover.CitizenStatus;

namespace Partnerskab.Cohort;

public sealed partial class CohortGrpcService
{
    private const int DefaultPageSize = 100;
    private const int MaxPageSize = 1000;

    public override async Task<ListCitizensResponse> ListCitizens(ListCitizensRequest request, ServerCallContext context)
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
        v.Check(request.PageSize is >= 0 and <= MaxPageSize, "page_size", $"must be between 0 and {MaxPageSize} (0 means {DefaultPageSize})");
        var after = request.PageToken.Length > 0 ? ParsePageToken(v, request.PageToken) : null;
        var asOf = request.AsOf is null ? Today : v.Date(request.AsOf, "as_of");
        v.ThrowIfInvalid();

        var query = db.Citizens.AsNoTracking().Where(c => c.PartnershipId == partnershipId);
        if (request.Status != Protos.Cohort.V1.CitizenStatus.Unspecified)
        {
            query = WithStatus(query, (CitizenStatus)(int)request.Status, asOf);
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

        var pageSize = request.PageSize == 0 ? DefaultPageSize : request.PageSize;
        var page = await query.OrderBy(c => c.HandoverDate).ThenBy(c => c.CitizenId).Take(pageSize + 1).ToListAsync(context.CancellationToken);
        AuditCall.Citizens(partnershipId, page.Take(pageSize).Select(c => c.CitizenId));
        var response = new ListCitizensResponse();
        response.Citizens.AddRange(page.Take(pageSize).Select(c => ToProto(c, asOf)));
        if (page.Count > pageSize)
        {
            var last = page[pageSize - 1];
            response.NextPageToken = PageToken(last);
        }
        return response;
    }

    public override async Task<CountCitizensResponse> CountCitizens(CountCitizensRequest request, ServerCallContext context)
    {
        var v = new RequestValidator();
        var partnershipId = v.Id(request.PartnershipId, "partnership_id");
        var asOf = request.AsOf is null ? Today : v.Date(request.AsOf, "as_of");
        v.ThrowIfInvalid();

        await FindPartnershipAsync(partnershipId, context.CancellationToken);
        var citizens = db.Citizens.Where(c => c.PartnershipId == partnershipId);
        var response = new CountCitizensResponse();
        foreach (var status in Enum.GetValues<CitizenStatus>())
        {
            var count = await WithStatus(citizens, status, asOf).CountAsync(context.CancellationToken);
            response.Counts.Add(new StatusCount { Status = (Protos.Cohort.V1.CitizenStatus)(int)status, Citizens = count });
            response.Total += count;
        }
        return response;
    }

    /// <summary>The same statuses as <see cref="Citizen.StatusOn"/>, as a query the database runs.</summary>
    private static IQueryable<Citizen> WithStatus(IQueryable<Citizen> citizens, CitizenStatus status, LocalDate asOf) => status switch
    {
        CitizenStatus.Exited => citizens.Where(c => c.ExitDate != null && c.ExitDate <= asOf),
        CitizenStatus.Completed => citizens.Where(c => (c.ExitDate == null || c.ExitDate > asOf) && c.FollowUpEnd <= asOf),
        CitizenStatus.InFollowUp => citizens.Where(c => (c.ExitDate == null || c.ExitDate > asOf) && c.FollowUpEnd > asOf),
        _ => throw new ArgumentOutOfRangeException(nameof(status)),
    };

    // A page token is the sort key of the page's last citizen: "handover date|pseudonym", base64url.
    private static string PageToken(Citizen last) =>
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
