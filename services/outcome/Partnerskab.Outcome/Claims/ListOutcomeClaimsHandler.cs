using System.Globalization;
using Grpc.Core;
using Microsoft.EntityFrameworkCore;
using NodaTime;
using Partnerskab.Outcome.Persistence;
using Partnerskab.Protos.Outcome.V1;
using Partnerskab.ServiceDefaults.Audit;
using Partnerskab.ServiceDefaults.Errors;
using Partnerskab.ServiceDefaults.Paging;

namespace Partnerskab.Outcome.Claims;

/// <summary>A partnership's claims, oldest first, in pages; optionally those of one status (the kommune's queue).</summary>
public sealed class ListOutcomeClaimsHandler(OutcomeDbContext db)
{
    private const string PagePrefix = "claims";

    public async Task<ListOutcomeClaimsResponse> HandleAsync(ListOutcomeClaimsRequest request, ServerCallContext context)
    {
        var v = new RequestValidator();
        var partnershipId = v.Id(request.PartnershipId, "partnership_id");
        var status = request.Status == Protos.Outcome.V1.ClaimStatus.Unspecified ? (ClaimStatus?)null : (ClaimStatus)(int)v.Enum(request.Status, "status");
        var size = ListPages.Size(v, request.PageSize);
        var after = request.PageToken.Length > 0 ? ParsePageToken(v, request.PageToken) : null;
        v.ThrowIfInvalid();

        var query = db.Claims.AsNoTracking().Where(c => c.PartnershipId == partnershipId);
        if (status is { } wanted) query = query.Where(c => c.Status == wanted);
        if (after is var (claimedAt, reference))
        {
            query = query.Where(c => c.ClaimedAt > claimedAt || (c.ClaimedAt == claimedAt && string.Compare(c.ClaimReference, reference) > 0));
        }
        var page = await query.OrderBy(c => c.ClaimedAt).ThenBy(c => c.ClaimReference).Take(size + 1).ToListAsync(context.CancellationToken);
        var shown = page.Take(size).ToList();
        AuditCall.Citizens(partnershipId, shown.Select(c => c.CitizenId));

        var response = new ListOutcomeClaimsResponse();
        response.Claims.AddRange(shown.Select(ClaimProtos.ToProto));
        if (page.Count > size)
        {
            var last = shown[^1];
            response.NextPageToken = PageToken.Encode(PagePrefix, last.ClaimedAt.ToUnixTimeTicks().ToString(CultureInfo.InvariantCulture), last.ClaimReference);
        }
        return response;
    }

    private static (Instant ClaimedAt, string ClaimReference)? ParsePageToken(RequestValidator v, string token)
    {
        if (PageToken.Decode(token, 3) is [PagePrefix, var ticks, var reference]
            && long.TryParse(ticks, NumberStyles.None, CultureInfo.InvariantCulture, out var unixTicks) && reference.Length > 0)
        {
            return (Instant.FromUnixTimeTicks(unixTicks), reference);
        }
        v.Add("page_token", "is not a page token this list returned");
        return null;
    }
}
