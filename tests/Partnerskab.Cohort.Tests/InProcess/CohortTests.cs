using System.Text.Json;
using Grpc.Core;
using Npgsql;
using Partnerskab.Contracts.Cohort;
using Partnerskab.Protos.Cohort.V1;
using Partnerskab.Scenario;
using Partnerskab.Testing;
using Partnerskab.Testing.InProcess;

namespace Partnerskab.Cohort.Tests.InProcess;

[Collection(CohortServiceCollection.Name)]
public sealed class CohortTests(CohortHost cohort) : InProcessTests(cohort.ResetAsync)
{
    private CohortService.CohortServiceClient Cohort => cohort.Client;

    [Fact]
    public async Task An_import_keeps_the_good_rows_and_answers_every_row()
    {
        var partnership = await CreatePartnershipAsync(capacity: 150);
        List<CitizenRow> rows =
        [
            .. Enumerable.Range(0, 20).Select(n => Row(1000 + n)),
            Row(1000),                                             // 21: the same citizen again, same data
            Row(1001).With(r => r.WeeksSickListed = 50),           // 22: the same citizen again, other data
            new() { Cpr = "310299-1234", HandoverDate = ThinSlice.Day(2023, 4, 3), BenefitType = BenefitType.SicknessBenefit, WeeksSickListed = 30, CaseReference = "BAD-CPR" },
            Row(1100).With(r => { r.WeeksSickListed = 10; r.HandoverDate = ThinSlice.Day(2023, 8, 1); }),  // 24: ineligible
        ];

        var result = await Cohort.ImportAsync(partnership.PartnershipId, "night-1", rows);

        result.Accepted.ShouldBe(20);
        result.Unchanged.ShouldBe(1);
        result.Rejected.ShouldBe(3);
        result.Results.Select(r => r.RowNumber).ShouldBe(Enumerable.Range(1, rows.Count));
        result.Results[20].Outcome.ShouldBe(RowOutcome.Unchanged);
        result.Results[20].CitizenId.ShouldBe(result.Results[0].CitizenId);
        result.Results[21].Violations.Select(v => v.Field).ShouldBe(["cpr"]);
        result.Results[22].Violations.Select(v => v.Field).ShouldBe(["cpr"]);
        result.Results[22].CaseReference.ShouldBe("BAD-CPR");
        result.Results[23].Violations.Select(v => v.Field).Order().ShouldBe(["handover_date", "weeks_sick_listed"]);
        (await PartnershipAsync(partnership.PartnershipId)).CitizensHandedOver.ShouldBe(20);
    }

    [Fact]
    public async Task A_nightly_resend_changes_nothing_and_a_retried_stream_gets_the_first_answer()
    {
        var partnership = await CreatePartnershipAsync(capacity: 150);
        var rows = Enumerable.Range(0, 30).Select(n => Row(2000 + n)).ToList();
        var first = await Cohort.ImportAsync(partnership.PartnershipId, "night-1", rows);
        first.Accepted.ShouldBe(30);
        var counts = await cohort.RowCountsAsync();

        var nextNight = await Cohort.ImportAsync(partnership.PartnershipId, "night-2", rows);
        nextNight.Unchanged.ShouldBe(30);
        nextNight.Replayed.ShouldBeFalse();

        var retried = await Cohort.ImportAsync(partnership.PartnershipId, "night-1", rows.Take(3).ToList());
        retried.Replayed.ShouldBeTrue();
        retried.Accepted.ShouldBe(30);
        retried.Results.Select(r => r.CitizenId).ShouldBe(first.Results.Select(r => r.CitizenId));
        retried.Replayed = false;
        retried.ShouldBe(first, "the stored answer, only marked as replayed");

        var after = await cohort.RowCountsAsync();
        after.Where(c => c.Key != "import_runs").ShouldBe(counts.Where(c => c.Key != "import_runs"));
        after["import_runs"].ShouldBe(counts["import_runs"] + 1);
    }

