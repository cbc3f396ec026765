using Grpc.Core;
using Partnerskab.Cohort.Persistence;
using Partnerskab.Protos.Cohort.V1;
using Partnerskab.ServiceDefaults;
using Partnerskab.ServiceDefaults.Audit;
using Partnerskab.ServiceDefaults.Errors;

namespace Partnerskab.Cohort.Handover;

/// <summary>Whether a citizen is in follow-up on a day (an exit counts), and the window: what the outcome service asks when money is decided.</summary>
public sealed class GetFollowUpStatusHandler(CohortDbContext db)
{
    public async Task<GetFollowUpStatusResponse> HandleAsync(GetFollowUpStatusRequest request, ServerCallContext context)
    {
        var v = new RequestValidator();
        var partnershipId = v.Id(request.PartnershipId, "partnership_id");
        var citizenId = CitizenPseudonym.Valid(v, request.CitizenId);
        var onDate = v.Date(request.OnDate, "on_date");
        v.ThrowIfInvalid();
        AuditCall.Citizen(partnershipId, citizenId);

        var citizen = await Handovers.FindCitizenAsync(db, partnershipId, citizenId, context.CancellationToken);
        return new GetFollowUpStatusResponse
        {
            InFollowUp = citizen.InFollowUpOn(onDate),
            FollowUpStart = citizen.FollowUp.Start.ToProto(),
            FollowUpEnd = citizen.FollowUp.End.ToProto(),
        };
    }
}
