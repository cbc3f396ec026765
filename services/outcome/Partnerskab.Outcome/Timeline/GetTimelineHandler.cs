using Grpc.Core;
using Microsoft.EntityFrameworkCore;
using NodaTime.Calendars;
using Partnerskab.Outcome.FollowUp;
using Partnerskab.Outcome.Persistence;
using Partnerskab.Protos.Outcome.V1;
using Partnerskab.ServiceDefaults.Audit;
using Partnerskab.ServiceDefaults.Errors;
using Partnerskab.ServiceDefaults;

namespace Partnerskab.Outcome.Timeline;

/// <summary>A citizen's weekly timeline: each reported week with both sources' statuses and the one that decides it.</summary>
public sealed class GetTimelineHandler(FollowUpLookup followUps, OutcomeDbContext db)
{
    public async Task<GetTimelineResponse> HandleAsync(GetTimelineRequest request, ServerCallContext context)
    {
        var v = new RequestValidator();
        var partnershipId = v.Id(request.PartnershipId, "partnership_id");
        var citizenId = CitizenPseudonym.Valid(v, request.CitizenId);
        v.ThrowIfInvalid();
        AuditCall.Citizen(partnershipId, citizenId);

        var cancellationToken = context.CancellationToken;
        var citizen = await followUps.KnownAsync(partnershipId, citizenId, cancellationToken)
            ?? throw DomainException.NotFound($"Citizen {citizenId} is not in follow-up in partnership {partnershipId}.");
        var reports = await db.WeeklyStatusReports.AsNoTracking()
            .Where(r => r.PartnershipId == partnershipId && r.CitizenId == citizenId)
            .ToListAsync(cancellationToken);

        var response = new GetTimelineResponse
        {
            CitizenId = citizenId,
            FollowUpStart = citizen.FollowUpStart.ToProto(),
            FollowUpEnd = citizen.FollowUpEnd.ToProto(),
            ExitDate = citizen.ExitDate?.ToProto(),
            ExitReason = citizen.ExitReason?.ToString() ?? "",
            ExitReasonKind = citizen.ExitReason is { } reason ? (Protos.Cohort.V1.ExitReason)(int)reason : Protos.Cohort.V1.ExitReason.Unspecified,
        };
        response.Weeks.AddRange(WeeklyTimeline.Build(reports.Select(r => r.ToReport())).Select(w => new TimelineWeek
        {
            IsoWeekYear = WeekYearRules.Iso.GetWeekYear(w.WeekStart),
            IsoWeek = WeekYearRules.Iso.GetWeekOfWeekYear(w.WeekStart),
            WeekStart = w.WeekStart.ToProto(),
            Status = (WeeklyStatus)(int)w.Status,
            DecidedBy = (Protos.Outcome.V1.StatusSource)(int)w.DecidedBy,
            ProviderStatus = w.ProviderStatus.ToProto(),
            RegisterStatus = w.RegisterStatus.ToProto(),
            Disagreement = w.Disagreement,
            PaidHoursHundredths = w.PaidHoursHundredths,
            SelfSufficient = w.SelfSufficient,
        }));
        return response;
    }
}