    [Fact]
    public async Task A_stream_cut_off_after_a_written_batch_is_answered_for_it_as_it_was_and_judged_for_the_rest()
    {
        var partnership = await CreatePartnershipAsync(capacity: 1500);
        var rows = Enumerable.Range(0, 1500).Select(n => Row(9000 + n)).ToList();
        using (var cutOff = new CancellationTokenSource())
        {
            using var call = Cohort.ImportCitizens(deadline: SuiteClients.Deadline(), cancellationToken: cutOff.Token);
            await call.RequestStream.WriteAsync(new ImportCitizensRequest { PartnershipId = partnership.PartnershipId, IdempotencyKey = "cut-off", Row = rows[0] });
            foreach (var row in rows.Skip(1).Take(1199)) await call.RequestStream.WriteAsync(new ImportCitizensRequest { Row = row });
            // The first thousand rows are written as one batch; the stream is cut off in the second.
            while ((await cohort.RowCountsAsync())["import_batches"] == 0) await Task.Delay(50);
            await cutOff.CancelAsync();
        }

        var resent = await Cohort.ImportAsync(partnership.PartnershipId, "cut-off", rows);

        // Answered as if the stream had not been cut off: the written batch's citizens are accepted, not unchanged.
        (resent.Accepted, resent.Unchanged, resent.Rejected, resent.Replayed).ShouldBe((1500, 0, 0, false));
        resent.Results.Select(r => r.RowNumber).ShouldBe(Enumerable.Range(1, 1500));
        (await PartnershipAsync(partnership.PartnershipId)).CitizensHandedOver.ShouldBe(1500);
        (await cohort.RowCountsAsync())["import_batches"].ShouldBe(0, "a finished stream keeps its whole answer only");
        var replayed = await Cohort.ImportAsync(partnership.PartnershipId, "cut-off", rows.Take(1).ToList());
        replayed.Replayed.ShouldBeTrue();
        replayed.Replayed = false;
        replayed.ShouldBe(resent);
    }

    [Fact]
    public async Task Two_imports_racing_for_the_last_places_never_overfill_the_cohort()
    {
        var partnership = await CreatePartnershipAsync(capacity: 30);
        var results = await Task.WhenAll(
            Cohort.ImportAsync(partnership.PartnershipId, "system-a", Enumerable.Range(0, 25).Select(n => Row(3000 + n)).ToList()),
            Cohort.ImportAsync(partnership.PartnershipId, "system-b", Enumerable.Range(0, 25).Select(n => Row(3100 + n)).ToList()));

        results.Sum(r => r.Accepted).ShouldBe(30);
        results.Sum(r => r.Rejected).ShouldBe(20);
        results.SelectMany(r => r.Results).Where(r => r.Outcome == RowOutcome.Rejected)
            .ShouldAllBe(r => r.Violations.Single().Description.StartsWith("the cohort is full"));
        (await PartnershipAsync(partnership.PartnershipId)).CitizensHandedOver.ShouldBe(30);
    }

