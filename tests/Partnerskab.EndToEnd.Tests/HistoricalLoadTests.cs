using Grpc.Core;
using Partnerskab.EndToEnd.Tests.Infrastructure;
using Partnerskab.Protos.Cohort.V1;
using Partnerskab.Protos.Outcome.V1;
using Partnerskab.Protos.Payment.V1;
using Partnerskab.Scenario;
using Partnerskab.Scenario.Haderslev;
using Partnerskab.Testing;
using Partnerskab.Tokens;
using Shouldly;
using static Partnerskab.Scenario.ThinSlice;

namespace Partnerskab.EndToEnd.Tests;

/// <summary>An operator loads a partnership's past through the real services, each call saying when its facts were learnt.</summary>
[Collection(SuiteCollection.Name)]
public sealed class HistoricalLoadTests(SuiteFixture suite)
{
    private static readonly Google.Type.Date Presented = Day(2023, 10, 2);

    [Fact]
    public async Task A_partnership_loaded_historically_reproduces_the_report_presented_on_an_earlier_day_to_the_ore_after_a_later_correction()
    {
        var load = await LoadUntilTheQ3InvoiceAsync("history");
        // What finance was shown on the day the Q3 2023 invoice went out, as the load reached that day.
        var presented = await CostAsync(load.PartnershipId, Day(2023, 12, 31), knownOn: null);
        var ledgerPresented = (await suite.Clients.Payment.GetWholeLedgerAsync(new GetLedgerRequest { PartnershipId = load.PartnershipId },
            deadline: SuiteClients.Deadline())).Items;

        // Learnt on 2023-11-15: the first citizen's job never started. Then the Q4 run and its closing.
        await At(2023, 11, 15).Outcome.RevokeOutcomeClaimAsync(new RevokeOutcomeClaimRequest
        {
            ClaimId = load.ClaimIds[0], RevokedBy = "jobcenter-case-worker", Reason = "the employer confirms the job never started",
        }, deadline: SuiteClients.Deadline());
        var credit = (await PaymentTestData.LedgerAsync(suite.Clients, load.PartnershipId, items => items.Any(i => i.CreditsItemId != ""))).Single(i => i.CreditsItemId != "");
        var corrected = await CostAsync(load.PartnershipId, Day(2023, 12, 31), knownOn: null);
        (presented.TotalEarnedOre - corrected.TotalEarnedOre).ShouldBe(TestRateCards.JobStartOre);
        var q4 = (await At(2024, 1, 2).Payment.RunInvoicesAsync(new RunInvoicesRequest
        {
            PartnershipId = load.PartnershipId, PeriodStart = Day(2023, 10, 1), IssueDate = Day(2024, 1, 2),
        }, deadline: SuiteClients.Deadline())).Documents;

        // The revocation and its credit fell on the day they were learnt, not on the day of the load.
        var revoked = (await OutcomeTestData.MilestonesAsync(suite.Clients, load.PartnershipId, load.CitizenIds[0], m => m.Any(x => x.Revoked))).Single();
        (revoked.RevokedOn, revoked.RevokedAt.ToDateTimeOffset()).ShouldBe((Day(2023, 11, 15), ReferencePlan.Recorded(new DateOnly(2023, 11, 15))));
        (credit.BookedOn, credit.RecordedAt.ToDateTimeOffset()).ShouldBe((Day(2023, 11, 15), ReferencePlan.Recorded(new DateOnly(2023, 11, 15))));
        var creditNote = q4.Single(d => d.Kind == DocumentKind.CreditNote);
        (creditNote.IssueDate, creditNote.PeriodStart, creditNote.CreditedInvoiceId).ShouldBe((Day(2024, 1, 2), Day(2023, 10, 1), load.Q3Invoice.InvoiceId));
        creditNote.NetAmountOre.ShouldBe(TestRateCards.JobStartOre);

        // As known on the day it was presented: the same report and ledger to the øre, after the correction and the Q4 run.
        var reproduced = await CostAsync(load.PartnershipId, Day(2023, 12, 31), knownOn: Presented);
        reproduced.KnownOn.ShouldBe(Presented);
        reproduced.KnownOn = null;
        reproduced.ShouldBe(presented);
        (await suite.Clients.Payment.GetWholeLedgerAsync(new GetLedgerRequest { PartnershipId = load.PartnershipId, KnownOn = Presented },
            deadline: SuiteClients.Deadline())).Items.ShouldBe(ledgerPresented);
        // The closed Q3 invoice is as it was issued.
        var invoices = (await suite.Clients.Payment.ListInvoicesAsync(new ListInvoicesRequest { PartnershipId = load.PartnershipId, AsOf = Day(2024, 1, 2) },
            deadline: SuiteClients.Deadline())).Documents;
        var q3 = invoices.Single(d => d.InvoiceId == load.Q3Invoice.InvoiceId);
        (q3.Number, q3.NetAmountOre, q3.Lines.Count).ShouldBe((load.Q3Invoice.Number, load.Q3Invoice.NetAmountOre, load.Q3Invoice.Lines.Count));
    }

