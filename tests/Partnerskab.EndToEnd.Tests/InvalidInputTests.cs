using Google.Protobuf.Reflection;
using Google.Rpc;
using Grpc.Core;
using Partnerskab.EndToEnd.Tests.Infrastructure;
using Partnerskab.Protos.Cohort.V1;
using Partnerskab.Protos.Outcome.V1;
using Partnerskab.Protos.Payment.V1;
using Partnerskab.Scenario;
using Shouldly;

namespace Partnerskab.EndToEnd.Tests;

/// <summary>
/// Invalid input to every RPC is InvalidArgument with BadRequest field violations naming the
/// fields, and nothing is written in any of the three databases.
/// </summary>
[Collection(SuiteCollection.Name)]
public sealed class InvalidInputTests(SuiteFixture suite)
{
    private const string NotAnId = "not-a-uuid";
    private const string SomeId = "0b8f3f0e-6d2a-4c1e-9a57-2f1d3c4b5a69";
    private const string SomeCitizen = "0123456789abcdef0123456789abcdef";

    public sealed record Case(string Rpc, Func<SuiteClients, Task> Call, string[] Fields)
    {
        public override string ToString() => Rpc;
    }

    public static readonly Case[] Cases =
    [
        new("cohort.CreatePartnership", c => c.Cohort.CreatePartnershipAsync(new CreatePartnershipRequest
        {
            Reference = "ok",
            Name = "ok",
            Kommune = new Organisation { Name = "Haderslev Kommune", Cvr = "2918975", Ean = "579800042052X" },
            ContractStart = ThinSlice.Day(2025, 3, 1),
            ContractEnd = ThinSlice.Day(2023, 3, 1),
            HandoverWindowStart = ThinSlice.Day(2023, 2, 30),
            CohortCapacity = -1,
            FollowUpMonths = 24,
            Eligibility = new Eligibility { MinWeeksSickListed = 26, AllowedBenefitTypes = { (Protos.Cohort.V1.BenefitType)99 } },
        }, deadline: SuiteClients.Deadline()).ResponseAsync,
            ["kommune.cvr", "kommune.ean", "provider", "investor.name", "contract_end", "handover_window_start", "handover_window_end",
             "cohort_capacity", "eligibility.allowed_benefit_types"]),
        new("cohort.GetPartnership", c => c.Cohort.GetPartnershipAsync(new GetPartnershipRequest { PartnershipId = NotAnId },
            deadline: SuiteClients.Deadline()).ResponseAsync, ["partnership_id"]),
        new("cohort.ListPartnerships", c => c.Cohort.ListPartnershipsAsync(new ListPartnershipsRequest { KommuneCvr = "12ab" },
            deadline: SuiteClients.Deadline()).ResponseAsync, ["kommune_cvr"]),
        new("cohort.HandOverCitizen", c => c.Cohort.HandOverCitizenAsync(new HandOverCitizenRequest
        {
            PartnershipId = SomeId,
            Cpr = "310299-1234",
            HandoverDate = ThinSlice.Day(0, 1, 1),
            WeeksSickListed = -3,
            CaseReference = "<script>alert(1)</script>' OR 1=1 --" + new string('x', 200),
        }, deadline: SuiteClients.Deadline()).ResponseAsync,
            ["cpr", "handover_date", "benefit_type", "weeks_sick_listed", "case_reference"]),
        new("cohort.GetCitizen", c => c.Cohort.GetCitizenAsync(new GetCitizenRequest { PartnershipId = SomeId, CitizenId = "150385-1234" },
            deadline: SuiteClients.Deadline()).ResponseAsync, ["citizen_id"]),
        new("cohort.GetFollowUpStatus", c => c.Cohort.GetFollowUpStatusAsync(new GetFollowUpStatusRequest
        {
            PartnershipId = "", CitizenId = SomeCitizen, OnDate = ThinSlice.Day(9999, 12, 31),
        }, deadline: SuiteClients.Deadline()).ResponseAsync, ["partnership_id", "on_date"]),
        new("cohort.AmendPartnership", c => c.Cohort.AmendPartnershipAsync(new AmendPartnershipRequest
        {
            PartnershipId = SomeId,
            ExpectedVersion = 0,
            Name = "Haderslev",
            Kommune = new Organisation { Name = "Haderslev Kommune", Cvr = "29189757", Ean = "5798000420526" },
            Provider = new Organisation { Name = "Carelink", Cvr = "12345678" },
            Investor = new Organisation { Name = "Den Sociale Kapitalfond" },
            ContractStart = ThinSlice.Day(2023, 3, 1),
            ContractEnd = ThinSlice.Day(2025, 3, 31),
            CohortCapacity = 150,
            FollowUpMonths = 0,
            HandoverWindowStart = ThinSlice.Day(2023, 3, 1),
            HandoverWindowEnd = ThinSlice.Day(2023, 6, 30),
            Eligibility = new Eligibility { MinWeeksSickListed = 26, AllowedBenefitTypes = { Protos.Cohort.V1.BenefitType.SicknessBenefit } },
        }, deadline: SuiteClients.Deadline()).ResponseAsync, ["expected_version", "follow_up_months", "reason"]),
        new("cohort.ListPartnershipVersions", c => c.Cohort.ListPartnershipVersionsAsync(new ListPartnershipVersionsRequest { PartnershipId = "123" },
            deadline: SuiteClients.Deadline()).ResponseAsync, ["partnership_id"]),
        new("cohort.ImportCitizens", async c =>
        {
            using var call = c.Cohort.ImportCitizens(deadline: SuiteClients.Deadline());
            await call.RequestStream.WriteAsync(new ImportCitizensRequest { PartnershipId = NotAnId, Row = new CitizenRow { Cpr = "150385-1234" } });
            await call.RequestStream.CompleteAsync();
            await call.ResponseAsync;
        }, ["partnership_id", "idempotency_key"]),
        new("cohort.RecordExit", c => c.Cohort.RecordExitAsync(new RecordExitRequest
        {
            PartnershipId = SomeId, CitizenId = SomeCitizen, ExitDate = ThinSlice.Day(2023, 2, 29), Reason = (Protos.Cohort.V1.ExitReason)77,
        }, deadline: SuiteClients.Deadline()).ResponseAsync, ["exit_date", "reason"]),
        new("cohort.AssignAdvisor", c => c.Cohort.AssignAdvisorAsync(new AssignAdvisorRequest
        {
            PartnershipId = SomeId, CitizenId = SomeCitizen, AdvisorId = "Jens Hansen; DROP TABLE citizens", AssignedOn = null,
        }, deadline: SuiteClients.Deadline()).ResponseAsync, ["advisor_id", "assigned_on"]),
        new("cohort.ListCitizens", c => c.Cohort.ListCitizensAsync(new ListCitizensRequest
        {
            PartnershipId = SomeId, Status = (CitizenStatus)9, HandoverMonth = "2023-13", PageSize = 5000, PageToken = "not-a-token",
        }, deadline: SuiteClients.Deadline()).ResponseAsync, ["status", "handover_month", "page_size", "page_token"]),
        new("cohort.CountCitizens", c => c.Cohort.CountCitizensAsync(new CountCitizensRequest { PartnershipId = SomeId, AsOf = ThinSlice.Day(2023, 4, 0) },
            deadline: SuiteClients.Deadline()).ResponseAsync, ["as_of"]),

        new("outcome.SetMilestoneDefinitions", c => c.Outcome.SetMilestoneDefinitionsAsync(new SetMilestoneDefinitionsRequest
        {
            PartnershipId = SomeId,
            Definitions =
            {
                new Protos.Outcome.V1.MilestoneDefinition { Code = "job start", RuleKind = MilestoneRuleKind.FirstVerifiedOutcome },
                new Protos.Outcome.V1.MilestoneDefinition { Code = "X", RuleKind = (MilestoneRuleKind)42 },
            },
        }, deadline: SuiteClients.Deadline()).ResponseAsync,
            ["definitions[0].code", "definitions[0].outcome_kind", "definitions[1].rule_kind"]),
        new("outcome.GetMilestoneDefinitions", c => c.Outcome.GetMilestoneDefinitionsAsync(new GetMilestoneDefinitionsRequest(),
            deadline: SuiteClients.Deadline()).ResponseAsync, ["partnership_id"]),
        new("outcome.ClaimOutcome", c => c.Outcome.ClaimOutcomeAsync(new ClaimOutcomeRequest
        {
            PartnershipId = SomeId,
            CitizenId = SomeCitizen,
            Kind = OutcomeKind.JobStart,
            OutcomeDate = ThinSlice.Day(2023, 13, 1),
            HoursPerWeekHundredths = -100,
            EmployerCvr = "123",
        }, deadline: SuiteClients.Deadline()).ResponseAsync,
            ["claim_reference", "outcome_date", "hours_per_week_hundredths", "employer_cvr", "evidence_reference"]),
        new("outcome.VerifyOutcomeClaim", c => c.Outcome.VerifyOutcomeClaimAsync(new VerifyOutcomeClaimRequest { ClaimId = NotAnId },
            deadline: SuiteClients.Deadline()).ResponseAsync, ["claim_id", "verified_by"]),
        new("outcome.RejectOutcomeClaim", c => c.Outcome.RejectOutcomeClaimAsync(new RejectOutcomeClaimRequest
        {
            ClaimId = SomeId, RejectedBy = "cw-17", Reason = new string('x', 501),
        }, deadline: SuiteClients.Deadline()).ResponseAsync, ["reason"]),
        new("outcome.ListMilestones", c => c.Outcome.ListMilestonesAsync(new ListMilestonesRequest { PartnershipId = SomeId, CitizenId = "x" },
            deadline: SuiteClients.Deadline()).ResponseAsync, ["citizen_id"]),
        new("outcome.ReportWeeklyStatuses", async c =>
        {
            using var call = c.Outcome.ReportWeeklyStatuses(deadline: SuiteClients.Deadline());
            await call.RequestStream.WriteAsync(new ReportWeeklyStatusesRequest
            {
                PartnershipId = NotAnId,
                Source = (Protos.Outcome.V1.StatusSource)9,
                Row = new WeeklyStatusRow { CitizenId = SomeCitizen, IsoWeekYear = 2023, IsoWeek = 14, Status = WeeklyStatus.Education },
            });
            await call.RequestStream.CompleteAsync();
            await call.ResponseAsync;
        }, ["partnership_id", "idempotency_key", "source"]),
        new("outcome.GetTimeline", c => c.Outcome.GetTimelineAsync(new GetTimelineRequest { PartnershipId = "", CitizenId = "150385-1234" },
            deadline: SuiteClients.Deadline()).ResponseAsync, ["partnership_id", "citizen_id"]),

        new("payment.SetRateCard", c => c.Payment.SetRateCardAsync(new SetRateCardRequest
        {
            PartnershipId = SomeId,
            HandoverFeeOre = -1,
            MilestonePrices =
            {
                new Protos.Payment.V1.MilestonePrice { MilestoneCode = "JOB_START", AmountOre = long.MaxValue },
                new Protos.Payment.V1.MilestonePrice { MilestoneCode = "JOB_START", AmountOre = 1 },
            },
            DeliverableFees = { new DeliverableFee { DeliverableKind = "teaching day", AmountOrePerUnit = 1 } },
            PeriodicFees = { new PeriodicFee { Code = "MANAGEMENT", AmountOre = 1 } },
            Caps = new Caps { PerCitizenOre = 0, ContractOre = -5 },
            VatRateBasisPoints = 10_001,
            InvoicingPeriod = (BillingInterval)7,
            Budgets = { new YearBudget { Year = 2023, AmountOre = 1 }, new YearBudget { Year = 2023, AmountOre = 2 } },
            PayeeAccount = new PayeeAccount { BankRegistrationNumber = "12", AccountNumber = "12345678901" },
        }, deadline: SuiteClients.Deadline()).ResponseAsync,
            ["effective_from", "handover_fee_ore", "milestone_prices[0].amount_ore", "milestone_prices[1].milestone_code",
             "deliverable_fees[0].deliverable_kind", "periodic_fees[0].interval", "caps.contract_ore", "vat_rate_basis_points",
             "invoicing_period", "budgets[1].year", "payee_account.bank_registration_number", "payee_account.account_number"]),
        new("payment.ListRateCards", c => c.Payment.ListRateCardsAsync(new ListRateCardsRequest { PartnershipId = "" },
            deadline: SuiteClients.Deadline()).ResponseAsync, ["partnership_id"]),
        new("payment.GetLedger", c => c.Payment.GetLedgerAsync(new GetLedgerRequest { PartnershipId = NotAnId },
            deadline: SuiteClients.Deadline()).ResponseAsync, ["partnership_id"]),
        new("payment.GetPartnershipCost", c => c.Payment.GetPartnershipCostAsync(new GetPartnershipCostRequest(),
            deadline: SuiteClients.Deadline()).ResponseAsync, ["partnership_id"]),
    ];

