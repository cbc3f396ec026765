using Grpc.Core;
using Microsoft.EntityFrameworkCore;
using Partnerskab.Outcome.Persistence;
using Partnerskab.Protos.Outcome.V1;
using Partnerskab.ServiceDefaults.Errors;

namespace Partnerskab.Outcome.Claims;

/// <summary>A claim with every step of its history.</summary>
public sealed class GetOutcomeClaimHandler(OutcomeDbContext db, ClaimDecisions decisions)
{
    public async Task<GetOutcomeClaimResponse> HandleAsync(GetOutcomeClaimRequest request, ServerCallContext context)
    {
        var v = new RequestValidator();
        var claimId = v.Id(request.ClaimId, "claim_id");
        v.ThrowIfInvalid();

        var claim = await decisions.FindAsync(claimId, context);
        var history = await db.ClaimHistory.AsNoTracking()
            .Where(e => e.ClaimId == claimId)
            .OrderBy(e => e.At).ThenBy(e => e.Id)
            .ToListAsync(context.CancellationToken);
        return new GetOutcomeClaimResponse { Claim = claim.ToProto(), History = { history.Select(ClaimProtos.ToProto) } };
    }
}
