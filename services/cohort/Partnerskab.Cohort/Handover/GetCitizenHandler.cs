using Grpc.Core;
using Microsoft.EntityFrameworkCore;
using NodaTime;
using Partnerskab.Cohort.Persistence;
using Partnerskab.Protos.Cohort.V1;
using Partnerskab.ServiceDefaults;
using Partnerskab.ServiceDefaults.Audit;
using Partnerskab.ServiceDefaults.Errors;

namespace Partnerskab.Cohort.Handover;

/// <summary>A citizen of a partnership, by pseudonym or by the kommune's case reference.</summary>
public sealed class GetCitizenHandler(CohortDbContext db, IClock clock)
{
    public async Task<GetCitizenResponse> HandleAsync(GetCitizenRequest request, ServerCallContext context)
    {
        var v = new RequestValidator();
        var partnershipId = v.Id(request.PartnershipId, "partnership_id");
        var byCaseReference = request.CitizenId.Length == 0 && request.CaseReference.Length > 0;
        var caseReference = byCaseReference ? v.Text(request.CaseReference, "case_reference", 100) : "";
        var citizenId = byCaseReference ? "" : CitizenPseudonym.Valid(v, request.CitizenId);
        v.ThrowIfInvalid();

        var citizen = byCaseReference
            ? await db.Citizens.AsNoTracking()
                .FirstOrDefaultAsync(c => c.PartnershipId == partnershipId && c.CaseReference == caseReference && c.CaseReference != "", context.CancellationToken)
                ?? throw DomainException.NotFound($"No citizen of partnership {partnershipId} has case reference '{caseReference}'.")
            : await Handovers.FindCitizenAsync(db, partnershipId, citizenId, context.CancellationToken);
        AuditCall.Citizen(partnershipId, citizen.CitizenId);
        return new GetCitizenResponse { Citizen = citizen.ToProto(clock.Today()) };
    }
}
