using Grpc.Core;
using NodaTime;
using Partnerskab.Outcome.FollowUp;
using Partnerskab.Outcome.Persistence;
using Partnerskab.Outcome.Timeline;
using Partnerskab.Protos.Outcome.V1;
using Partnerskab.ServiceDefaults.Audit;
using Partnerskab.ServiceDefaults.Errors;
using Partnerskab.ServiceDefaults;

namespace Partnerskab.Outcome.Checkpoints;

/// <summary>A citizen's checkpoints under the partnership's follow-up plan, judged on a day (<see cref="FollowUpSchedule"/>).</summary>
public sealed class GetFollowUpScheduleHandler(OutcomeDbContext db, FollowUpLookup followUps, IClock clock)
{
    public async Task<GetFollowUpScheduleResponse> HandleAsync(GetFollowUpScheduleRequest request, ServerCallContext context)
    {
        var v = new RequestValidator();
        var partnershipId = v.Id(request.PartnershipId, "partnership_id");
        var citizenId = CitizenPseudonym.Valid(v, request.CitizenId);
        var asOf = request.AsOf is null ? clock.Today() : v.Date(request.AsOf, "as_of");
        v.ThrowIfInvalid();

        var cancellationToken = context.CancellationToken;
        AuditCall.Citizen(partnershipId, citizenId);
        var citizen = await followUps.KnownAsync(partnershipId, citizenId, cancellationToken);
        if (citizen is null || citizen.WasWronglyEnrolled)
        {
            throw DomainException.NotFound($"Citizen {citizenId} is not in follow-up in partnership {partnershipId}.");
        }
        if (asOf < citizen.FollowUpStart)
        {
            throw DomainException.FailedPrecondition($"The citizen's follow-up starts on {citizen.FollowUpStart:uuuu-MM-dd}, after {asOf:uuuu-MM-dd}.");
        }
        var plan = await FollowUpPlans.RequiredAsync(db, partnershipId, cancellationToken);
        var contacts = await ContactDates.ReadAsync(db, partnershipId, [citizen], cancellationToken);
        var schedule = contacts.ScheduleOf(citizen, plan, asOf);

        var response = new GetFollowUpScheduleResponse
        {
            CitizenId = citizenId,
            FollowUpStart = citizen.FollowUpStart.ToProto(),
            FollowUpEnd = citizen.FollowUpEnd.ToProto(),
            LastContactOn = schedule.LastContactOn?.ToProto(),
            Plan = plan.ToProto(),
        };
        if (schedule.CloseOut is { } closeOut)
        {
            response.CloseOut = new Protos.Outcome.V1.CloseOut
            {
                ClosedOutOn = closeOut.ClosedOutOn.ToProto(),
                Reason = (Protos.Outcome.V1.CloseOutReason)(int)closeOut.Reason,
                FinalStatus = closeOut.FinalStatus.ToProto(),
                FinalSelfSufficient = closeOut.FinalSelfSufficient,
            };
        }
        response.Checkpoints.AddRange(schedule.Checkpoints.Select(c => new Protos.Outcome.V1.Checkpoint
        {
            Kind = (Protos.Outcome.V1.CheckpointKind)(int)c.Kind,
            PeriodStart = c.PeriodStart.ToProto(),
            DueOn = c.DueOn.ToProto(),
            Months = c.Months,
            State = (Protos.Outcome.V1.CheckpointState)(int)c.State,
        }));
        return response;
    }
}
