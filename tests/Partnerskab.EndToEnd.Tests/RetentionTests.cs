using Partnerskab.EndToEnd.Tests.Infrastructure;
using Partnerskab.Protos.Cohort.V1;
using Partnerskab.Protos.Outcome.V1;
using Partnerskab.Protos.Payment.V1;
using Partnerskab.Scenario;
using Shouldly;
using static Partnerskab.EndToEnd.Tests.OutcomeTestData;

namespace Partnerskab.EndToEnd.Tests;

/// <summary>
/// The personal data lifecycle against the real services: a citizen followed up 2017-2019 is
/// erasable from 2025-01-01 (the financial year of the follow-up end, 2019, plus five years);
/// the job then erases the personal fields in cohort and the facts in outcome, while the counts,
/// milestones, ledger and cost stay exactly as they were, and a citizen followed up later is untouched.
/// </summary>
[Collection(SuiteCollection.Name)]
public sealed class RetentionTests(SuiteFixture suite)
{
    private const string Evidence = "employment contract, case OLD-7400";

    private SuiteClients Clients => suite.Clients;

    [Fact]
    public async Task Citizen_data_past_its_retention_is_erased_everywhere_and_the_aggregates_still_add_up()
    {
        var partnership = await OldPartnershipAsync();
        var old = (await Clients.Cohort.HandOverCitizenAsync(new HandOverCitizenRequest
        {
            PartnershipId = partnership.PartnershipId, Cpr = TestCitizens.Cpr(7400), HandoverDate = ThinSlice.Day(2017, 4, 3),
            BenefitType = Protos.Cohort.V1.BenefitType.SicknessBenefit, WeeksSickListed = 31, CaseReference = "OLD-7400",
        }, deadline: SuiteClients.Deadline())).Citizen;
        var (_, recent) = await TestCitizens.HandedOverAsync(Clients.Cohort, "retention-recent", 7401, "NEW-7401");
        await Clients.Cohort.AssignAdvisorAsync(new AssignAdvisorRequest
        {
            PartnershipId = partnership.PartnershipId, CitizenId = old.CitizenId, AdvisorId = "advisor-7400", AssignedOn = ThinSlice.Day(2017, 5, 1),
        }, deadline: SuiteClients.Deadline());
        var claim = (await Clients.Outcome.ClaimOutcomeAsync(new ClaimOutcomeRequest
        {
            PartnershipId = partnership.PartnershipId, CitizenId = old.CitizenId, ClaimReference = "OLD-CL-1", Kind = OutcomeKind.JobStart,
            OutcomeDate = ThinSlice.Day(2017, 9, 4), HoursPerWeekHundredths = 20_00, EmployerCvr = "87654321", EvidenceReference = Evidence,
        }, deadline: SuiteClients.Deadline())).Claim;
        await Clients.Outcome.VerifyOutcomeClaimAsync(new VerifyOutcomeClaimRequest { ClaimId = claim.ClaimId, VerifiedBy = "caseworker-3" },
            deadline: SuiteClients.Deadline());
        await WaitForFollowUpAsync(Clients, partnership.PartnershipId, old.CitizenId);
        await Clients.Outcome.RecordContactAsync(new RecordContactRequest
        {
            PartnershipId = partnership.PartnershipId, CitizenId = old.CitizenId, ContactReference = "CONTACT-7400",
            ContactDate = ThinSlice.Day(2017, 9, 11), Channel = ContactChannel.Phone,
        }, deadline: SuiteClients.Deadline());
        var statuses = await StreamAsync(Clients, partnership.PartnershipId, Guid.NewGuid().ToString(), StatusSource.Provider,
            [Row(old.CitizenId, 2017, 36, WeeklyStatus.OrdinaryEmployment, 20_00)]);
        statuses.Accepted.ShouldBe(1);
        var ledger = await LedgerAsync(partnership.PartnershipId, expected: 2);
        var before = await AggregatesAsync(partnership.PartnershipId, old.CitizenId);

        var early = await Clients.Cohort.EraseExpiredCitizenDataAsync(new EraseExpiredCitizenDataRequest { AsOf = ThinSlice.Day(2024, 12, 31) },
            deadline: SuiteClients.Deadline());
        early.CitizensErased.ShouldBe(0);
        (await CitizenAsync(partnership.PartnershipId, old.CitizenId)).CaseReference.ShouldBe("OLD-7400");

        var due = await Clients.Cohort.EraseExpiredCitizenDataAsync(new EraseExpiredCitizenDataRequest { AsOf = ThinSlice.Day(2025, 1, 1) },
            deadline: SuiteClients.Deadline());
        var again = await Clients.Cohort.EraseExpiredCitizenDataAsync(new EraseExpiredCitizenDataRequest { AsOf = ThinSlice.Day(2025, 1, 1) },
            deadline: SuiteClients.Deadline());

        (due.CitizensErased, due.FollowUpEndedBy).ShouldBe((1, ThinSlice.Day(2020, 1, 1)));
        again.CitizensErased.ShouldBe(0);
        var erased = await CitizenAsync(partnership.PartnershipId, old.CitizenId);
        (erased.CaseReference, erased.WeeksSickListed, erased.AdvisorId).ShouldBe(("", 0, ""));
        (erased.HandoverDate, erased.FollowUpEnd).ShouldBe((old.HandoverDate, old.FollowUpEnd));
        (await CitizenAsync(recent.PartnershipId, recent.CitizenId)).CaseReference.ShouldBe("NEW-7401");

        var timeline = await TimelineOnceErasedAsync(partnership.PartnershipId, old.CitizenId);
        timeline.Weeks.ShouldBeEmpty();
        var erasedClaim = await Clients.Outcome.GetOutcomeClaimAsync(new GetOutcomeClaimRequest { ClaimId = claim.ClaimId }, deadline: SuiteClients.Deadline());
        (erasedClaim.Claim.EvidenceReference, erasedClaim.Claim.EmployerCvr, erasedClaim.Claim.Status).ShouldBe(("", "", ClaimStatus.Verified));
        erasedClaim.History.ShouldAllBe(h => h.EvidenceReference == "" && h.EmployerCvr == "" && h.Reason == "");

        (await AggregatesAsync(partnership.PartnershipId, old.CitizenId)).ShouldBe(before);
        (await LedgerAsync(partnership.PartnershipId, expected: 2)).ShouldBe(ledger);
        // Sent events stay in the outbox for Outbox__SentRetention (7 days) only; this follow-up ended years ago.
        foreach (var (table, text) in (await suite.AllRowsAsTextAsync()).Where(t => !t.Key.EndsWith(".outbox_messages", StringComparison.Ordinal)))
        {
            text.ShouldNotContain("OLD-7400", customMessage: $"{table} still holds the erased case reference");
            text.ShouldNotContain("advisor-7400", customMessage: $"{table} still holds the erased advisor");
            text.ShouldNotContain("CONTACT-7400", customMessage: $"{table} still holds the erased contact");
        }
    }