    public static TheoryData<Case> AllCases() => new(Cases);

    [Theory]
    [MemberData(nameof(AllCases))]
    public async Task Invalid_input_is_InvalidArgument_with_field_violations_and_writes_nothing(Case invalid)
    {
        var before = await suite.RowCountsAsync();

        var error = await Should.ThrowAsync<RpcException>(() => invalid.Call(suite.Clients));

        error.StatusCode.ShouldBe(StatusCode.InvalidArgument);
        var badRequest = error.GetRpcStatus()?.GetDetail<BadRequest>();
        badRequest.ShouldNotBeNull("the status carries google.rpc.BadRequest details");
        badRequest.FieldViolations.Select(v => v.Field).Distinct().Order().ShouldBe(invalid.Fields.Order());
        badRequest.FieldViolations.ShouldAllBe(v => v.Description.Length > 0);
        error.Status.Detail.ShouldNotContain("   at ");
        (await suite.RowCountsAsync()).ShouldBe(before);
    }

    [Fact]
    public void Every_rpc_of_every_service_has_an_invalid_input_case()
    {
        ServiceDescriptor[] services = [CohortService.Descriptor, OutcomeService.Descriptor, PaymentService.Descriptor];
        var rpcs = services.SelectMany(s => s.Methods.Select(m => $"{s.File.Package.Split('.')[1]}.{m.Name}"));
        Cases.Select(c => c.Rpc).Order().ShouldBe(rpcs.Order());
    }

