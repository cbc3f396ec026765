using Grpc.Core;
using Partnerskab.EndToEnd.Tests.Infrastructure;
using Partnerskab.Protos.Cohort.V1;
using Partnerskab.Protos.Outcome.V1;
using Partnerskab.Scenario;
using Shouldly;
using static Partnerskab.EndToEnd.Tests.OutcomeTestData;

namespace Partnerskab.EndToEnd.Tests;

[Collection(SuiteCollection.Name)]
public sealed class OutcomeTimelineTests(SuiteFixture suite)
{
    private SuiteClients Clients => suite.Clients;

    [Fact]
    public async Task Streamed_weekly_statuses_build_the_timeline_the_register_wins_and_resends_change_nothing()
    {
        var (partnership, citizen) = await TestCitizens.HandedOverAsync(Clients.Cohort, "timeline", 401, "TL-1");
        await WaitForFollowUpAsync(Clients, partnership.PartnershipId, citizen.CitizenId);

        WeeklyStatusRow[] provider =
        [
            Row(citizen.CitizenId, 2023, 14, WeeklyStatus.SicknessBenefit, 0),
            Row(citizen.CitizenId, 2023, 15, WeeklyStatus.OrdinaryEmployment, 37_00),
            Row(citizen.CitizenId, 2023, 16, WeeklyStatus.OrdinaryEmployment, 37_00),
            Row(citizen.CitizenId, 2023, 13, WeeklyStatus.SicknessBenefit, 0),
            Row("0123456789abcdef0123456789abcdef", 2023, 15, WeeklyStatus.OrdinaryEmployment, 0),
            Row(citizen.CitizenId, 2023, 53, WeeklyStatus.OrdinaryEmployment, 0),
        ];
        var key = Guid.NewGuid().ToString();
        var first = await StreamAsync(Clients, partnership.PartnershipId, key, StatusSource.Provider, provider);

        first.Replayed.ShouldBeFalse();
        (first.Accepted, first.Unchanged, first.Rejected).ShouldBe((3, 0, 3));
        first.Results.Select(r => r.RowNumber).ShouldBe([1, 2, 3, 4, 5, 6]);
        first.Results[3].Violations.Single().Field.ShouldBe("iso_week");
        first.Results[4].Violations.Single().Field.ShouldBe("citizen_id");
        first.Results[5].Violations.Single().Field.ShouldBe("iso_week");

        var replay = await StreamAsync(Clients, partnership.PartnershipId, key, StatusSource.Provider, provider);
        replay.Replayed.ShouldBeTrue();
        replay.Results.ShouldBe(first.Results);

        var again = await StreamAsync(Clients, partnership.PartnershipId, Guid.NewGuid().ToString(), StatusSource.Provider, provider[..3]);
        (again.Accepted, again.Unchanged, again.Rejected).ShouldBe((0, 3, 0));

        var rejectedOnly = await StreamAsync(Clients, partnership.PartnershipId, Guid.NewGuid().ToString(), StatusSource.Provider,
            [Row(citizen.CitizenId, 2023, 17, WeeklyStatus.OrdinaryEmployment, 37_00), .. provider], rejectedRowsOnly: true);
        (rejectedOnly.Accepted, rejectedOnly.Unchanged, rejectedOnly.Rejected).ShouldBe((1, 3, 3));
        rejectedOnly.Results.Select(r => (r.RowNumber, r.Outcome)).ShouldBe([(5, StatusRowOutcome.Rejected), (6, StatusRowOutcome.Rejected), (7, StatusRowOutcome.Rejected)]);

        var register = await StreamAsync(Clients, partnership.PartnershipId, Guid.NewGuid().ToString(), StatusSource.Register,
            [Row(citizen.CitizenId, 2023, 15, WeeklyStatus.SicknessBenefit, 4_00)]);
        register.Accepted.ShouldBe(1);

        var timeline = await Clients.Outcome.GetTimelineAsync(new GetTimelineRequest
        {
            PartnershipId = partnership.PartnershipId,
            CitizenId = citizen.CitizenId,
        }, deadline: SuiteClients.Deadline());

        timeline.FollowUpStart.ShouldBe(ThinSlice.Day(2023, 4, 3));
        timeline.FollowUpEnd.ShouldBe(ThinSlice.Day(2025, 4, 3));
        timeline.Weeks.Select(w => w.IsoWeek).ShouldBe([14, 15, 16, 17]);
        var overridden = timeline.Weeks[1];
        overridden.WeekStart.ShouldBe(ThinSlice.Day(2023, 4, 10));
        overridden.Status.ShouldBe(WeeklyStatus.SicknessBenefit);
        overridden.DecidedBy.ShouldBe(StatusSource.Register);
        overridden.ProviderStatus.ShouldBe(WeeklyStatus.OrdinaryEmployment);
        overridden.RegisterStatus.ShouldBe(WeeklyStatus.SicknessBenefit);
        overridden.Disagreement.ShouldBeTrue();
        overridden.PaidHoursHundredths.ShouldBe(4_00);
        overridden.SelfSufficient.ShouldBeFalse();
        var employed = timeline.Weeks[2];
        (employed.Status, employed.DecidedBy, employed.Disagreement, employed.SelfSufficient, employed.PaidHoursHundredths)
            .ShouldBe((WeeklyStatus.OrdinaryEmployment, StatusSource.Provider, false, true, 37_00));
    }
}
