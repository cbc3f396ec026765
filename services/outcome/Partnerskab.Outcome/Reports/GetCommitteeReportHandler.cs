using Grpc.Core;
using Microsoft.EntityFrameworkCore;
using NodaTime;
using NodaTime.Text;
using Partnerskab.Outcome.FollowUp;
using Partnerskab.Outcome.Persistence;
using Partnerskab.Outcome.Timeline;
using Partnerskab.Protos.Outcome.V1;
using Partnerskab.ServiceDefaults;
using Partnerskab.ServiceDefaults.Errors;
using ClaimStatus = Partnerskab.Outcome.Claims.ClaimStatus;
using Partnerskab.Contracts;

namespace Partnerskab.Outcome.Reports;

/// <summary>The committee's aggregate report on a day (<see cref="CommitteeReport"/>): validate, read, compute, map.</summary>
public sealed class GetCommitteeReportHandler(OutcomeDbContext db, CohortLookup cohort, IClock clock)
{
    public async Task<GetCommitteeReportResponse> HandleAsync(GetCommitteeReportRequest request, ServerCallContext context)
    {
        var v = new RequestValidator();
        var partnershipId = v.Id(request.PartnershipId, "partnership_id");
        var asOf = request.AsOf is null ? clock.Today() : v.Date(request.AsOf, "as_of");
        v.ThrowIfInvalid();

        var cancellationToken = context.CancellationToken;
        var citizens = await db.FollowUpCitizens.AsNoTracking()
            .Where(c => c.PartnershipId == partnershipId && c.ExitReason != ExitReason.WronglyEnrolled)
            .ToListAsync(cancellationToken);
        // Citizens come only from the cohort service's handovers, so a partnership with some exists.
        if (citizens.Count == 0) await cohort.EnsurePartnershipExistsAsync(partnershipId, cancellationToken);
        var outcomes = await db.Claims.AsNoTracking()
            .Where(c => c.PartnershipId == partnershipId && c.Status == ClaimStatus.Verified && c.OutcomeDate <= asOf)
            .Select(c => new CommitteeReport.VerifiedOutcome(c.CitizenId, c.Kind, c.OutcomeDate, c.EmployerCvr))
            .ToListAsync(cancellationToken);
        var milestones = await db.Milestones.AsNoTracking()
            .Where(m => m.PartnershipId == partnershipId && m.RevokedAt == null && m.AchievedOn <= asOf)
            .Select(m => new CommitteeReport.StandingMilestone(m.CitizenId, m.Code, m.AchievedOn))
            .ToListAsync(cancellationToken);
        var codes = await db.MilestoneDefinitions.AsNoTracking().Where(d => d.PartnershipId == partnershipId).Select(d => d.Code).ToListAsync(cancellationToken);
        var targets = await db.KpiTargets.AsNoTracking().Where(t => t.PartnershipId == partnershipId).ToListAsync(cancellationToken);

        var report = CommitteeReport.Build(new CommitteeReport.Facts(
            citizens.Select(c => new CommitteeReport.Citizen(c.CitizenId, c.Window, c.Weeks)).ToList(),
            outcomes, milestones, codes, targets), asOf);

        var response = new GetCommitteeReportResponse { PartnershipId = partnershipId.ToString(), AsOf = asOf.ToProto(), HandedOver = report.HandedOver };
        response.Months.AddRange(report.Months.Select(m =>
        {
            var month = new MonthlyStatusCounts
            {
                Month = YearMonthPattern.Iso.Format(m.YearMonth),
                CountedOn = m.CountedOn.ToProto(),
                InFollowUp = m.InFollowUp,
                Completed = m.Completed,
                Exited = m.Exited,
                SelfSufficient = m.SelfSufficient,
            };
            month.Counts.AddRange(m.Counts.Select(ToProto));
            return month;
        }));
        response.Kpis.AddRange(report.Kpis.Select(k => new KpiResult { Target = k.Target.ToProto(), Actual = k.Actual }));
        response.Milestones.AddRange(report.Milestones.Select(m => new Protos.Outcome.V1.MilestoneCount { Code = m.Code, Citizens = m.Citizens }));
        response.SelfSufficiency.AddRange(report.SelfSufficiency.Select(s => new SelfSufficiencyAtMonth
        {
            Months = s.Months,
            Reached = s.Reached,
            SelfSufficient = s.SelfSufficient,
            NotReported = s.NotReported,
            ExitedBefore = s.ExitedBefore,
            ShareBasisPoints = s.ShareBasisPoints,
        }));
        response.FinalStatuses.AddRange(report.FinalStatuses.Select(ToProto));
        return response;
    }

    private static Protos.Outcome.V1.StatusCount ToProto(CommitteeReport.StatusCount c) => new() { Status = c.Status.ToProto(), Citizens = c.Citizens };
}
