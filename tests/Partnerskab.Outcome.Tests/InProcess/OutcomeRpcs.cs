using Google.Protobuf.Reflection;
using Partnerskab.Protos.Outcome.V1;
using Partnerskab.Scenario;
using Partnerskab.Testing.InProcess;
using Partnerskab.Testing.Rpcs;
using static Partnerskab.Testing.Rpcs.AllowedRoles;
using static Partnerskab.Testing.Rpcs.InvalidInput;

namespace Partnerskab.Outcome.Tests.InProcess;

/// <summary>The outcome service's RPCs: an invalid-input case and the roles allowed for each.</summary>
public sealed class OutcomeRpcs : IServiceRpcs<OutcomeService.OutcomeServiceClient>
{
    public static ServiceDescriptor Service => OutcomeService.Descriptor;

    public static IReadOnlyList<RpcCase<InProcessClient<OutcomeService.OutcomeServiceClient>>> Cases { get; } =
    [
        new("outcome.SetMilestoneDefinitions", c => c.Client.SetMilestoneDefinitionsAsync(new SetMilestoneDefinitionsRequest
        {
            PartnershipId = SomeId,
            Definitions =
            {
                new MilestoneDefinition { Code = "job start", RuleKind = MilestoneRuleKind.FirstVerifiedOutcome },
                new MilestoneDefinition { Code = "X", RuleKind = (MilestoneRuleKind)42 },
                new MilestoneDefinition { Code = "STREAK", RuleKind = MilestoneRuleKind.ConsecutiveSelfSufficientWeeks, Weeks = 105 },
                new MilestoneDefinition { Code = "AT_0", RuleKind = MilestoneRuleKind.SelfSufficientAtMonth },
            },
        }, deadline: SuiteClients.Deadline()).ResponseAsync,
            ["definitions[0].code", "definitions[0].outcome_kind", "definitions[1].rule_kind", "definitions[2].weeks", "definitions[3].months"]),
        new("outcome.GetMilestoneDefinitions", c => c.Client.GetMilestoneDefinitionsAsync(new GetMilestoneDefinitionsRequest(),
            deadline: SuiteClients.Deadline()).ResponseAsync, ["partnership_id"]),
        new("outcome.ClaimOutcome", c => c.Client.ClaimOutcomeAsync(new ClaimOutcomeRequest
        {
            PartnershipId = SomeId,
            CitizenId = SomeCitizen,
            Kind = OutcomeKind.JobStart,
            OutcomeDate = ThinSlice.Day(2023, 13, 1),
            HoursPerWeekHundredths = -100,
            EmployerCvr = "123",
        }, deadline: SuiteClients.Deadline()).ResponseAsync,
            ["claim_reference", "outcome_date", "hours_per_week_hundredths", "employer_cvr", "evidence_reference"]),
        new("outcome.VerifyOutcomeClaim", c => c.Client.VerifyOutcomeClaimAsync(new VerifyOutcomeClaimRequest { ClaimId = NotAnId },
            deadline: SuiteClients.Deadline()).ResponseAsync, ["claim_id", "verified_by"]),
        new("outcome.RejectOutcomeClaim", c => c.Client.RejectOutcomeClaimAsync(new RejectOutcomeClaimRequest
        {
            ClaimId = SomeId, RejectedBy = "cw-17", Reason = new string('x', 501),
        }, deadline: SuiteClients.Deadline()).ResponseAsync, ["reason"]),
        new("outcome.CorrectOutcomeClaim", c => c.Client.CorrectOutcomeClaimAsync(new CorrectOutcomeClaimRequest
        {
            ClaimId = SomeId,
            OutcomeDate = ThinSlice.Day(2023, 2, 30),
            HoursPerWeekHundredths = 168_01,
            EmployerCvr = "1234567a",
        }, deadline: SuiteClients.Deadline()).ResponseAsync,
            ["corrected_by", "reason", "outcome_date", "hours_per_week_hundredths", "employer_cvr", "evidence_reference"]),
        new("outcome.RevokeOutcomeClaim", c => c.Client.RevokeOutcomeClaimAsync(new RevokeOutcomeClaimRequest { ClaimId = NotAnId, RevokedBy = "cw-17" },
            deadline: SuiteClients.Deadline()).ResponseAsync, ["claim_id", "reason"]),
        new("outcome.GetOutcomeClaim", c => c.Client.GetOutcomeClaimAsync(new GetOutcomeClaimRequest { ClaimId = "" },
            deadline: SuiteClients.Deadline()).ResponseAsync, ["claim_id"]),
        new("outcome.ListOutcomeClaims", c => c.Client.ListOutcomeClaimsAsync(new ListOutcomeClaimsRequest
        {
            PartnershipId = SomeId, Status = (ClaimStatus)9, PageSize = -1, PageToken = "not-a-token",
        }, deadline: SuiteClients.Deadline()).ResponseAsync, ["status", "page_size", "page_token"]),
        new("outcome.ListMilestones", c => c.Client.ListMilestonesAsync(new ListMilestonesRequest
        {
            PartnershipId = SomeId, CitizenId = "x", KnownOn = ThinSlice.Day(2999, 1, 1),
        }, deadline: SuiteClients.Deadline()).ResponseAsync, ["citizen_id", "known_on"]),
        new("outcome.ReportWeeklyStatuses", async c =>
        {
            using var call = c.Client.ReportWeeklyStatuses(deadline: SuiteClients.Deadline());
            await SendThenAnswerAsync(call, new ReportWeeklyStatusesRequest
            {
                PartnershipId = NotAnId,
                Source = (StatusSource)9,
                Row = new WeeklyStatusRow { CitizenId = SomeCitizen, IsoWeekYear = 2023, IsoWeek = 14, Status = WeeklyStatus.Education },
            });
        }, ["partnership_id", "idempotency_key", "source"]),
        new("outcome.GetTimeline", c => c.Client.GetTimelineAsync(new GetTimelineRequest { PartnershipId = "", CitizenId = "150385-1234" },
            deadline: SuiteClients.Deadline()).ResponseAsync, ["partnership_id", "citizen_id"]),
        new("outcome.ReportDeliverable", c => c.Client.ReportDeliverableAsync(new ReportDeliverableRequest
        {
            PartnershipId = SomeId,
            DeliverableReference = "LT-1",
            Kind = (DeliverableKind)7,
            CompletedOn = ThinSlice.Day(2999, 1, 1),
            Quantity = 0,
        }, deadline: SuiteClients.Deadline()).ResponseAsync, ["kind", "completed_on", "quantity", "evidence_reference"]),
        new("outcome.SetFollowUpPlan", c => c.Client.SetFollowUpPlanAsync(new SetFollowUpPlanRequest
        {
            PartnershipId = SomeId,
            Plan = new FollowUpPlan { ContactIntervalWeeks = 0, StatusCheckpointMonths = { 6, 3, 0 }, NoContactDays = 366 },
        }, deadline: SuiteClients.Deadline()).ResponseAsync,
            ["plan.contact_interval_weeks", "plan.status_checkpoint_months", "plan.no_contact_days"]),
        new("outcome.GetFollowUpPlan", c => c.Client.GetFollowUpPlanAsync(new GetFollowUpPlanRequest { PartnershipId = NotAnId },
            deadline: SuiteClients.Deadline()).ResponseAsync, ["partnership_id"]),
        new("outcome.RecordContact", c => c.Client.RecordContactAsync(new RecordContactRequest
        {
            PartnershipId = SomeId,
            CitizenId = "150385-1234",
            ContactDate = ThinSlice.Day(2999, 1, 1),
            Channel = (ContactChannel)9,
        }, deadline: SuiteClients.Deadline()).ResponseAsync, ["citizen_id", "contact_reference", "contact_date", "channel"]),
        new("outcome.GetFollowUpSchedule", c => c.Client.GetFollowUpScheduleAsync(new GetFollowUpScheduleRequest
        {
            PartnershipId = "", CitizenId = SomeCitizen, AsOf = ThinSlice.Day(2023, 2, 30),
        }, deadline: SuiteClients.Deadline()).ResponseAsync, ["partnership_id", "as_of"]),
        new("outcome.GetWorklist", c => c.Client.GetWorklistAsync(new GetWorklistRequest
        {
            PartnershipId = SomeId, PageSize = 5000, PageToken = "not-a-token",
        }, deadline: SuiteClients.Deadline()).ResponseAsync, ["page_size", "page_token"]),
        new("outcome.SetKpiTargets", c => c.Client.SetKpiTargetsAsync(new SetKpiTargetsRequest
        {
            PartnershipId = SomeId,
            Targets =
            {
                new KpiTarget { Code = "ordinary jobs", Measure = KpiMeasure.CitizensWithOutcome, Target = -1 },
                new KpiTarget { Code = "PAID", Measure = KpiMeasure.CitizensWithMilestone },
                new KpiTarget { Code = "X", Measure = (KpiMeasure)9 },
            },
        }, deadline: SuiteClients.Deadline()).ResponseAsync,
            ["targets[0].code", "targets[0].outcome_kind", "targets[0].target", "targets[1].milestone_code", "targets[2].measure"]),
        new("outcome.GetKpiTargets", c => c.Client.GetKpiTargetsAsync(new GetKpiTargetsRequest(),
            deadline: SuiteClients.Deadline()).ResponseAsync, ["partnership_id"]),
        new("outcome.GetCommitteeReport", c => c.Client.GetCommitteeReportAsync(new GetCommitteeReportRequest
        {
            PartnershipId = NotAnId, AsOf = ThinSlice.Day(0, 1, 1), KnownOn = ThinSlice.Day(2023, 2, 30),
        }, deadline: SuiteClients.Deadline()).ResponseAsync, ["partnership_id", "as_of", "known_on"]),
        new("outcome.SetBusinessCaseInputs", c => c.Client.SetBusinessCaseInputsAsync(new SetBusinessCaseInputsRequest
        {
            PartnershipId = SomeId,
            Inputs = new BusinessCaseInputs
            {
                EffectiveFrom = ThinSlice.Day(2023, 2, 30),
                Rates =
                {
                    new BenefitRate { Status = WeeklyStatus.Unspecified, Year = 1800, OrePerWeek = -1 },
                    new BenefitRate { Status = WeeklyStatus.SicknessBenefit, Year = 2024, OrePerWeek = 1 },
                    new BenefitRate { Status = WeeklyStatus.SicknessBenefit, Year = 2024, OrePerWeek = 2 },
                },
                Shares = { new BenefitShare { Status = (WeeklyStatus)99, FromWeek = 0, BasisPoints = 10_001 } },
                ExpectedSelfSufficientBasisPoints = { 10_001 },
            },
        }, deadline: SuiteClients.Deadline()).ResponseAsync,
            ["inputs.effective_from", "inputs.rates[0].status", "inputs.rates[0].year", "inputs.rates[0].ore_per_week", "inputs.rates[2].year",
             "inputs.shares[0].status", "inputs.shares[0].from_week", "inputs.shares[0].basis_points", "inputs.rates_source",
             "inputs.expected_self_sufficient_basis_points", "inputs.curve_source"]),
        new("outcome.GetBusinessCase", c => c.Client.GetBusinessCaseAsync(new GetBusinessCaseRequest
        {
            PartnershipId = NotAnId, AsOf = ThinSlice.Day(0, 1, 1), KnownOn = ThinSlice.Day(2023, 2, 30), CostToDateOre = -1,
        }, deadline: SuiteClients.Deadline()).ResponseAsync, ["partnership_id", "as_of", "known_on", "cost_to_date_ore", "cost_expected_ore"]),
        new("outcome.RegisterComparisonCitizens", c => c.Client.RegisterComparisonCitizensAsync(new RegisterComparisonCitizensRequest
        {
            PartnershipId = NotAnId,
            Citizens = { new ComparisonCitizen { CitizenId = "x", TargetGroupStart = ThinSlice.Day(2023, 2, 30) }, new ComparisonCitizen { CitizenId = "y" } },
        }, deadline: SuiteClients.Deadline()).ResponseAsync,
            ["partnership_id", "citizens[0].citizen_id", "citizens[0].target_group_start", "citizens[1].citizen_id", "citizens[1].target_group_start"]),
        new("outcome.ListAuditEntries", c => c.Client.ListAuditEntriesAsync(BadAuditQuery<ListAuditEntriesRequest>(),
            deadline: SuiteClients.Deadline()).ResponseAsync, BadAuditQueryFields),
    ];