    [Fact]
    public async Task A_recorded_time_going_backwards_in_the_future_or_unreadable_is_refused_and_nothing_is_written()
    {
        var load = await LoadUntilTheQ3InvoiceAsync("history-back");
        var claims = await ClaimCountAsync(load.PartnershipId);

        // The outcome service last recorded this partnership's facts on 2023-09-08; the payment service on 2023-10-02.
        var earlierClaim = await Should.ThrowAsync<RpcException>(() => ClaimAsync(At(2023, 9, 7), load.PartnershipId, load.CitizenIds[1], "late-claim"));
        var earlierRun = await Should.ThrowAsync<RpcException>(async () => await At(2023, 10, 1).Payment.RunInvoicesAsync(new RunInvoicesRequest
        {
            PartnershipId = load.PartnershipId, PeriodStart = Day(2023, 4, 1), IssueDate = Day(2023, 7, 3),
        }, deadline: SuiteClients.Deadline()));
        var future = await Should.ThrowAsync<RpcException>(() =>
            ClaimAsync(suite.Clients.RecordedAt(DateTimeOffset.UtcNow.AddDays(2)), load.PartnershipId, load.CitizenIds[1], "future-claim"));
        var unreadable = await Should.ThrowAsync<RpcException>(() =>
            ClaimAsync(suite.Clients, load.PartnershipId, load.CitizenIds[1], "unreadable-claim", new Metadata { { RecordedAtHeader.Name, "yesterday" } }));

        foreach (var refused in new[] { earlierClaim, earlierRun, future, unreadable })
        {
            refused.StatusCode.ShouldBe(StatusCode.InvalidArgument);
            refused.GetRpcStatus()!.GetDetail<Google.Rpc.BadRequest>().FieldViolations.ShouldHaveSingleItem().Field.ShouldBe("recorded_at");
        }
        earlierClaim.GetRpcStatus()!.GetDetail<Google.Rpc.BadRequest>().FieldViolations[0].Description.ShouldContain("earlier than 2023-09-08T12:00:00Z");
        (await ClaimCountAsync(load.PartnershipId)).ShouldBe(claims);
        (await suite.Clients.Payment.ListInvoicesAsync(new ListInvoicesRequest { PartnershipId = load.PartnershipId, AsOf = Day(2024, 1, 1) },
            deadline: SuiteClients.Deadline())).Documents.ShouldHaveSingleItem();

        // Only the operator may give the moment; the same roles without it may not.
        using var withoutOperator = suite.ClientsFor(new TokenSubject("finance-system",
            [SuiteRoles.Kommune, SuiteRoles.Provider, SuiteRoles.Finance], null, [SuiteClaims.AllPartnerships]));
        var notOperator = await Should.ThrowAsync<RpcException>(() =>
            ClaimAsync(withoutOperator.RecordedAt(ReferencePlan.Recorded(new DateOnly(2023, 12, 1))), load.PartnershipId, load.CitizenIds[1], "not-operator-claim"));
        notOperator.StatusCode.ShouldBe(StatusCode.PermissionDenied);
        (await ClaimCountAsync(load.PartnershipId)).ShouldBe(claims);

        // Forward in time the load goes on.
        await ClaimAsync(At(2023, 12, 1), load.PartnershipId, load.CitizenIds[1], "later-claim");
        (await ClaimCountAsync(load.PartnershipId)).ShouldBe(claims + 1);
    }

    private sealed record Loaded(string PartnershipId, IReadOnlyList<string> CitizenIds, IReadOnlyList<string> ClaimIds, Invoice Q3Invoice);

