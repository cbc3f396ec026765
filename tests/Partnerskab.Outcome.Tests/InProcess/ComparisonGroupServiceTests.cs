using Grpc.Core;
using Microsoft.EntityFrameworkCore;
using NodaTime;
using Partnerskab.Contracts;
using Partnerskab.Contracts.Cohort;
using Microsoft.Extensions.DependencyInjection;
using Partnerskab.Outcome.BusinessCase;
using Partnerskab.Outcome.Comparison;
using Partnerskab.Protos.Outcome.V1;
using Partnerskab.Scenario;
using Partnerskab.ServiceDefaults;
using Partnerskab.Testing.InProcess;
using Partnerskab.Testing.Rpcs;
using Partnerskab.Tokens;
using WeeklyStatusKind = Partnerskab.Outcome.Timeline.WeeklyStatusKind;

namespace Partnerskab.Outcome.Tests.InProcess;

/// <summary>
/// The comparison group through the service over the real database: registered by the kommune,
/// its weeks through the status stream with the comparison source, in either order, weighed by
/// the business case and kept out of the cohort's tables.
/// </summary>
[Collection(ClockedOutcomeCollection.Name)]
public sealed class ComparisonGroupServiceTests(ClockedOutcomeHost outcome) : InProcessTests(outcome.ResetAsync)
{
    // A Monday: the cohort's months since start hold 5, 4 and 4 weeks; the group entered the target group four weeks later.
    private static readonly LocalDate Start = new(2024, 1, 1);
    private static readonly LocalDate GroupStart = new(2024, 1, 29);
    private static readonly LocalDate AsOf = new(2024, 4, 30);
    private const long SickRate = 400_000;

    [Fact]
    public async Task Weeks_sent_before_the_registration_or_again_give_the_case_the_registration_first_gives()
    {
        var streamedFirst = await PartnershipAsync();
        var registeredFirst = await PartnershipAsync();
        var group = Group(10);

        await StreamAsync(streamedFirst, "weeks", GroupWeeks(group));
        var beforeRegistration = await CaseAsync(streamedFirst);
        (await RegisterAsync(streamedFirst, group, GroupStart)).Registered.ShouldBe(10);
        var resent = await StreamAsync(streamedFirst, "weeks-again", GroupWeeks(group));
        await RegisterAsync(registeredFirst, group, GroupStart);
        await StreamAsync(registeredFirst, "weeks", GroupWeeks(group));

        beforeRegistration.Cases.ShouldBeEmpty();
        (resent.Accepted, resent.Unchanged, resent.Rejected).ShouldBe((0, resent.Results.Count, 0));
        var one = (await CaseAsync(streamedFirst)).Cases.Single();
        var other = (await CaseAsync(registeredFirst)).Cases.Single();
        one.Comparison.ShouldBe(BusinessCaseComparison.Group);
        (one.CohortCitizens, one.ComparisonCitizens).ShouldBe((2, 10));
        one.Months.ShouldBe(other.Months);
        // The cohort's fourth month is over by the day asked about, the group's is not: it has no citizen in it.
        one.Months.Select(m => (m.Comparison.Citizens, m.Comparison.SelfSufficientWeeks)).ShouldBe([(10, 0), (10, 8), (10, 8), (0, 0)]);
        (one.Estimate.AdditionalSelfSufficientWeeksHundredths, one.Estimate.GrossSavingOre)
            .ShouldBe((other.Estimate.AdditionalSelfSufficientWeeksHundredths, other.Estimate.GrossSavingOre));
        // A corrected start moves the group's months: registered a month later, its third month is not over by the day asked about.
        (await RegisterAsync(registeredFirst, group, GroupStart.PlusMonths(1))).Corrected.ShouldBe(10);
        (await CaseAsync(registeredFirst)).Cases.Single().Months.Count(m => m.Comparison.Citizens > 0).ShouldBe(2);
    }