    public static IReadOnlyDictionary<string, string> RolesAllowed { get; } = new Dictionary<string, string>
    {
        ["outcome.SetMilestoneDefinitions"] = "kommune",
        ["outcome.GetMilestoneDefinitions"] = Aggregate,
        ["outcome.ClaimOutcome"] = "provider",
        ["outcome.VerifyOutcomeClaim"] = "kommune",
        ["outcome.RejectOutcomeClaim"] = "kommune",
        ["outcome.CorrectOutcomeClaim"] = "kommune",
        ["outcome.RevokeOutcomeClaim"] = "kommune",
        ["outcome.GetOutcomeClaim"] = "kommune provider",
        ["outcome.ListOutcomeClaims"] = "kommune provider",
        ["outcome.ReportDeliverable"] = "provider",
        ["outcome.ReportWeeklyStatuses"] = "kommune provider",
        ["outcome.GetTimeline"] = "kommune provider",
        ["outcome.ListMilestones"] = "kommune provider finance",
        ["outcome.SetFollowUpPlan"] = "kommune",
        ["outcome.GetFollowUpPlan"] = "kommune provider",
        ["outcome.RecordContact"] = "provider",
        ["outcome.GetFollowUpSchedule"] = "kommune provider",
        ["outcome.GetWorklist"] = "kommune provider",
        ["outcome.SetKpiTargets"] = "kommune",
        ["outcome.GetKpiTargets"] = "kommune committee investor",
        ["outcome.GetCommitteeReport"] = "kommune committee investor",
        ["outcome.SetBusinessCaseInputs"] = "finance",
        ["outcome.GetBusinessCase"] = "kommune finance committee investor",
        ["outcome.RegisterComparisonCitizens"] = "kommune",
        ["outcome.ListAuditEntries"] = "auditor",
    };
}

/// <summary>Every RPC of the outcome service against invalid input, each outside role, no token and hostile input.</summary>
[Collection(OutcomeServiceCollection.Name)]
public sealed class OutcomeRpcTests(OutcomeHost outcome, Xunit.Abstractions.ITestOutputHelper output)
    : RpcRulesTests<OutcomeGrpcService, OutcomeService.OutcomeServiceClient, OutcomeRpcs>(outcome, output);
