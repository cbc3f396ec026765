using Microsoft.EntityFrameworkCore;
using NodaTime;
using Partnerskab.Contracts;
using Partnerskab.Contracts.Cohort;
using Partnerskab.Outcome.BusinessCase;
using Partnerskab.Protos.Outcome.V1;
using Partnerskab.Scenario;
using Partnerskab.ServiceDefaults;
using Partnerskab.Testing.InProcess;
using Partnerskab.Testing.Rpcs;
using Partnerskab.Tokens;
using WeeklyStatusKind = Partnerskab.Outcome.Timeline.WeeklyStatusKind;

namespace Partnerskab.Outcome.Tests.InProcess;

/// <summary>
/// The business case read through the service over the real database: the cohort's handovers
/// arrive as the cohort service's events, the register's statuses through the status stream,
/// and the inputs are written through the service's model (their RPC asks the cohort service,
/// which is not hosted here; the end-to-end tests enter them through it).
/// </summary>
[Collection(ClockedOutcomeCollection.Name)]
public sealed class BusinessCaseServiceTests(ClockedOutcomeHost outcome) : InProcessTests(outcome.ResetAsync)
{
    // A Monday and ISO week 1 of 2024: the first three months since start hold 5, 4 and 4 weeks.
    private static readonly LocalDate Start = new(2024, 1, 1);
    private const long SickRate = 400_000;
    private const int FirstShare = 6000, SteppedShare = 3000;

    private readonly Guid partnership = Guid.NewGuid();
    private readonly string a = Guid.NewGuid().ToString("N"), b = Guid.NewGuid().ToString("N");

    [Fact]
    public async Task The_committee_reads_the_case_against_the_curve_in_force_as_a_hand_computation_gives_it_and_as_known_on_an_earlier_day()
    {
        outcome.On(Start);
        foreach (var citizen in new[] { a, b })
        {
            await outcome.PublishAsync(new CitizenHandedOver
            {
                PartnershipId = partnership, CitizenId = new Pseudonym(citizen),
                HandoverDate = Start.ToDateOnly(), FollowUpStart = Start.ToDateOnly(), FollowUpEnd = Start.PlusMonths(24).ToDateOnly(),
            });
        }
        await outcome.WaitUntilAsync(async db => await db.FollowUpCitizens.CountAsync(x => x.PartnershipId == partnership) == 2, "the two handovers");
        await EnterAsync([0, 2500]);
        outcome.On(new LocalDate(2024, 4, 2));
        await ReportAsync([.. Weeks(a, 1, 5, WeeklyStatus.SicknessBenefit), .. Weeks(a, 6, 13, WeeklyStatus.OrdinaryEmployment), .. Weeks(b, 1, 13, WeeklyStatus.SicknessBenefit)]);
        await EnterAsync([0, 2500, 2500]);
        using var committee = outcome.ClientFor(new TokenSubject("committee", [SuiteRoles.Committee], null, [partnership.ToString()]));

        var now = await committee.Client.GetBusinessCaseAsync(new GetBusinessCaseRequest
        {
            PartnershipId = partnership.ToString(), AsOf = new LocalDate(2024, 3, 31).ToProto(), CostToDateOre = 100_000, CostExpectedOre = 250_000,
        }, deadline: SuiteClients.Deadline());
        var knownThen = await committee.Client.GetBusinessCaseAsync(new GetBusinessCaseRequest
        {
            PartnershipId = partnership.ToString(), AsOf = new LocalDate(2024, 3, 31).ToProto(), KnownOn = Start.ToProto(), CostToDateOre = 100_000, CostExpectedOre = 250_000,
        }, deadline: SuiteClients.Deadline());

        now.Inputs.ExpectedSelfSufficientBasisPoints.ShouldBe([0, 2500, 2500]);
        knownThen.Inputs.ExpectedSelfSufficientBasisPoints.ShouldBe([0, 2500]);
        // As known on the start day no status had been reported: the weeks are unreported, so nothing is on benefit.
        knownThen.Cases.Single().Estimate.ShouldBeNull();
        knownThen.Cases.Single().Reason.ShouldBe("The cohort has had no week on benefit, so a week saved against the expected curve has no cost to be weighed at.");

        // By hand: months of 5, 4 and 4 weeks; A sick 5 weeks then in work, B sick all 13; the kommune pays 60 % of the rate for a
        // spell's first five weeks and 30 % after. None of the cohort's weeks are expected self-sufficient in month 1, a quarter after.
        var first = SickRate * FirstShare / 10_000;
        var stepped = SickRate * SteppedShare / 10_000;
        var costOfWeek = (2m * 5 * first + 8 * stepped) / 18;
        decimal[] additional = [0, 4 - 8 * 0.25m, 4 - 8 * 0.25m];
        var saving = (long)Math.Round(additional.Sum() * costOfWeek, MidpointRounding.AwayFromZero);
        var @case = now.Cases.Single();
        @case.Comparison.ShouldBe(BusinessCaseComparison.ExpectedCurve);
        @case.CohortCitizens.ShouldBe(2);
        @case.Months.Select(m => (m.Cohort.Citizens, m.Cohort.Weeks, m.Cohort.BenefitWeeks, m.Cohort.SelfSufficientWeeks, m.Cohort.CostOre))
            .ShouldBe([(2, 10, 10, 0, 10 * first), (2, 8, 4, 4, 4 * stepped), (2, 8, 4, 4, 4 * stepped)]);
        @case.Months.Select(m => m.AdditionalSelfSufficientWeeksHundredths).ShouldBe(additional.Select(w => (long)(w * 100)));
        @case.Estimate.AdditionalSelfSufficientWeeksHundredths.ShouldBe((long)(additional.Sum() * 100));
        @case.Estimate.GrossSavingOre.ShouldBe(saving);
        @case.Estimate.NetToDateOre.ShouldBe(saving - 100_000);
        @case.Estimate.NetExpectedOre.ShouldBe(saving - 250_000);
        // Month 1 saves nothing, month 2 half the saving: that covers the cost to date.
        (additional[1] * costOfWeek).ShouldBeGreaterThan(100_000);
        @case.Estimate.BreakEvenMonth.ShouldBe(2);
        @case.Estimate.CostPerAdditionalSelfSufficientWeekOre.ShouldBe((long)Math.Round(100_000 / additional.Sum(), MidpointRounding.AwayFromZero));
        now.BootstrapReplicates.ShouldBeGreaterThan(0);

        var withoutCost = (await committee.Client.GetBusinessCaseAsync(new GetBusinessCaseRequest
        {
            PartnershipId = partnership.ToString(), AsOf = new LocalDate(2024, 3, 31).ToProto(),
        }, deadline: SuiteClients.Deadline())).Cases.Single().Estimate;
        withoutCost.GrossSavingOre.ShouldBe(saving);
        (withoutCost.HasNetToDateOre, withoutCost.HasNetExpectedOre, withoutCost.HasBreakEvenMonth, withoutCost.HasCostPerAdditionalSelfSufficientWeekOre)
            .ShouldBe((false, false, false, false));
    }

