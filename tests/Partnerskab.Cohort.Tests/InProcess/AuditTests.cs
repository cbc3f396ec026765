using Grpc.Core;
using Partnerskab.Protos.Audit.V1;
using Partnerskab.Protos.Cohort.V1;
using Partnerskab.Scenario;
using Partnerskab.Testing;
using Partnerskab.Testing.InProcess;
using Partnerskab.Tokens;
using static Partnerskab.Tokens.SuiteRoles;

namespace Partnerskab.Cohort.Tests.InProcess;

/// <summary>
/// The cohort service's audit log: a handover and an import by pseudonym and bad input with its
/// status, never the CPR number; only the auditor reads it, in pages, within its partnerships.
/// </summary>
[Collection(CohortServiceCollection.Name)]
public sealed class AuditTests(CohortHost cohort) : InProcessTests(cohort.ResetAsync)
{
    private const string CohortRpc = "/partnerskab.cohort.v1.CohortService/";

    [Fact]
    public async Task A_handover_and_an_import_are_audited_by_pseudonym_and_bad_input_with_its_status()
    {
        var reference = TestCitizens.UniqueReference("audit-write");
        var partnership = (await cohort.Client.CreatePartnershipAsync(ThinSlice.HaderslevAgreement(reference), deadline: SuiteClients.Deadline())).Partnership;
        var kommuneSubject = $"kommune-audit-{Guid.NewGuid():N}";
        using var kommune = cohort.ClientFor(new TokenSubject(kommuneSubject, [Kommune], "29189757", [partnership.PartnershipId]));
        var handedOver = (await kommune.Client.HandOverCitizenAsync(HandOver(partnership.PartnershipId, 7310), deadline: SuiteClients.Deadline())).Citizen;
        var imported = await ImportAsync(kommune, partnership.PartnershipId, [7311, 7312]);
        var invalid = HandOver(partnership.PartnershipId, 7313);
        invalid.WeeksSickListed = -1;
        (await Should.ThrowAsync<RpcException>(kommune.Client.HandOverCitizenAsync(invalid, deadline: SuiteClients.Deadline()).ResponseAsync))
            .StatusCode.ShouldBe(StatusCode.InvalidArgument);

        var entries = (await cohort.Client.ListAuditEntriesAsync(new ListAuditEntriesRequest
        {
            Filter = new AuditFilter { Subject = kommuneSubject },
        }, deadline: SuiteClients.Deadline())).Entries;

        var pseudonyms = string.Join(" ", imported.Order(StringComparer.Ordinal));
        entries.Select(e => $"{e.Rpc[CohortRpc.Length..]} [{string.Join(" ", e.CitizenIds)}] {e.CitizenRecords} {e.StatusCode}").ShouldBe([
            $"HandOverCitizen [{handedOver.CitizenId}] 1 OK",
            $"ImportCitizens [{pseudonyms}] 2 OK",
            "HandOverCitizen [] 0 INVALID_ARGUMENT",
        ]);
        var text = await AuditTableTextAsync();
        foreach (var n in new[] { 7310, 7311, 7312, 7313 })
        {
            text.ShouldNotContain(TestCitizens.Cpr(n).Replace("-", ""));
        }
    }

    [Fact]
    public async Task Only_the_auditor_reads_the_audit_log_in_pages_and_an_auditor_sees_only_its_partnerships()
    {
        var (partnership, citizen) = await TestCitizens.HandedOverAsync(cohort.Client, "audit-pages", 7320, "HAD-AUDIT-7320");
        var subject = $"kommune-pages-{Guid.NewGuid():N}";
        using var kommune = cohort.ClientFor(new TokenSubject(subject, [Kommune], "29189757", [partnership.PartnershipId]));
        for (var i = 0; i < 5; i++)
        {
            await kommune.Client.GetCitizenAsync(new GetCitizenRequest { PartnershipId = partnership.PartnershipId, CitizenId = citizen.CitizenId },
                deadline: SuiteClients.Deadline());
        }

        var denied = await Should.ThrowAsync<RpcException>(kommune.Client.ListAuditEntriesAsync(
            new ListAuditEntriesRequest(), deadline: SuiteClients.Deadline()).ResponseAsync);
        denied.StatusCode.ShouldBe(StatusCode.PermissionDenied);

        using var scoped = cohort.ClientFor(new TokenSubject("auditor-scoped", [Auditor], null, [partnership.PartnershipId]));
        var pages = new List<string>();
        var token = "";
        do
        {
            var page = await scoped.Client.ListAuditEntriesAsync(new ListAuditEntriesRequest
            {
                Filter = new AuditFilter { CitizenId = citizen.CitizenId },
                PageSize = 2,
                PageToken = token,
            }, deadline: SuiteClients.Deadline());
            page.Entries.Count.ShouldBeLessThanOrEqualTo(2);
            pages.AddRange(page.Entries.Select(e => e.EntryId));
            token = page.NextPageToken;
        } while (token.Length > 0);
        var all = (await cohort.Client.ListAuditEntriesAsync(new ListAuditEntriesRequest
        {
            Filter = new AuditFilter { CitizenId = citizen.CitizenId },
        }, deadline: SuiteClients.Deadline())).Entries;

        // The handover by the suite's operator and the five reads.
        all.Count.ShouldBe(6);
        pages.ShouldBe(all.Select(e => e.EntryId));
        (await Should.ThrowAsync<RpcException>(scoped.Client.ListAuditEntriesAsync(new ListAuditEntriesRequest
        {
            Filter = new AuditFilter { PartnershipId = Guid.NewGuid().ToString() },
        }, deadline: SuiteClients.Deadline()).ResponseAsync)).StatusCode.ShouldBe(StatusCode.PermissionDenied);
        var unfiltered = (await scoped.Client.ListAuditEntriesAsync(new ListAuditEntriesRequest { PageSize = 1000 },
            deadline: SuiteClients.Deadline())).Entries;
        unfiltered.ShouldNotBeEmpty();
        unfiltered.ShouldAllBe(e => e.PartnershipId == partnership.PartnershipId);
    }

    private async Task<string> AuditTableTextAsync()
    {
        await using var connection = await cohort.OpenAsync();
        return await AuditTable.TextAsync(connection);
    }

    private static HandOverCitizenRequest HandOver(string partnershipId, int n) => TestCitizens.HandOver(partnershipId, n, $"HAD-AUDIT-{n}");

    private static async Task<IReadOnlyList<string>> ImportAsync(InProcessClient<CohortService.CohortServiceClient> clients, string partnershipId, int[] citizens)
    {
        var rows = citizens.Select(n => HandOver(partnershipId, n)).Select(row => new CitizenRow
        {
            Cpr = row.Cpr, HandoverDate = row.HandoverDate, BenefitType = row.BenefitType,
            WeeksSickListed = row.WeeksSickListed, CaseReference = row.CaseReference,
        }).ToList();
        var response = await clients.Client.ImportAsync(partnershipId, $"audit-{partnershipId}", rows);
        response.Accepted.ShouldBe(citizens.Length);
        return response.Results.Select(r => r.CitizenId).ToList();
    }
}
