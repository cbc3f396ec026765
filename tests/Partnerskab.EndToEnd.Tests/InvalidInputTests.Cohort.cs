using Partnerskab.Protos.Cohort.V1;
using Partnerskab.Scenario;

namespace Partnerskab.EndToEnd.Tests;

public sealed partial class InvalidInputTests
{
    private static readonly Case[] CohortCases =
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
            await SendThenAnswerAsync(call, new ImportCitizensRequest { PartnershipId = NotAnId, Row = new CitizenRow { Cpr = "150385-1234" } });
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
        new("cohort.ListAuditEntries", c => c.Cohort.ListAuditEntriesAsync(BadAuditQuery<Protos.Cohort.V1.ListAuditEntriesRequest>(),
            deadline: SuiteClients.Deadline()).ResponseAsync, BadAuditQueryFields),
        new("cohort.EraseExpiredCitizenData", c => c.Cohort.EraseExpiredCitizenDataAsync(new EraseExpiredCitizenDataRequest
        {
            AsOf = ThinSlice.Day(9999, 12, 31),
        }, deadline: SuiteClients.Deadline()).ResponseAsync, ["as_of"]),
    ];
}
