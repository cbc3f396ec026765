using Partnerskab.Scenario;
using Partnerskab.Tokens;
using Shouldly;

namespace Partnerskab.Gateway.Tests;

/// <summary>A REST call is audited as the gRPC call it becomes: the same subject, RPC name, citizens and status.</summary>
[Collection(GatewayCollection.Name)]
public sealed class AuditOverRestTests(GatewayFixture fixture)
{
    private const string CohortRpc = "/partnerskab.cohort.v1.CohortService/";
    private const string HaderslevCvr = "29189757";

    [Fact]
    public async Task Rest_writes_reads_and_refusals_are_in_the_audit_log_under_the_caller_and_the_rpc_they_became()
    {
        var subject = $"kommune-rest-audit-{Guid.NewGuid():N}";
        using var kommune = fixture.ClientAs(new TokenSubject(subject, [SuiteRoles.Kommune], HaderslevCvr, [SuiteClaims.AllPartnerships]));
        var created = await kommune.PostJsonAsync("v1/partnerships", $$"""
            {
              "reference": "rest-audit-{{Guid.NewGuid():N}}", "name": "Haderslev: audited over REST",
              "kommune": { "name": "Haderslev Kommune", "cvr": "{{HaderslevCvr}}", "ean": "5798000420526" },
              "provider": { "name": "Carelink", "cvr": "12345678" }, "investor": { "name": "Den Sociale Kapitalfond" },
              "contractStart": "2023-03-01", "contractEnd": "2025-03-31", "cohortCapacity": 10, "followUpMonths": 24,
              "handoverWindowStart": "2023-03-01", "handoverWindowEnd": "2023-06-30",
              "eligibility": { "minWeeksSickListed": 26, "allowedBenefitTypes": ["BENEFIT_TYPE_SICKNESS_BENEFIT"] }
            }
            """);
        var partnershipId = (string)created["partnership"]!["partnershipId"]!;
        var citizenId = (string)(await kommune.PostJsonAsync($"v1/partnerships/{partnershipId}/citizens", $$"""
            { "cpr": "{{SyntheticCitizens.Cpr(4712)}}", "handoverDate": "2023-04-03",
              "benefitType": "BENEFIT_TYPE_SICKNESS_BENEFIT", "weeksSickListed": 31, "caseReference": "HAD-REST-AUDIT-1" }
            """))["citizen"]!["citizenId"]!;
        await kommune.GetJsonAsync($"v1/partnerships/{partnershipId}/citizens/{citizenId}");
        // A kommune may not assign advisors (the provider does): refused by the service, and audited as refused.
        await kommune.PostJsonAsync($"v1/partnerships/{partnershipId}/citizens/{citizenId}:assignAdvisor",
            """{ "advisorId": "advisor-1", "assignedOn": "2023-04-10" }""", expectedStatus: 403);

        using var auditor = fixture.ClientAs(new TokenSubject("auditor-rest", [SuiteRoles.Auditor], null, [SuiteClaims.AllPartnerships]));
        var entries = (await auditor.GetJsonAsync($"v1/cohort/auditEntries?filter.subject={subject}"))["entries"]!.AsArray();

        entries.Select(e => $"{(string)e!["rpc"]!} {(string)e["subject"]!} [{string.Join(" ", e["citizenIds"]?.AsArray().Select(c => (string)c!) ?? [])}] {(string)e["statusCode"]!}")
            .ShouldBe([
                $"{CohortRpc}CreatePartnership {subject} [] OK",
                $"{CohortRpc}HandOverCitizen {subject} [{citizenId}] OK",
                $"{CohortRpc}GetCitizen {subject} [{citizenId}] OK",
                $"{CohortRpc}AssignAdvisor {subject} [] PERMISSION_DENIED",
            ]);
    }
}