    [Fact]
    public async Task Each_committed_import_batch_is_announced_by_one_event_and_a_single_handover_by_a_batch_of_one()
    {
        var partnership = await CreatePartnershipAsync(capacity: 1500);
        // Two batches of the import (1,000 rows and 200); the first holds a repeat, answered unchanged and announced once.
        var rows = Enumerable.Range(0, 1200).Select(n => Row(6000 + n)).ToList();
        rows[10] = Row(6000);
        var imported = await Cohort.ImportAsync(partnership.PartnershipId, "batches", rows);
        imported.Accepted.ShouldBe(1199);
        var single = (await Cohort.HandOverCitizenAsync(HandOver(partnership.PartnershipId, 7500), deadline: SuiteClients.Deadline())).Citizen;
        (await Cohort.ImportAsync(partnership.PartnershipId, "batches-again", rows)).Unchanged.ShouldBe(1200);

        var events = await HandoverEventsAsync(partnership.PartnershipId);
        events.Select(e => e.Citizens.Count).ShouldBe([999, 200, 1], "one event per committed batch and per single handover; nothing for unchanged rows");
        events.ShouldAllBe(e => e.PartnershipId == Guid.Parse(partnership.PartnershipId));
        events.SelectMany(e => e.Citizens).Select(c => c.CitizenId.Value)
            .ShouldBe([.. imported.Results.Where(r => r.Outcome == RowOutcome.Accepted).Select(r => r.CitizenId), single.CitizenId]);
        var first = events[0].Citizens[0];
        (first.HandoverDate, first.FollowUpStart, first.FollowUpEnd).ShouldBe((new DateOnly(2023, 4, 3), new DateOnly(2023, 4, 3), new DateOnly(2025, 4, 3)));
        (await PartnershipAsync(partnership.PartnershipId)).CitizensHandedOver.ShouldBe(1200);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task A_citizen_repeated_in_a_later_batch_is_judged_against_the_row_the_stream_wrote(bool validateOnly)
    {
        var partnership = await CreatePartnershipAsync(capacity: 1500);
        // Rows 1,101 and 1,151 (the second batch) repeat rows 2 and 3 (the first): the same handover, and the same citizen with other data.
        var rows = Enumerable.Range(0, 1200).Select(n => Row(8000 + n)).ToList();
        rows[1100] = Row(8001);
        rows[1150] = Row(8002);
        rows[1150].WeeksSickListed++;
        var before = await cohort.RowCountsAsync();

        var imported = await Cohort.ImportAsync(partnership.PartnershipId, "repeats", rows, validateOnly);

        (imported.Accepted, imported.Unchanged, imported.Rejected).ShouldBe((1198, 1, 1));
        var unchanged = imported.Results.Single(r => r.Outcome == RowOutcome.Unchanged);
        (unchanged.RowNumber, unchanged.CitizenId).ShouldBe((1101, imported.Results[1].CitizenId));
        var rejected = imported.Results.Single(r => r.Outcome == RowOutcome.Rejected);
        rejected.RowNumber.ShouldBe(1151);
        rejected.Violations.Single().Description.ShouldContain("already handed over to the partnership with other data");
        if (validateOnly) (await cohort.RowCountsAsync()).ShouldBe(before);
        else (await PartnershipAsync(partnership.PartnershipId)).CitizensHandedOver.ShouldBe(1198);
    }

    [Fact]
    public async Task An_empty_stream_or_an_unknown_partnership_is_refused_and_writes_nothing()
    {
        var partnership = await CreatePartnershipAsync(10);
        var before = await cohort.RowCountsAsync();

        var empty = await Should.ThrowAsync<RpcException>(() => Cohort.ImportAsync(partnership.PartnershipId, "empty", []));
        empty.StatusCode.ShouldBe(StatusCode.InvalidArgument);
        var unknown = await Should.ThrowAsync<RpcException>(() => Cohort.ImportAsync(Guid.NewGuid().ToString(), "unknown", [Row(1)]));
        unknown.StatusCode.ShouldBe(StatusCode.NotFound);

        (await cohort.RowCountsAsync()).ShouldBe(before);
    }

    [Fact]
    public async Task An_oversized_message_is_refused_before_it_is_read()
    {
        var partnership = await CreatePartnershipAsync(capacity: 5);
        var before = await cohort.RowCountsAsync();

        var error = await Should.ThrowAsync<RpcException>(Cohort.HandOverCitizenAsync(
            HandOver(partnership.PartnershipId, 4200).With(h => h.CaseReference = new string('x', 5 * 1024 * 1024)),
            deadline: SuiteClients.Deadline()).ResponseAsync);

        error.StatusCode.ShouldBe(StatusCode.ResourceExhausted);
        (await cohort.RowCountsAsync()).ShouldBe(before);
    }

    [Fact]
    public async Task A_wrongly_enrolled_citizen_frees_the_place_and_leaves_follow_up()
    {
        var partnership = await CreatePartnershipAsync(capacity: 1);
        var first = (await Cohort.HandOverCitizenAsync(HandOver(partnership.PartnershipId, 4000), deadline: SuiteClients.Deadline())).Citizen;
        var full = await Should.ThrowAsync<RpcException>(Cohort.HandOverCitizenAsync(HandOver(partnership.PartnershipId, 4001), deadline: SuiteClients.Deadline()).ResponseAsync);
        full.StatusCode.ShouldBe(StatusCode.FailedPrecondition);

        var exit = await Cohort.RecordExitAsync(new RecordExitRequest
        {
            PartnershipId = partnership.PartnershipId,
            CitizenId = first.CitizenId,
            ExitDate = ThinSlice.Day(2023, 5, 1),
            Reason = ExitReason.WronglyEnrolled,
        }, deadline: SuiteClients.Deadline());
        exit.Recorded.ShouldBeTrue();
        exit.Citizen.Status.ShouldBe(CitizenStatus.Exited);

        (await PartnershipAsync(partnership.PartnershipId)).CitizensHandedOver.ShouldBe(0, "the place taken is freed");
        (await Cohort.HandOverCitizenAsync(HandOver(partnership.PartnershipId, 4001), deadline: SuiteClients.Deadline())).Created.ShouldBeTrue();
        (await Cohort.ListPartnershipsAsync(new ListPartnershipsRequest(), deadline: SuiteClients.Deadline())).Partnerships
            .Single(p => p.PartnershipId == partnership.PartnershipId).CitizensHandedOver.ShouldBe(1);
        var status = await Cohort.GetFollowUpStatusAsync(new GetFollowUpStatusRequest
        {
            PartnershipId = partnership.PartnershipId, CitizenId = first.CitizenId, OnDate = ThinSlice.Day(2023, 4, 10),
        }, deadline: SuiteClients.Deadline());
        status.InFollowUp.ShouldBeFalse();
        (await Cohort.RecordExitAsync(new RecordExitRequest
        {
            PartnershipId = partnership.PartnershipId, CitizenId = first.CitizenId, ExitDate = ThinSlice.Day(2023, 5, 1), Reason = ExitReason.WronglyEnrolled,
        }, deadline: SuiteClients.Deadline())).Recorded.ShouldBeFalse();
    }

    [Fact]
    public async Task An_exit_ends_follow_up_on_its_date()
    {
        var partnership = await CreatePartnershipAsync(capacity: 5);
        var citizen = (await Cohort.HandOverCitizenAsync(HandOver(partnership.PartnershipId, 4100), deadline: SuiteClients.Deadline())).Citizen;
        await Cohort.RecordExitAsync(new RecordExitRequest
        {
            PartnershipId = partnership.PartnershipId, CitizenId = citizen.CitizenId, ExitDate = ThinSlice.Day(2024, 1, 15), Reason = ExitReason.MovedAway,
        }, deadline: SuiteClients.Deadline());

        (await FollowUpAsync(partnership.PartnershipId, citizen.CitizenId, ThinSlice.Day(2024, 1, 14))).InFollowUp.ShouldBeTrue();
        (await FollowUpAsync(partnership.PartnershipId, citizen.CitizenId, ThinSlice.Day(2024, 1, 15))).InFollowUp.ShouldBeFalse();
        var again = await Should.ThrowAsync<RpcException>(Cohort.RecordExitAsync(new RecordExitRequest
        {
            PartnershipId = partnership.PartnershipId, CitizenId = citizen.CitizenId, ExitDate = ThinSlice.Day(2024, 2, 1), Reason = ExitReason.Deceased,
        }, deadline: SuiteClients.Deadline()).ResponseAsync);
        again.StatusCode.ShouldBe(StatusCode.FailedPrecondition);
    }

    [Fact]
    public async Task Amendments_are_versions_and_a_stale_amendment_is_refused()
    {
        var partnership = await CreatePartnershipAsync(capacity: 150);
        var amendment = Amendment(partnership, expectedVersion: 1, capacity: 175, "Council decision 2023-09: 25 more places");

        var amended = (await Cohort.AmendPartnershipAsync(amendment, deadline: SuiteClients.Deadline())).Partnership;
        amended.Version.ShouldBe(2);
        amended.CohortCapacity.ShouldBe(175);

        var stale = await Should.ThrowAsync<RpcException>(Cohort.AmendPartnershipAsync(
            Amendment(partnership, expectedVersion: 1, capacity: 200, "a second writer"), deadline: SuiteClients.Deadline()).ResponseAsync);
        stale.StatusCode.ShouldBe(StatusCode.FailedPrecondition);

        var versions = (await Cohort.ListPartnershipVersionsAsync(new ListPartnershipVersionsRequest { PartnershipId = partnership.PartnershipId },
            deadline: SuiteClients.Deadline())).Versions;
        versions.Select(v => (v.Partnership.Version, v.Partnership.CohortCapacity, v.Reason))
            .ShouldBe([(1, 150, ""), (2, 175, "Council decision 2023-09: 25 more places")]);
        (await PartnershipAsync(partnership.PartnershipId)).Version.ShouldBe(2);

        // A retried registration still matches the agreement as it was registered.
        var retried = await Cohort.CreatePartnershipAsync(ThinSlice.HaderslevAgreement(partnership.Reference),
            deadline: SuiteClients.Deadline());
        retried.Created.ShouldBeFalse();
    }

    [Fact]
    public async Task A_case_reference_names_one_citizen_of_a_partnership_in_a_handover_and_in_an_import()
    {
        var partnership = await CreatePartnershipAsync(capacity: 10);
        var first = (await Cohort.HandOverCitizenAsync(HandOver(partnership.PartnershipId, 4300), deadline: SuiteClients.Deadline())).Citizen;

        var clash = await Should.ThrowAsync<RpcException>(Cohort.HandOverCitizenAsync(
            HandOver(partnership.PartnershipId, 4301).With(h => h.CaseReference = first.CaseReference), deadline: SuiteClients.Deadline()).ResponseAsync);
        clash.StatusCode.ShouldBe(StatusCode.InvalidArgument);
        var violation = clash.GetRpcStatus()!.GetDetail<Google.Rpc.BadRequest>().FieldViolations.ShouldHaveSingleItem();
        (violation.Field, violation.Description).ShouldBe(("case_reference",
            $"is already the case reference of citizen {first.CitizenId} in this partnership; a case reference names one citizen"));

        var imported = await Cohort.ImportAsync(partnership.PartnershipId, "case-references",
            [Row(4302).With(r => r.CaseReference = "HAD-SHARED"), Row(4303).With(r => r.CaseReference = "HAD-SHARED"), Row(4304).With(r => r.CaseReference = first.CaseReference)]);
        imported.Results.Select(r => (r.RowNumber, r.Outcome, r.Violations.SingleOrDefault()?.Field))
            .ShouldBe([(1, RowOutcome.Accepted, null), (2, RowOutcome.Rejected, "case_reference"), (3, RowOutcome.Rejected, "case_reference")]);
        (await Cohort.CountCitizensAsync(new CountCitizensRequest { PartnershipId = partnership.PartnershipId }, deadline: SuiteClients.Deadline()))
            .Total.ShouldBe(2);
        (await Cohort.GetCitizenAsync(new GetCitizenRequest { PartnershipId = partnership.PartnershipId, CaseReference = first.CaseReference },
            deadline: SuiteClients.Deadline())).Citizen.CitizenId.ShouldBe(first.CitizenId);
    }

    [Fact]
    public async Task Citizens_are_found_by_case_reference_listed_by_advisor_and_paged_without_gaps()
    {
        var partnership = await CreatePartnershipAsync(capacity: 150);
        var rows = Enumerable.Range(0, 45).Select(n => Row(5000 + n).With(r => r.HandoverDate = ThinSlice.Day(2023, n < 20 ? 4 : 5, 1 + n % 20))).ToList();
        (await Cohort.ImportAsync(partnership.PartnershipId, "paging", rows)).Accepted.ShouldBe(45);

        var found = (await Cohort.GetCitizenAsync(new GetCitizenRequest { PartnershipId = partnership.PartnershipId, CaseReference = rows[7].CaseReference },
            deadline: SuiteClients.Deadline())).Citizen;
        found.CaseReference.ShouldBe(rows[7].CaseReference);

        await Cohort.AssignAdvisorAsync(new AssignAdvisorRequest
        {
            PartnershipId = partnership.PartnershipId, CitizenId = found.CitizenId, AdvisorId = "advisor-17", AssignedOn = ThinSlice.Day(2023, 6, 1),
        }, deadline: SuiteClients.Deadline());
        var byAdvisor = await Cohort.ListCitizensAsync(new ListCitizensRequest { PartnershipId = partnership.PartnershipId, AdvisorId = "advisor-17" },
            deadline: SuiteClients.Deadline());
        byAdvisor.Citizens.ShouldHaveSingleItem().CitizenId.ShouldBe(found.CitizenId);

        var seen = new List<string>();
        var token = "";
        do
        {
            var page = await Cohort.ListCitizensAsync(new ListCitizensRequest { PartnershipId = partnership.PartnershipId, PageSize = 10, PageToken = token },
                deadline: SuiteClients.Deadline());
            page.Citizens.Count.ShouldBeLessThanOrEqualTo(10);
            seen.AddRange(page.Citizens.Select(c => c.CitizenId));
            token = page.NextPageToken;
        }
        while (token.Length > 0);
        seen.Count.ShouldBe(45);
        seen.Distinct().Count().ShouldBe(45);

        var may = await Cohort.ListCitizensAsync(new ListCitizensRequest { PartnershipId = partnership.PartnershipId, HandoverMonth = "2023-05", PageSize = 100 },
            deadline: SuiteClients.Deadline());
        may.Citizens.Count.ShouldBe(25);

        var counts = await Cohort.CountCitizensAsync(new CountCitizensRequest { PartnershipId = partnership.PartnershipId, AsOf = ThinSlice.Day(2025, 4, 30) },
            deadline: SuiteClients.Deadline());
        counts.Total.ShouldBe(45);
        counts.Counts.Single(c => c.Status == CitizenStatus.Completed).Citizens.ShouldBe(20);
        counts.Counts.Single(c => c.Status == CitizenStatus.InFollowUp).Citizens.ShouldBe(25);
    }

    private async Task<Partnership> CreatePartnershipAsync(int capacity) =>
        (await Cohort.CreatePartnershipAsync(ThinSlice.HaderslevAgreement(TestCitizens.UniqueReference("cohort")).With(p => p.CohortCapacity = capacity),
            deadline: SuiteClients.Deadline())).Partnership;

    private async Task<Partnership> PartnershipAsync(string id) =>
        (await Cohort.GetPartnershipAsync(new GetPartnershipRequest { PartnershipId = id }, deadline: SuiteClients.Deadline())).Partnership;

    /// <summary>The partnership's handover events in the outbox, in the order they are sent.</summary>
    private async Task<List<CitizensHandedOver>> HandoverEventsAsync(string partnershipId)
    {
        await using var connection = await cohort.OpenAsync();
        await using var query = new NpgsqlCommand("""
            SELECT body::text FROM outbox_messages
            WHERE message_type LIKE 'Partnerskab.Contracts.Cohort.CitizensHandedOver,%' AND body->>'partnershipId' = @id
            ORDER BY sequence
            """, connection);
        query.Parameters.AddWithValue("id", partnershipId);
        var events = new List<CitizensHandedOver>();
        await using var reader = await query.ExecuteReaderAsync();
        while (await reader.ReadAsync()) events.Add(JsonSerializer.Deserialize<CitizensHandedOver>(reader.GetString(0), JsonSerializerOptions.Web)!);
        return events;
    }

    private async Task<GetFollowUpStatusResponse> FollowUpAsync(string partnershipId, string citizenId, Google.Type.Date on) =>
        await Cohort.GetFollowUpStatusAsync(new GetFollowUpStatusRequest { PartnershipId = partnershipId, CitizenId = citizenId, OnDate = on },
            deadline: SuiteClients.Deadline());

    private static CitizenRow Row(int n) => new()
    {
        Cpr = TestCitizens.Cpr(n),
        HandoverDate = ThinSlice.Day(2023, 4, 3),
        BenefitType = BenefitType.SicknessBenefit,
        WeeksSickListed = 30 + n % 20,
        CaseReference = $"HAD-{n}",
    };

    private static HandOverCitizenRequest HandOver(string partnershipId, int n) => new()
    {
        PartnershipId = partnershipId,
        Cpr = TestCitizens.Cpr(n),
        HandoverDate = ThinSlice.Day(2023, 4, 3),
        BenefitType = BenefitType.JobClarificationBenefit,
        WeeksSickListed = 40,
        CaseReference = $"HAD-{n}",
    };

    private static AmendPartnershipRequest Amendment(Partnership current, int expectedVersion, int capacity, string reason) => new()
    {
        PartnershipId = current.PartnershipId,
        ExpectedVersion = expectedVersion,
        Name = current.Name,
        Kommune = current.Kommune,
        Provider = current.Provider,
        Investor = current.Investor,
        ContractStart = current.ContractStart,
        ContractEnd = current.ContractEnd,
        CohortCapacity = capacity,
        FollowUpMonths = current.FollowUpMonths,
        HandoverWindowStart = current.HandoverWindowStart,
        HandoverWindowEnd = current.HandoverWindowEnd,
        Eligibility = current.Eligibility,
        Reason = reason,
    };
}