    [Fact]
    public async Task A_group_too_small_gets_a_sentence_instead_of_an_estimate()
    {
        var partnership = await PartnershipAsync();
        var group = Group(GetBusinessCaseHandler.MinimumComparisonCitizens - 1);
        await RegisterAsync(partnership, group, GroupStart);
        await StreamAsync(partnership, "weeks", GroupWeeks(group));

        var @case = (await CaseAsync(partnership)).Cases.Single();

        @case.Estimate.ShouldBeNull();
        @case.Reason.ShouldBe($"The comparison group has {group.Count} citizens with a month observed; at least "
            + $"{GetBusinessCaseHandler.MinimumComparisonCitizens} are needed to say anything about the difference.");
    }

    [Fact]
    public async Task The_group_never_enters_the_cohorts_tables_and_a_citizen_of_the_cohort_is_never_in_the_group()
    {
        var partnership = await PartnershipAsync();
        var group = Group(10);
        await RegisterAsync(partnership, group, GroupStart);
        var streamed = await StreamAsync(partnership, "weeks", [.. GroupWeeks(group), Row(Cohort(partnership)[0], 2, WeeklyStatus.SicknessBenefit)]);
        var cohortCitizen = await Should.ThrowAsync<RpcException>(RegisterAsync(partnership, [Cohort(partnership)[1]], GroupStart));
        using var provider = outcome.ClientFor(new TokenSubject("provider", [SuiteRoles.Provider], null, [partnership.ToString()]));
        var byProvider = await Should.ThrowAsync<RpcException>(StreamAsync(partnership, "provider", GroupWeeks(group), provider.Client));
        var invalid = await Should.ThrowAsync<RpcException>(outcome.Client.RegisterComparisonCitizensAsync(new RegisterComparisonCitizensRequest
        {
            PartnershipId = partnership.ToString(),
            Citizens =
            {
                new ComparisonCitizen { CitizenId = "not-a-pseudonym", TargetGroupStart = GroupStart.ToProto() },
                new ComparisonCitizen { CitizenId = group[0] },
                new ComparisonCitizen { CitizenId = group[0], TargetGroupStart = GroupStart.ToProto() },
            },
        }, deadline: SuiteClients.Deadline()).ResponseAsync);

        streamed.Results.Last().Violations.Single().Field.ShouldBe("citizen_id");
        streamed.Accepted.ShouldBe(streamed.Results.Count - 1);
        cohortCitizen.StatusCode.ShouldBe(StatusCode.InvalidArgument);
        byProvider.StatusCode.ShouldBe(StatusCode.PermissionDenied);
        invalid.StatusCode.ShouldBe(StatusCode.InvalidArgument);
        invalid.GetRpcStatus()!.GetDetail<Google.Rpc.BadRequest>().FieldViolations.Select(v => v.Field)
            .ShouldBe(["citizens[0].citizen_id", "citizens[1].target_group_start", "citizens[2].citizen_id"]);
        var ids = group.ToArray();
        (await outcome.ReadAsync(async db => (
            await db.FollowUpCitizens.CountAsync(c => c.PartnershipId == partnership),
            await db.WeeklyStatusReports.CountAsync(r => ids.Contains(r.CitizenId)),
            await db.CountedCitizens.CountAsync(c => ids.Contains(c.CitizenId)),
            await db.WorklistCitizens.CountAsync(c => ids.Contains(c.CitizenId)),
            await db.Milestones.CountAsync(m => ids.Contains(m.CitizenId))))).ShouldBe((2, 0, 0, 0, 0));
        var timeline = await Should.ThrowAsync<RpcException>(outcome.Client.GetTimelineAsync(
            new GetTimelineRequest { PartnershipId = partnership.ToString(), CitizenId = group[0] }, deadline: SuiteClients.Deadline()).ResponseAsync);
        timeline.StatusCode.ShouldBe(StatusCode.NotFound);

        // A citizen of the group handed over later leaves the group, whichever came first.
        (await CaseAsync(partnership)).Cases.Single().ComparisonCitizens.ShouldBe(10);
        await HandOverAsync(partnership, group[0]);
        (await CaseAsync(partnership)).Cases.Single().ComparisonCitizens.ShouldBe(9);
    }

