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
    private const string List = "claims";

    public async Task<ListOutcomeClaimsResponse> HandleAsync(ListOutcomeClaimsRequest request, ServerCallContext context)
    {
        var v = new RequestValidator();
        var partnershipId = v.Id(request.PartnershipId, "partnership_id");
        var status = request.Status == Protos.Outcome.V1.ClaimStatus.Unspecified ? (ClaimStatus?)null : (ClaimStatus)(int)v.Enum(request.Status, "status");
        var size = ListPages.Size(v, request.PageSize);
        // The page token holds the sort key of the previous page's last claim: when it was claimed and its reference.
        var after = PageToken.Read<(Instant ClaimedAt, string ClaimReference)?>(v, request.PageToken, List, 2, key =>
            long.TryParse(key[0], NumberStyles.None, CultureInfo.InvariantCulture, out var ticks) && key[1].Length > 0
                ? (Instant.FromUnixTimeTicks(ticks), key[1])
                : null);
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
            response.NextPageToken = PageToken.Write(List, last.ClaimedAt.ToUnixTimeTicks().ToString(CultureInfo.InvariantCulture), last.ClaimReference);
        }
        return response;
    }
}
