using Grpc.Core;
using Npgsql;
using Partnerskab.EndToEnd.Tests.Infrastructure;
using Partnerskab.Protos.Audit.V1;
using Partnerskab.Protos.Cohort.V1;
using Partnerskab.Protos.Outcome.V1;
using Partnerskab.Scenario;
using Partnerskab.Tokens;
using Shouldly;
using static Partnerskab.Tokens.SuiteRoles;

namespace Partnerskab.EndToEnd.Tests;

/// <summary>
/// The audit log across services: a provider's reads of a citizen in cohort and outcome, and a
/// refused call, are in each service's log with who, what and the status, without the CPR
/// number; every write is audited. What one service's log shows by itself (a handover and an
/// import by pseudonym, paging, the auditor's scope, the append-only table) is tested in process.
/// </summary>
[Collection(SuiteCollection.Name)]
public sealed class AuditTests(SuiteFixture suite)
{
    private const string CohortRpc = "/partnerskab.cohort.v1.CohortService/";
    private const string OutcomeRpc = "/partnerskab.outcome.v1.OutcomeService/";
    private const string ProviderCvr = "12345678";

    [Fact]
    public async Task A_providers_reads_of_a_citizen_are_audited_with_its_subject_role_organisation_and_pseudonym()
    {
        var cpr = TestCitizens.Cpr(7300);
        var (partnership, citizen) = await TestCitizens.HandedOverAsync(suite.Clients.Cohort, "audit", 7300, "HAD-AUDIT-7300");
        var (other, _) = await TestCitizens.HandedOverAsync(suite.Clients.Cohort, "audit-other", 7301, "HAD-AUDIT-7301");
        await OutcomeTestData.WaitForFollowUpAsync(suite.Clients, partnership.PartnershipId, citizen.CitizenId);
        var subject = $"provider-audit-{Guid.NewGuid():N}";
        using var provider = suite.ClientsFor(new TokenSubject(subject, [Provider], ProviderCvr, [partnership.PartnershipId]));
        var started = DateTimeOffset.UtcNow.AddSeconds(-1);

        // By case reference: the entry must hold the pseudonym the lookup found.
        await provider.Cohort.GetCitizenAsync(new GetCitizenRequest { PartnershipId = partnership.PartnershipId, CaseReference = "HAD-AUDIT-7300" },
            deadline: SuiteClients.Deadline());
        await provider.Outcome.GetTimelineAsync(new GetTimelineRequest { PartnershipId = partnership.PartnershipId, CitizenId = citizen.CitizenId },
            deadline: SuiteClients.Deadline());
        var refused = await Should.ThrowAsync<RpcException>(provider.Cohort.ListCitizensAsync(
            new ListCitizensRequest { PartnershipId = other.PartnershipId }, deadline: SuiteClients.Deadline()).ResponseAsync);
        refused.StatusCode.ShouldBe(StatusCode.PermissionDenied);

        using var auditor = suite.ClientsFor(new TokenSubject("auditor-1", [Auditor], null, [SuiteClaims.AllPartnerships]));
        var filter = new AuditFilter { Subject = subject, RecordedFrom = Google.Protobuf.WellKnownTypes.Timestamp.FromDateTimeOffset(started) };
        var cohortEntries = (await auditor.Cohort.ListAuditEntriesAsync(new Protos.Cohort.V1.ListAuditEntriesRequest { Filter = filter },
            deadline: SuiteClients.Deadline())).Entries;
        var outcomeEntries = (await auditor.Outcome.ListAuditEntriesAsync(new Protos.Outcome.V1.ListAuditEntriesRequest
        {
            Filter = new AuditFilter { Subject = subject, CitizenId = citizen.CitizenId },
        }, deadline: SuiteClients.Deadline())).Entries;

        cohortEntries.Select(Describe).ShouldBe([
            $"{CohortRpc}GetCitizen {subject} provider {ProviderCvr} {partnership.PartnershipId} [{citizen.CitizenId}] 1 OK",
            $"{CohortRpc}ListCitizens {subject} provider {ProviderCvr} {other.PartnershipId} [] 0 PERMISSION_DENIED",
        ]);
        outcomeEntries.Select(Describe).ShouldBe([
            $"{OutcomeRpc}GetTimeline {subject} provider {ProviderCvr} {partnership.PartnershipId} [{citizen.CitizenId}] 1 OK",
        ]);
        cohortEntries[0].RecordedAt.ToDateTimeOffset().ShouldBeInRange(started, DateTimeOffset.UtcNow);
        (await AuditTableTextAsync("cohort")).ShouldNotContain(cpr.Replace("-", ""));
        (await AuditTableTextAsync("cohort")).ShouldNotContain(cpr);
    }