    /// <summary>What must not change: the cohort's counts, the milestones and the partnership's cost.</summary>
    private async Task<string> AggregatesAsync(string partnershipId, string citizenId)
    {
        var counts = await Clients.Cohort.CountCitizensAsync(new CountCitizensRequest { PartnershipId = partnershipId, AsOf = ThinSlice.Day(2025, 1, 1) },
            deadline: SuiteClients.Deadline());
        var milestones = await MilestonesAsync(Clients, partnershipId, citizenId, found => found.Count == 1);
        var cost = await Clients.Payment.GetPartnershipCostAsync(new GetPartnershipCostRequest { PartnershipId = partnershipId, AsOf = ThinSlice.Day(2025, 1, 1) },
            deadline: SuiteClients.Deadline());
        return string.Join("\n", counts.ToString(), string.Join(",", milestones.Select(m => $"{m.Code} {m.AchievedOn} {m.RevokedOn}")), cost.ToString());
    }

    private async Task<Protos.Cohort.V1.Citizen> CitizenAsync(string partnershipId, string citizenId) =>
        (await Clients.Cohort.GetCitizenAsync(new GetCitizenRequest { PartnershipId = partnershipId, CitizenId = citizenId },
            deadline: SuiteClients.Deadline())).Citizen;

    private async Task<IReadOnlyList<LedgerItem>> LedgerAsync(string partnershipId, int expected)
    {
        var until = DateTime.UtcNow.AddSeconds(60);
        while (true)
        {
            var items = (await Clients.Payment.GetWholeLedgerAsync(new GetLedgerRequest { PartnershipId = partnershipId }, deadline: SuiteClients.Deadline())).Items;
            if (items.Count >= expected) return items;
            if (DateTime.UtcNow > until) throw new TimeoutException($"the ledger never had {expected} items: {items}");
            await Task.Delay(200);
        }
    }

    // CitizenDataErased reaches the outcome service as an event.
    private async Task<GetTimelineResponse> TimelineOnceErasedAsync(string partnershipId, string citizenId)
    {
        var until = DateTime.UtcNow.AddSeconds(30);
        while (true)
        {
            var timeline = await Clients.Outcome.GetTimelineAsync(new GetTimelineRequest { PartnershipId = partnershipId, CitizenId = citizenId },
                deadline: SuiteClients.Deadline());
            if (timeline.Weeks.Count == 0 || DateTime.UtcNow > until) return timeline;
            await Task.Delay(200);
        }
    }

    /// <summary>The Haderslev agreement, milestones and rate card, eight years earlier: handovers in 2017, follow-up into 2019.</summary>
    private async Task<Protos.Cohort.V1.Partnership> OldPartnershipAsync()
    {
        var agreement = ThinSlice.HaderslevAgreement(TestCitizens.UniqueReference("retention"));
        agreement.ContractStart = ThinSlice.Day(2017, 3, 1);
        agreement.ContractEnd = ThinSlice.Day(2019, 3, 31);
        agreement.HandoverWindowStart = ThinSlice.Day(2017, 3, 1);
        agreement.HandoverWindowEnd = ThinSlice.Day(2017, 6, 30);
        var partnership = (await Clients.Cohort.CreatePartnershipAsync(agreement, deadline: SuiteClients.Deadline())).Partnership;
        await Clients.Outcome.SetMilestoneDefinitionsAsync(new SetMilestoneDefinitionsRequest
        {
            PartnershipId = partnership.PartnershipId,
            Definitions =
            {
                new Protos.Outcome.V1.MilestoneDefinition
                {
                    Code = ThinSlice.JobStartCode, Description = "First verified job start",
                    RuleKind = MilestoneRuleKind.FirstVerifiedOutcome, OutcomeKind = OutcomeKind.JobStart,
                },
            },
        }, deadline: SuiteClients.Deadline());
        await Clients.Payment.SetRateCardAsync(new SetRateCardRequest
        {
            PartnershipId = partnership.PartnershipId,
            EffectiveFrom = ThinSlice.Day(2017, 3, 1),
            HandoverFeeOre = ThinSlice.HandoverFeeOre,
            MilestonePrices = { new MilestonePrice { MilestoneCode = ThinSlice.JobStartCode, AmountOre = ThinSlice.JobStartPriceOre } },
        }, deadline: SuiteClients.Deadline());
        return partnership;
    }
}
