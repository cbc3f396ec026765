using System.Data;
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
public sealed class GetCommitteeReportHandler(OutcomeDbContext db, CohortLookup cohort, KeptReads kept, IClock clock)
{
    public async Task<GetCommitteeReportResponse> HandleAsync(GetCommitteeReportRequest request, ServerCallContext context)
    {
        var v = new RequestValidator();
        var partnershipId = v.Id(request.PartnershipId, "partnership_id");
        var knownOn = KnownOn.Valid(v, request.KnownOn, clock);
        var asOf = request.AsOf is null ? KnownOn.DefaultAsOf(knownOn, clock) : v.Date(request.AsOf, "as_of");
        v.ThrowIfInvalid();

        var cancellationToken = context.CancellationToken;
        if (knownOn is null) await kept.RecountForReadAsync(partnershipId, cancellationToken);
        // One snapshot: whether the kept counts answer holds for the counts read.
        await using var snapshot = await db.Database.BeginTransactionAsync(IsolationLevel.RepeatableRead, cancellationToken);
        var codes = await db.MilestoneDefinitions.AsNoTracking().Where(d => d.PartnershipId == partnershipId).Select(d => d.Code).ToListAsync(cancellationToken);
        var targets = await db.KpiTargets.AsNoTracking().Where(t => t.PartnershipId == partnershipId).ToListAsync(cancellationToken);
        var facts = knownOn is { } known ? await FactsKnownOnAsync(partnershipId, asOf, known, codes, targets, cancellationToken)
            : await KeptReads.WaitingAsync(db, partnershipId, cancellationToken) ? await FactsNowAsync(partnershipId, asOf, null, codes, targets, cancellationToken)
            : await FactsNowAsync(partnershipId, asOf, await KeptCommitteeRead.CountsAsync(db, partnershipId, asOf, cancellationToken), codes, targets, cancellationToken);
        // Citizens come only from the cohort service's handovers, so a partnership with some exists.
        var anyCitizen = await db.FollowUpCitizens.AnyAsync(c => c.PartnershipId == partnershipId, cancellationToken);
        await snapshot.CommitAsync(cancellationToken);
        if (!anyCitizen) await cohort.EnsurePartnershipExistsAsync(partnershipId, cancellationToken);

        var report = CommitteeReport.Build(facts, asOf);

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

    /// <summary>
    /// The facts as they stand now: the counts as kept, or computed from every citizen while the
    /// kept counts are being built (<paramref name="counts"/> null); the verified outcomes and
    /// standing milestones of the citizens handed over by the day, read from the current rows.
    /// </summary>
    private async Task<CommitteeReport.Facts> FactsNowAsync(Guid partnershipId, LocalDate asOf, CommitteeReport.Counts? counts,
        List<string> codes, List<KpiTarget> targets, CancellationToken cancellationToken)
    {
        var counted = db.FollowUpCitizens.Where(c => c.PartnershipId == partnershipId && c.FollowUpStart <= asOf && c.ExitReason != ExitReason.WronglyEnrolled);
        counts ??= CommitteeReport.CountCitizens((await counted.AsNoTracking().ToListAsync(cancellationToken)).Select(ReportCitizen).ToList(), asOf);
        var outcomes = await db.Claims.AsNoTracking()
            .Where(c => c.PartnershipId == partnershipId && c.Status == ClaimStatus.Verified && c.OutcomeDate <= asOf
                && counted.Any(f => f.CitizenId == c.CitizenId))
            .Select(c => new CommitteeReport.VerifiedOutcome(c.CitizenId, c.Kind, c.OutcomeDate, c.EmployerCvr))
            .ToListAsync(cancellationToken);
        var milestones = await db.Milestones.AsNoTracking()
            .Where(m => m.PartnershipId == partnershipId && m.RevokedAt == null && m.AchievedOn <= asOf
                && counted.Any(f => f.CitizenId == m.CitizenId))
            .Select(m => new CommitteeReport.StandingMilestone(m.CitizenId, m.Code, m.AchievedOn))
            .ToListAsync(cancellationToken);
        return new CommitteeReport.Facts(counts, outcomes, milestones, codes, targets);
    }

    /// <summary>The facts as known on a past day, from the versions kept (<see cref="KnownFacts"/>), counted from every citizen.</summary>
    private async Task<CommitteeReport.Facts> FactsKnownOnAsync(Guid partnershipId, LocalDate asOf, KnownOn knownOn,
        List<string> codes, List<KpiTarget> targets, CancellationToken cancellationToken)
    {
        var citizens = await KnownFacts.CitizensAsync(db, partnershipId, knownOn, cancellationToken);
        var outcomes = (await KnownFacts.VerifiedClaimsAsync(db, partnershipId, knownOn, cancellationToken))
            .Where(c => c.Content.OutcomeDate <= asOf)
            .Select(c => new CommitteeReport.VerifiedOutcome(c.Claim.CitizenId, c.Claim.Kind, c.Content.OutcomeDate, c.Content.EmployerCvr));
        var milestones = (await KnownFacts.MilestonesAsync(db, partnershipId, null, knownOn, cancellationToken))
            .Where(m => !m.Revoked && m.AchievedOn <= asOf)
            .Select(m => new CommitteeReport.StandingMilestone(m.CitizenId, m.Code, m.AchievedOn));
        return CommitteeReport.FromCitizens(citizens.Where(c => c.ExitReason != ExitReason.WronglyEnrolled).Select(ReportCitizen).ToList(),
            outcomes, milestones, codes, targets, asOf);
    }

    private static CommitteeReport.Citizen ReportCitizen(FollowUpCitizen c) => new(c.CitizenId, c.Window, c.Weeks);

    private static Protos.Outcome.V1.StatusCount ToProto(CommitteeReport.StatusCount c) => new() { Status = c.Status.ToProto(), Citizens = c.Citizens };
}