    [Fact]
    public async Task An_ineligible_citizen_is_refused_by_field_and_nothing_is_written()
    {
        var slice = await ThinSlice.RunAsync(suite.Clients, TestCitizens.UniqueReference("ineligible"), TestCitizens.Cpr(3), TextWriter.Null);
        await Task.Delay(TimeSpan.FromSeconds(1));
        var before = await suite.RowCountsAsync();

        var error = await Should.ThrowAsync<RpcException>(suite.Clients.Cohort.HandOverCitizenAsync(new HandOverCitizenRequest
        {
            PartnershipId = slice.Partnership.PartnershipId,
            Cpr = TestCitizens.Cpr(4),
            HandoverDate = ThinSlice.Day(2024, 1, 2),
            BenefitType = Protos.Cohort.V1.BenefitType.CashBenefit,
            WeeksSickListed = 26,
            CaseReference = "HAD-2024-0002",
        }, deadline: SuiteClients.Deadline()).ResponseAsync);

        error.StatusCode.ShouldBe(StatusCode.InvalidArgument);
        error.GetRpcStatus()!.GetDetail<BadRequest>().FieldViolations.Select(v => v.Field).Order()
            .ShouldBe(["benefit_type", "handover_date", "weeks_sick_listed"]);
        (await suite.RowCountsAsync()).ShouldBe(before);
    }
}