    /// <summary>
    /// Agreement, definitions and rate card on 2023-03-01, two citizens handed over on 2023-04-03, their job starts of
    /// 2023-09-04 claimed and verified on 2023-09-08, the Q3 2023 invoice issued on 2023-10-02 and the quarter closed.
    /// </summary>
    private async Task<Loaded> LoadUntilTheQ3InvoiceAsync(string prefix)
    {
        var partnershipId = (await At(2023, 3, 1).Cohort.CreatePartnershipAsync(HaderslevAgreement(TestCitizens.UniqueReference(prefix)),
            deadline: SuiteClients.Deadline())).Partnership.PartnershipId;
        await At(2023, 3, 1).Outcome.SetMilestoneDefinitionsAsync(new SetMilestoneDefinitionsRequest
        {
            PartnershipId = partnershipId, Definitions = { ReferencePlan.MilestoneDefinitions.Where(d => d.Code == TestRateCards.JobStart) },
        }, deadline: SuiteClients.Deadline());
        await At(2023, 3, 1).Payment.SetRateCardAsync(TestRateCards.FullRateCard(partnershipId, Day(2023, 3, 1)).With(r => r.Caps = null),
            deadline: SuiteClients.Deadline());
        var citizenIds = new List<string>();
        foreach (var n in new[] { 401, 402 })
        {
            citizenIds.Add((await At(2023, 4, 3).Cohort.HandOverCitizenAsync(new HandOverCitizenRequest
            {
                PartnershipId = partnershipId, Cpr = TestCitizens.Cpr(n), HandoverDate = Day(2023, 4, 3),
                BenefitType = Protos.Cohort.V1.BenefitType.SicknessBenefit, WeeksSickListed = 30, CaseReference = $"{prefix}-{n}",
            }, deadline: SuiteClients.Deadline())).Citizen.CitizenId);
        }
        foreach (var citizenId in citizenIds) await OutcomeTestData.WaitForFollowUpAsync(suite.Clients, partnershipId, citizenId);
        var claimIds = new List<string>();
        foreach (var citizenId in citizenIds)
        {
            var claim = await ClaimAsync(At(2023, 9, 8), partnershipId, citizenId, $"{prefix}-job-{citizenId[..8]}");
            await At(2023, 9, 8).Outcome.VerifyOutcomeClaimAsync(new VerifyOutcomeClaimRequest { ClaimId = claim.ClaimId, VerifiedBy = "jobcenter" },
                deadline: SuiteClients.Deadline());
            claimIds.Add(claim.ClaimId);
        }
        await PaymentTestData.LedgerAsync(suite.Clients, partnershipId, items => items.Count == 4);
        var q3 = (await At(2023, 10, 2).Payment.RunInvoicesAsync(new RunInvoicesRequest
        {
            PartnershipId = partnershipId, PeriodStart = Day(2023, 7, 1), IssueDate = Day(2023, 10, 2),
        }, deadline: SuiteClients.Deadline())).Documents.Single();
        await At(2023, 10, 2).Payment.ClosePeriodAsync(new ClosePeriodRequest { PartnershipId = partnershipId, PeriodStart = Day(2023, 7, 1) },
            deadline: SuiteClients.Deadline());
        return new Loaded(partnershipId, citizenIds, claimIds, q3);
    }

    private SuiteClients At(int year, int month, int day) => suite.Clients.RecordedAt(ReferencePlan.Recorded(new DateOnly(year, month, day)));

    private static async Task<OutcomeClaim> ClaimAsync(SuiteClients clients, string partnershipId, string citizenId, string reference, Metadata? headers = null) =>
        (await clients.Outcome.ClaimOutcomeAsync(new ClaimOutcomeRequest
        {
            PartnershipId = partnershipId, CitizenId = citizenId, ClaimReference = reference, Kind = OutcomeKind.JobStart,
            OutcomeDate = Day(2023, 9, 4), HoursPerWeekHundredths = 30_00, EmployerCvr = "40000001", EvidenceReference = "employment contract",
        }, headers, deadline: SuiteClients.Deadline())).Claim;

    private async Task<int> ClaimCountAsync(string partnershipId) =>
        (await suite.Clients.Outcome.ListOutcomeClaimsAsync(new ListOutcomeClaimsRequest { PartnershipId = partnershipId, PageSize = 1000 },
            deadline: SuiteClients.Deadline())).Claims.Count;

    private async Task<GetPartnershipCostResponse> CostAsync(string partnershipId, Google.Type.Date asOf, Google.Type.Date? knownOn) =>
        await suite.Clients.Payment.GetPartnershipCostAsync(new GetPartnershipCostRequest { PartnershipId = partnershipId, AsOf = asOf, KnownOn = knownOn },
            deadline: SuiteClients.Deadline());
}