    [Fact]
    public async Task Past_its_retention_a_comparison_citizen_is_erased_with_its_weeks_as_is_a_week_no_kept_registration_could_count()
    {
        // The partnership's longest follow-up is 36 months, so the group (from 2024-01-29) is observed until 2027-01-29:
        // kept through 2027 and five years more (Retention__Period P5Y), erasable from 2033-01-01.
        var partnership = await PartnershipAsync();
        await HandOverAsync(partnership, Guid.NewGuid().ToString("N"), followUpMonths: 36);
        var group = Group(10);
        var corrected = Group(1);
        var unregistered = Group(1);
        await RegisterAsync(partnership, group, GroupStart);
        await RegisterAsync(partnership, corrected, GroupStart);
        await RegisterAsync(partnership, corrected, new LocalDate(2025, 1, 6));
        await StreamAsync(partnership, "weeks", [.. GroupWeeks(group), .. GroupWeeks(corrected), .. GroupWeeks(unregistered)]);
        var retention = outcome.Services.GetRequiredService<ComparisonRetention>();

        var dayBefore = await retention.EraseDueAsync(new LocalDate(2032, 12, 31), CancellationToken.None);
        var keptTheDayBefore = await ComparisonRowsAsync(partnership);
        var weighedBefore = (await CaseAsync(partnership)).Cases.Sum(c => c.ComparisonCitizens);
        var onTheDay = await retention.EraseDueAsync(new LocalDate(2033, 1, 1), CancellationToken.None);
        var keptOnTheDay = await ComparisonRowsAsync(partnership);
        var again = await retention.EraseDueAsync(new LocalDate(2033, 1, 1), CancellationToken.None);

        dayBefore.ShouldBe(0, "with the default two years instead of the partnership's three, the group would be gone already");
        keptTheDayBefore.ShouldBe((12, 13 * 12));
        onTheDay.ShouldBe(10);
        // The corrected citizen is observed from 2025-01-06 until 2028-01-06 and stays, with both its registrations; the weeks
        // of the citizen never registered go, since a registration that could count them would be past its retention too.
        keptOnTheDay.ShouldBe((2, 13));
        (await outcome.ReadAsync(db => db.ComparisonStatusReports.AllAsync(r => r.CitizenId == corrected[0]))).ShouldBeTrue();
        again.ShouldBe(0);
        (await ComparisonRowsAsync(partnership)).ShouldBe(keptOnTheDay);
        weighedBefore.ShouldBe(10);
        (await CaseAsync(partnership)).Cases.Sum(c => c.ComparisonCitizens).ShouldBe(0, "the business case no longer weighs the erased group");
    }

    private async Task<(int Registrations, int Weeks)> ComparisonRowsAsync(Guid partnership) => await outcome.ReadAsync(async db => (
        await db.ComparisonRegistrations.CountAsync(r => r.PartnershipId == partnership),
        await db.ComparisonStatusReports.CountAsync(r => r.PartnershipId == partnership)));

    private readonly Dictionary<Guid, string[]> cohorts = [];

    private string[] Cohort(Guid partnership) => cohorts[partnership];