    [Fact]
    public async Task A_partnership_without_inputs_in_force_on_the_day_has_no_case()
    {
        outcome.On(Start);
        await outcome.PublishAsync(new CitizenHandedOver
        {
            PartnershipId = partnership, CitizenId = new Pseudonym(a),
            HandoverDate = Start.ToDateOnly(), FollowUpStart = Start.ToDateOnly(), FollowUpEnd = Start.PlusMonths(24).ToDateOnly(),
        });
        await outcome.WaitUntilAsync(async db => await db.FollowUpCitizens.CountAsync(x => x.PartnershipId == partnership) == 1, "the handover");
        await EnterAsync([1000], effectiveFrom: new LocalDate(2024, 6, 1));

        var before = await outcome.Client.GetBusinessCaseAsync(new GetBusinessCaseRequest
        {
            PartnershipId = partnership.ToString(), AsOf = new LocalDate(2024, 5, 31).ToProto(),
        }, deadline: SuiteClients.Deadline());

        before.Inputs.ShouldBeNull();
        before.Cases.ShouldBeEmpty();
    }

    private Task EnterAsync(int[] curve, LocalDate? effectiveFrom = null) => outcome.WriteAsync(db => db.BusinessCaseInputs.Add(new BusinessCaseInputsVersion
    {
        Id = Guid.NewGuid(),
        PartnershipId = partnership,
        EffectiveFrom = effectiveFrom ?? Start,
        RecordedAt = outcome.Clock.GetCurrentInstant(),
        RecordedBy = "finance",
        RateStatuses = [(int)WeeklyStatusKind.SicknessBenefit],
        RateYears = [2024],
        RateOrePerWeek = [SickRate],
        ShareStatuses = [(int)WeeklyStatusKind.SicknessBenefit, (int)WeeklyStatusKind.SicknessBenefit],
        ShareFromWeeks = [1, 6],
        ShareBasisPoints = [FirstShare, SteppedShare],
        RatesSource = "synthetic",
        CurveBasisPoints = curve,
        CurveSource = "synthetic",
    }));

    private static IEnumerable<WeeklyStatusRow> Weeks(string citizen, int from, int to, WeeklyStatus status) =>
        Enumerable.Range(from, to - from + 1).Select(week => new WeeklyStatusRow { CitizenId = citizen, IsoWeekYear = 2024, IsoWeek = week, Status = status });

    private async Task ReportAsync(IEnumerable<WeeklyStatusRow> rows)
    {
        using var call = outcome.Client.ReportWeeklyStatuses(deadline: SuiteClients.Deadline());
        foreach (var row in rows)
        {
            await call.RequestStream.WriteAsync(new ReportWeeklyStatusesRequest
            {
                PartnershipId = partnership.ToString(), IdempotencyKey = "register-1", Source = StatusSource.Register, Row = row,
            });
        }
        await call.RequestStream.CompleteAsync();
        (await call).Rejected.ShouldBe(0);
    }
}
