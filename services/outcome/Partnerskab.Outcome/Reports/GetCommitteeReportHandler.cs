using Grpc.Core;
using Microsoft.EntityFrameworkCore;
using NodaTime;
using NodaTime.Text;
using Partnerskab.Outcome.FollowUp;
using Partnerskab.Outcome.History;
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
        var knownOn = KnownOn.Valid(v, request.KnownOn, clock);
        var asOf = request.AsOf is null ? KnownOn.DefaultAsOf(knownOn, clock) : v.Date(request.AsOf, "as_of");
        v.ThrowIfInvalid();

        var cancellationToken = context.CancellationToken;
        var (citizens, outcomes, milestones) = knownOn is { } known
            ? await FactsKnownOnAsync(partnershipId, asOf, known, cancellationToken)
            : await FactsNowAsync(partnershipId, asOf, cancellationToken);
        // Citizens come only from the cohort service's handovers, so a partnership with some exists.
        if (citizens.Count == 0) await cohort.EnsurePartnershipExistsAsync(partnershipId, cancellationToken);
        var codes = await db.MilestoneDefinitions.AsNoTracking().Where(d => d.PartnershipId == partnershipId).Select(d => d.Code).ToListAsync(cancellationToken);
        var targets = await db.KpiTargets.AsNoTracking().Where(t => t.PartnershipId == partnershipId).ToListAsync(cancellationToken);

        var report = CommitteeReport.Build(new CommitteeReport.Facts(
            citizens, outcomes, milestones, codes, targets), asOf);

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

    private sealed record ReportFacts(
        List<CommitteeReport.Citizen> Citizens, List<CommitteeReport.VerifiedOutcome> Outcomes, List<CommitteeReport.StandingMilestone> Milestones);

    /// <summary>The facts as they stand now, read straight from the current rows: the dashboard's path.</summary>
    private async Task<ReportFacts> FactsNowAsync(Guid partnershipId, LocalDate asOf, CancellationToken cancellationToken)
    {
        var citizens = await db.FollowUpCitizens.AsNoTracking()
            .Where(c => c.PartnershipId == partnershipId && c.ExitReason != ExitReason.WronglyEnrolled)
            .ToListAsync(cancellationToken);
        var outcomes = await db.Claims.AsNoTracking()
            .Where(c => c.PartnershipId == partnershipId && c.Status == ClaimStatus.Verified && c.OutcomeDate <= asOf)
            .Select(c => new CommitteeReport.VerifiedOutcome(c.CitizenId, c.Kind, c.OutcomeDate, c.EmployerCvr))
            .ToListAsync(cancellationToken);
        var milestones = await db.Milestones.AsNoTracking()
            .Where(m => m.PartnershipId == partnershipId && m.RevokedAt == null && m.AchievedOn <= asOf)
            .Select(m => new CommitteeReport.StandingMilestone(m.CitizenId, m.Code, m.AchievedOn))
            .ToListAsync(cancellationToken);
        return new ReportFacts(citizens.Select(ReportCitizen).ToList(), outcomes, milestones);
    }

    /// <summary>The facts as known on a past day, from the versions kept (<see cref="KnownFacts"/>).</summary>
    private async Task<ReportFacts> FactsKnownOnAsync(Guid partnershipId, LocalDate asOf, KnownOn knownOn, CancellationToken cancellationToken)
    {
        var citizens = await KnownFacts.CitizensAsync(db, partnershipId, knownOn, cancellationToken);
        var outcomes = (await KnownFacts.VerifiedClaimsAsync(db, partnershipId, knownOn, cancellationToken))
            .Where(c => c.Content.OutcomeDate <= asOf)
            .Select(c => new CommitteeReport.VerifiedOutcome(c.Claim.CitizenId, c.Claim.Kind, c.Content.OutcomeDate, c.Content.EmployerCvr))
            .ToList();
        var milestones = (await KnownFacts.MilestonesAsync(db, partnershipId, null, knownOn, cancellationToken))
            .Where(m => !m.Revoked && m.AchievedOn <= asOf)
            .Select(m => new CommitteeReport.StandingMilestone(m.CitizenId, m.Code, m.AchievedOn))
            .ToList();
        return new ReportFacts(citizens.Where(c => c.ExitReason != ExitReason.WronglyEnrolled).Select(ReportCitizen).ToList(), outcomes, milestones);
    }

    private static CommitteeReport.Citizen ReportCitizen(FollowUpCitizen c) => new(c.CitizenId, c.Window, c.Weeks);

    private static Protos.Outcome.V1.StatusCount ToProto(CommitteeReport.StatusCount c) => new() { Status = c.Status.ToProto(), Citizens = c.Citizens };
}
