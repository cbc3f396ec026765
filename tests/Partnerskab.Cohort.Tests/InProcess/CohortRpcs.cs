using Google.Protobuf.Reflection;
using Partnerskab.Protos.Cohort.V1;
using Partnerskab.Scenario;
using Partnerskab.Testing.InProcess;
using Partnerskab.Testing.Rpcs;
using static Partnerskab.Testing.Rpcs.AllowedRoles;
using static Partnerskab.Testing.Rpcs.InvalidInput;

namespace Partnerskab.Cohort.Tests.InProcess;

/// <summary>The cohort service's RPCs: an invalid-input case and the roles allowed for each.</summary>
public sealed class CohortRpcs : IServiceRpcs<CohortService.CohortServiceClient>
{
    public static ServiceDescriptor Service => CohortService.Descriptor;

    public static IReadOnlyList<RpcCase<InProcessClient<CohortService.CohortServiceClient>>> Cases { get; } =
    [
        new("cohort.CreatePartnership", c => c.Client.CreatePartnershipAsync(new CreatePartnershipRequest
        {
            Reference = "ok",
            Name = "ok",
            Kommune = new Organisation { Name = "Haderslev Kommune", Cvr = "2918975", Ean = "579800042052X" },
            ContractStart = ThinSlice.Day(2025, 3, 1),
            ContractEnd = ThinSlice.Day(2023, 3, 1),
            HandoverWindowStart = ThinSlice.Day(2023, 2, 30),
            CohortCapacity = -1,
            FollowUpMonths = 24,
            Eligibility = new Eligibility { MinWeeksSickListed = 26, AllowedBenefitTypes = { (BenefitType)99 } },
        }, deadline: SuiteClients.Deadline()).ResponseAsync,
            ["kommune.cvr", "kommune.ean", "provider", "investor.name", "contract_end", "handover_window_start", "handover_window_end",
             "cohort_capacity", "eligibility.allowed_benefit_types"]),
        new("cohort.GetPartnership", c => c.Client.GetPartnershipAsync(new GetPartnershipRequest { PartnershipId = NotAnId },
            deadline: SuiteClients.Deadline()).ResponseAsync, ["partnership_id"]),
        new("cohort.ListPartnerships", c => c.Client.ListPartnershipsAsync(new ListPartnershipsRequest { KommuneCvr = "12ab" },
            deadline: SuiteClients.Deadline()).ResponseAsync, ["kommune_cvr"]),
        new("cohort.HandOverCitizen", c => c.Client.HandOverCitizenAsync(new HandOverCitizenRequest
        {
            PartnershipId = SomeId,
            Cpr = "310299-1234",
            HandoverDate = ThinSlice.Day(0, 1, 1),
            WeeksSickListed = -3,
            CaseReference = "<script>alert(1)</script>' OR 1=1 --" + new string('x', 200),
        }, deadline: SuiteClients.Deadline()).ResponseAsync,
            ["cpr", "handover_date", "benefit_type", "weeks_sick_listed", "case_reference"]),
        new("cohort.GetCitizen", c => c.Client.GetCitizenAsync(new GetCitizenRequest { PartnershipId = SomeId, CitizenId = "150385-1234" },
            deadline: SuiteClients.Deadline()).ResponseAsync, ["citizen_id"]),
        new("cohort.GetFollowUpStatus", c => c.Client.GetFollowUpStatusAsync(new GetFollowUpStatusRequest
        {
            PartnershipId = "", CitizenId = SomeCitizen, OnDate = ThinSlice.Day(9999, 12, 31),
        }, deadline: SuiteClients.Deadline()).ResponseAsync, ["partnership_id", "on_date"]),
        new("cohort.AmendPartnership", c => c.Client.AmendPartnershipAsync(new AmendPartnershipRequest
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
            Eligibility = new Eligibility { MinWeeksSickListed = 26, AllowedBenefitTypes = { BenefitType.SicknessBenefit } },
        }, deadline: SuiteClients.Deadline()).ResponseAsync, ["expected_version", "follow_up_months", "reason"]),
        new("cohort.ListPartnershipVersions", c => c.Client.ListPartnershipVersionsAsync(new ListPartnershipVersionsRequest { PartnershipId = "123" },
            deadline: SuiteClients.Deadline()).ResponseAsync, ["partnership_id"]),
        new("cohort.ImportCitizens", async c =>
        {
            using var call = c.Client.ImportCitizens(deadline: SuiteClients.Deadline());
            await SendThenAnswerAsync(call, new ImportCitizensRequest { PartnershipId = NotAnId, Row = new CitizenRow { Cpr = "150385-1234" } });
        }, ["partnership_id", "idempotency_key"]),
        new("cohort.RecordExit", c => c.Client.RecordExitAsync(new RecordExitRequest
        {
            PartnershipId = SomeId, CitizenId = SomeCitizen, ExitDate = ThinSlice.Day(2023, 2, 29), Reason = (ExitReason)77,
        }, deadline: SuiteClients.Deadline()).ResponseAsync, ["exit_date", "reason"]),
        new("cohort.AssignAdvisor", c => c.Client.AssignAdvisorAsync(new AssignAdvisorRequest
        {
            PartnershipId = SomeId, CitizenId = SomeCitizen, AdvisorId = "Jens Hansen; DROP TABLE citizens", AssignedOn = null,
        }, deadline: SuiteClients.Deadline()).ResponseAsync, ["advisor_id", "assigned_on"]),
        new("cohort.ListCitizens", c => c.Client.ListCitizensAsync(new ListCitizensRequest
        {
            PartnershipId = SomeId, Status = (CitizenStatus)9, HandoverMonth = "2023-13", PageSize = 5000, PageToken = "not-a-token",
        }, deadline: SuiteClients.Deadline()).ResponseAsync, ["status", "handover_month", "page_size", "page_token"]),
        new("cohort.CountCitizens", c => c.Client.CountCitizensAsync(new CountCitizensRequest { PartnershipId = SomeId, AsOf = ThinSlice.Day(2023, 4, 0) },
            deadline: SuiteClients.Deadline()).ResponseAsync, ["as_of"]),
        new("cohort.ListAuditEntries", c => c.Client.ListAuditEntriesAsync(BadAuditQuery<ListAuditEntriesRequest>(),
            deadline: SuiteClients.Deadline()).ResponseAsync, BadAuditQueryFields),
        new("cohort.EraseExpiredCitizenData", c => c.Client.EraseExpiredCitizenDataAsync(new EraseExpiredCitizenDataRequest
        {
            AsOf = ThinSlice.Day(9999, 12, 31),
        }, deadline: SuiteClients.Deadline()).ResponseAsync, ["as_of"]),
    ];

    public static IReadOnlyDictionary<string, string> RolesAllowed { get; } = new Dictionary<string, string>
    {
        ["cohort.CreatePartnership"] = "kommune",
        ["cohort.AmendPartnership"] = "kommune",
        ["cohort.GetPartnership"] = Aggregate,
        ["cohort.ListPartnerships"] = Aggregate,
        ["cohort.ListPartnershipVersions"] = Aggregate,
        ["cohort.HandOverCitizen"] = "kommune",
        ["cohort.ImportCitizens"] = "kommune",
        ["cohort.RecordExit"] = "kommune",
        ["cohort.AssignAdvisor"] = "provider",
        ["cohort.GetCitizen"] = "kommune provider",
        ["cohort.ListCitizens"] = "kommune provider",
        ["cohort.GetFollowUpStatus"] = "kommune provider",
        ["cohort.CountCitizens"] = Aggregate,
        ["cohort.ListAuditEntries"] = "auditor",
        ["cohort.EraseExpiredCitizenData"] = "operator",
    };
}

/// <summary>Every RPC of the cohort service against invalid input, each outside role, no token and hostile input.</summary>
[Collection(CohortServiceCollection.Name)]
public sealed class CohortRpcTests(CohortHost cohort, Xunit.Abstractions.ITestOutputHelper output)
    : RpcRulesTests<CohortGrpcService, CohortService.CohortServiceClient, CohortRpcs>(cohort, output);