    [Fact]
    public async Task Every_write_is_audited_and_invoice_runs_and_e_invoices_as_reads_of_the_citizens_on_their_lines()
    {
        var subject = $"audit-writes-{Guid.NewGuid():N}";
        using var writer = suite.ClientsFor(new TokenSubject(subject, [Kommune, Finance], "29189757", [SuiteClaims.AllPartnerships]));
        var partnership = (await writer.Cohort.CreatePartnershipAsync(ThinSlice.HaderslevAgreement(TestCitizens.UniqueReference("audit-writes")),
            deadline: SuiteClients.Deadline())).Partnership;
        var id = partnership.PartnershipId;
        await writer.Cohort.AmendPartnershipAsync(new AmendPartnershipRequest
        {
            PartnershipId = id, ExpectedVersion = 1, Name = partnership.Name, Kommune = partnership.Kommune, Provider = partnership.Provider,
            Investor = partnership.Investor, ContractStart = partnership.ContractStart, ContractEnd = partnership.ContractEnd,
            CohortCapacity = partnership.CohortCapacity + 1, FollowUpMonths = partnership.FollowUpMonths,
            HandoverWindowStart = partnership.HandoverWindowStart, HandoverWindowEnd = partnership.HandoverWindowEnd,
            Eligibility = partnership.Eligibility, Reason = "one more place",
        }, deadline: SuiteClients.Deadline());
        await writer.Outcome.SetFollowUpPlanAsync(new SetFollowUpPlanRequest
        {
            PartnershipId = id, Plan = new FollowUpPlan { ContactIntervalWeeks = 4, StatusCheckpointMonths = { 3 }, NoContactDays = 30 },
        }, deadline: SuiteClients.Deadline());
        await writer.Payment.SetRateCardAsync(TestRateCards.FullRateCard(id, ThinSlice.Day(2023, 3, 1)), deadline: SuiteClients.Deadline());
        var citizen = (await writer.Cohort.HandOverCitizenAsync(TestCitizens.HandOver(id, 7330, "HAD-AUDIT-7330"), deadline: SuiteClients.Deadline())).Citizen.CitizenId;
        await PaymentTestData.LedgerAsync(suite.Clients, id, items => items.Count == 1);
        // The operator's preview waits until the registration has reached payment, so the writer's run is not refused first.
        await PaymentInvoicingTests.RunAsync(suite.Clients, id, ThinSlice.Day(2023, 4, 1), ThinSlice.Day(2023, 7, 3), preview: true);
        var invoice = (await writer.Payment.RunInvoicesAsync(new Protos.Payment.V1.RunInvoicesRequest
        {
            PartnershipId = id, PeriodStart = ThinSlice.Day(2023, 4, 1), IssueDate = ThinSlice.Day(2023, 7, 3),
        }, deadline: SuiteClients.Deadline())).Documents.ShouldHaveSingleItem();
        await writer.Payment.ExportInvoiceXmlAsync(new Protos.Payment.V1.ExportInvoiceXmlRequest { InvoiceId = invoice.InvoiceId },
            deadline: SuiteClients.Deadline());
        await writer.Payment.RecordPaymentsAsync(new Protos.Payment.V1.RecordPaymentsRequest
        {
            IssuerCvr = invoice.IssuerCvr,
            Lines = { new Protos.Payment.V1.BankStatementLine
            {
                BankLineId = $"audit-{Guid.NewGuid():N}", AmountOre = invoice.TotalAmountOre, BookedOn = ThinSlice.Day(2023, 7, 20),
                Reference = $"Faktura {invoice.Number}",
            } },
        }, deadline: SuiteClients.Deadline());

        var filter = new AuditFilter { Subject = subject };
        string Describe(AuditEntry e) => $"{e.Rpc[(e.Rpc.LastIndexOf('/') + 1)..]} [{string.Join(" ", e.CitizenIds)}] {e.CitizenRecords} {e.StatusCode}";
        (await suite.Clients.Cohort.ListAuditEntriesAsync(new Protos.Cohort.V1.ListAuditEntriesRequest { Filter = filter },
            deadline: SuiteClients.Deadline())).Entries.Select(Describe)
            .ShouldBe(["CreatePartnership [] 0 OK", "AmendPartnership [] 0 OK", $"HandOverCitizen [{citizen}] 1 OK"]);
        (await suite.Clients.Outcome.ListAuditEntriesAsync(new Protos.Outcome.V1.ListAuditEntriesRequest { Filter = filter },
            deadline: SuiteClients.Deadline())).Entries.Select(Describe).ShouldBe(["SetFollowUpPlan [] 0 OK"]);
        (await suite.Clients.Payment.ListAuditEntriesAsync(new Protos.Payment.V1.ListAuditEntriesRequest { Filter = filter },
            deadline: SuiteClients.Deadline())).Entries.Select(Describe).ShouldBe([
                "SetRateCard [] 0 OK", $"RunInvoices [{citizen}] 1 OK", $"ExportInvoiceXml [{citizen}] 1 OK", "RecordPayments [] 0 OK"]);
    }

    private static string Describe(AuditEntry e) =>
        $"{e.Rpc} {e.Subject} {string.Join(",", e.Roles)} {e.Organisation} {e.PartnershipId} [{string.Join(" ", e.CitizenIds)}] {e.CitizenRecords} {e.StatusCode}";

    private async Task<string> AuditTableTextAsync(string service)
    {
        await using var connection = new NpgsqlConnection(suite.ConnectionString(service));
        await connection.OpenAsync();
        return await AuditTable.TextAsync(connection);
    }
}