    /// <summary>A partnership with two citizens handed over on <see cref="Start"/>: A works from week 6, B stays sick; rates for 2024.</summary>
    private async Task<Guid> PartnershipAsync()
    {
        outcome.On(Start);
        var partnership = Guid.NewGuid();
        string[] cohort = [Guid.NewGuid().ToString("N"), Guid.NewGuid().ToString("N")];
        cohorts[partnership] = cohort;
        foreach (var citizen in cohort) await HandOverAsync(partnership, citizen);
        await outcome.WriteAsync(db => db.BusinessCaseInputs.Add(new BusinessCaseInputsVersion
        {
            Id = Guid.NewGuid(), PartnershipId = partnership, EffectiveFrom = Start, RecordedAt = outcome.Clock.GetCurrentInstant(), RecordedBy = "finance",
            RateStatuses = [(int)WeeklyStatusKind.SicknessBenefit], RateYears = [2024], RateOrePerWeek = [SickRate], RatesSource = "synthetic", CurveSource = "",
        }));
        outcome.On(AsOf);
        WeeklyStatusRow[] rows =
        [
            .. Enumerable.Range(1, 13).Select(w => Row(cohort[0], w, w < 6 ? WeeklyStatus.SicknessBenefit : WeeklyStatus.OrdinaryEmployment)),
            .. Enumerable.Range(1, 13).Select(w => Row(cohort[1], w, WeeklyStatus.SicknessBenefit)),
        ];
        (await StreamAsync(partnership, "cohort", rows, source: StatusSource.Register)).Rejected.ShouldBe(0);
        return partnership;
    }

    private async Task HandOverAsync(Guid partnership, string citizen, int followUpMonths = 24)
    {
        await outcome.PublishAsync(new CitizenHandedOver
        {
            PartnershipId = partnership, CitizenId = new Pseudonym(citizen),
            HandoverDate = Start.ToDateOnly(), FollowUpStart = Start.ToDateOnly(), FollowUpEnd = Start.PlusMonths(followUpMonths).ToDateOnly(),
        });
        await outcome.WaitUntilAsync(db => db.FollowUpCitizens.AnyAsync(c => c.PartnershipId == partnership && c.CitizenId == citizen), "the handover");
    }

    private static List<string> Group(int size) => [.. Enumerable.Range(0, size).Select(_ => Guid.NewGuid().ToString("N"))];

    /// <summary>From the group's first week (2024-W05) to 2024-W17: two of the group work from their second month on, the rest stay sick.</summary>
    private static IEnumerable<WeeklyStatusRow> GroupWeeks(IReadOnlyList<string> group) => group.SelectMany((citizen, i) => Enumerable.Range(5, 13)
        .Select(w => Row(citizen, w, i < 2 && w >= 10 ? WeeklyStatus.OrdinaryEmployment : WeeklyStatus.SicknessBenefit)));

    private static WeeklyStatusRow Row(string citizen, int week, WeeklyStatus status) => new() { CitizenId = citizen, IsoWeekYear = 2024, IsoWeek = week, Status = status };

    private async Task<ReportWeeklyStatusesResponse> StreamAsync(Guid partnership, string key, IEnumerable<WeeklyStatusRow> rows,
        OutcomeService.OutcomeServiceClient? client = null, StatusSource source = StatusSource.ComparisonRegister)
    {
        using var call = (client ?? outcome.Client).ReportWeeklyStatuses(deadline: SuiteClients.Deadline());
        foreach (var row in rows)
        {
            await call.RequestStream.WriteAsync(new ReportWeeklyStatusesRequest { PartnershipId = partnership.ToString(), IdempotencyKey = $"{key}-{partnership}", Source = source, Row = row });
        }
        await call.RequestStream.CompleteAsync();
        return await call;
    }

    private async Task<RegisterComparisonCitizensResponse> RegisterAsync(Guid partnership, IEnumerable<string> citizens, LocalDate start) =>
        await outcome.Client.RegisterComparisonCitizensAsync(new RegisterComparisonCitizensRequest
        {
            PartnershipId = partnership.ToString(),
            Citizens = { citizens.Select(c => new ComparisonCitizen { CitizenId = c, TargetGroupStart = start.ToProto() }) },
        }, deadline: SuiteClients.Deadline());

    private async Task<GetBusinessCaseResponse> CaseAsync(Guid partnership) => await outcome.Client.GetBusinessCaseAsync(
        new GetBusinessCaseRequest { PartnershipId = partnership.ToString(), AsOf = AsOf.ToProto() }, deadline: SuiteClients.Deadline());
}
