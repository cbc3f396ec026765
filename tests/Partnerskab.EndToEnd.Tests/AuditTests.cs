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
/// The audit log: a provider's reads of a citizen, and a refused call, are in the service's log
/// with who, what and the status; only the auditor may read it; the CPR number never gets there;
/// and the table refuses every change but an insert.
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
    public async Task A_handover_and_an_import_are_audited_by_pseudonym_and_bad_input_with_its_status()
    {
        var reference = TestCitizens.UniqueReference("audit-write");
        var partnership = (await suite.Clients.Cohort.CreatePartnershipAsync(ThinSlice.HaderslevAgreement(reference), deadline: SuiteClients.Deadline())).Partnership;
        var kommuneSubject = $"kommune-audit-{Guid.NewGuid():N}";
        using var kommune = suite.ClientsFor(new TokenSubject(kommuneSubject, [Kommune], "29189757", [partnership.PartnershipId]));
        var handedOver = (await kommune.Cohort.HandOverCitizenAsync(Handover(partnership.PartnershipId, 7310), deadline: SuiteClients.Deadline())).Citizen;
        var imported = await ImportAsync(kommune, partnership.PartnershipId, [7311, 7312]);
        var invalid = Handover(partnership.PartnershipId, 7313);
        invalid.WeeksSickListed = -1;
        (await Should.ThrowAsync<RpcException>(kommune.Cohort.HandOverCitizenAsync(invalid, deadline: SuiteClients.Deadline()).ResponseAsync))
            .StatusCode.ShouldBe(StatusCode.InvalidArgument);

        var entries = (await suite.Clients.Cohort.ListAuditEntriesAsync(new Protos.Cohort.V1.ListAuditEntriesRequest
        {
            Filter = new AuditFilter { Subject = kommuneSubject },
        }, deadline: SuiteClients.Deadline())).Entries;

        var pseudonyms = string.Join(" ", imported.Order(StringComparer.Ordinal));
        entries.Select(e => $"{e.Rpc[CohortRpc.Length..]} [{string.Join(" ", e.CitizenIds)}] {e.CitizenRecords} {e.StatusCode}").ShouldBe([
            $"HandOverCitizen [{handedOver.CitizenId}] 1 OK",
            $"ImportCitizens [{pseudonyms}] 2 OK",
            "HandOverCitizen [] 0 INVALID_ARGUMENT",
        ]);
        var text = await AuditTableTextAsync("cohort");
        foreach (var n in new[] { 7310, 7311, 7312, 7313 })
        {
            text.ShouldNotContain(TestCitizens.Cpr(n).Replace("-", ""));
        }
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
        await writer.Payment.SetRateCardAsync(PaymentTestData.FullRateCard(id, ThinSlice.Day(2023, 3, 1)), deadline: SuiteClients.Deadline());
        var citizen = (await writer.Cohort.HandOverCitizenAsync(Handover(id, 7330), deadline: SuiteClients.Deadline())).Citizen.CitizenId;
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

    [Fact]
    public async Task Only_the_auditor_reads_the_audit_log_in_pages_and_an_auditor_sees_only_its_partnerships()
    {
        var (partnership, citizen) = await TestCitizens.HandedOverAsync(suite.Clients.Cohort, "audit-pages", 7320, "HAD-AUDIT-7320");
        var subject = $"kommune-pages-{Guid.NewGuid():N}";
        using var kommune = suite.ClientsFor(new TokenSubject(subject, [Kommune], "29189757", [partnership.PartnershipId]));
        for (var i = 0; i < 5; i++)
        {
            await kommune.Cohort.GetCitizenAsync(new GetCitizenRequest { PartnershipId = partnership.PartnershipId, CitizenId = citizen.CitizenId },
                deadline: SuiteClients.Deadline());
        }

        var denied = await Should.ThrowAsync<RpcException>(kommune.Cohort.ListAuditEntriesAsync(
            new Protos.Cohort.V1.ListAuditEntriesRequest(), deadline: SuiteClients.Deadline()).ResponseAsync);
        denied.StatusCode.ShouldBe(StatusCode.PermissionDenied);

        using var scoped = suite.ClientsFor(new TokenSubject("auditor-scoped", [Auditor], null, [partnership.PartnershipId]));
        var pages = new List<string>();
        var token = "";
        do
        {
            var page = await scoped.Cohort.ListAuditEntriesAsync(new Protos.Cohort.V1.ListAuditEntriesRequest
            {
                Filter = new AuditFilter { CitizenId = citizen.CitizenId },
                PageSize = 2,
                PageToken = token,
            }, deadline: SuiteClients.Deadline());
            page.Entries.Count.ShouldBeLessThanOrEqualTo(2);
            pages.AddRange(page.Entries.Select(e => e.EntryId));
            token = page.NextPageToken;
        } while (token.Length > 0);
        var all = (await suite.Clients.Cohort.ListAuditEntriesAsync(new Protos.Cohort.V1.ListAuditEntriesRequest
        {
            Filter = new AuditFilter { CitizenId = citizen.CitizenId },
        }, deadline: SuiteClients.Deadline())).Entries;

        // The handover by the suite's operator and the five reads.
        all.Count.ShouldBe(6);
        pages.ShouldBe(all.Select(e => e.EntryId));
        (await Should.ThrowAsync<RpcException>(scoped.Cohort.ListAuditEntriesAsync(new Protos.Cohort.V1.ListAuditEntriesRequest
        {
            Filter = new AuditFilter { PartnershipId = Guid.NewGuid().ToString() },
        }, deadline: SuiteClients.Deadline()).ResponseAsync)).StatusCode.ShouldBe(StatusCode.PermissionDenied);
        var unfiltered = (await scoped.Cohort.ListAuditEntriesAsync(new Protos.Cohort.V1.ListAuditEntriesRequest { PageSize = 1000 },
            deadline: SuiteClients.Deadline())).Entries;
        unfiltered.ShouldNotBeEmpty();
        unfiltered.ShouldAllBe(e => e.PartnershipId == partnership.PartnershipId);
    }

    [Theory]
    [InlineData("cohort", "UPDATE audit_entries SET subject = 'someone else'")]
    [InlineData("outcome", "DELETE FROM audit_entries")]
    [InlineData("payment", "TRUNCATE audit_entries")]
    public async Task The_audit_table_refuses_updates_deletes_and_truncation(string service, string sql)
    {
        await using var connection = new NpgsqlConnection(suite.ConnectionString(service));
        await connection.OpenAsync();
        await using (var insert = new NpgsqlCommand(
            "INSERT INTO audit_entries (recorded_at, subject, roles, rpc, citizen_ids, citizen_records, status_code) VALUES (now(), 'test', '{}', 'test', '{}', 0, 'OK')",
            connection))
        {
            await insert.ExecuteNonQueryAsync();
        }
        await using var change = new NpgsqlCommand(sql, connection);
        var error = await Should.ThrowAsync<PostgresException>(() => change.ExecuteNonQueryAsync());
        error.SqlState.ShouldBe(PostgresErrorCodes.RestrictViolation);
    }

    private static string Describe(AuditEntry e) =>
        $"{e.Rpc} {e.Subject} {string.Join(",", e.Roles)} {e.Organisation} {e.PartnershipId} [{string.Join(" ", e.CitizenIds)}] {e.CitizenRecords} {e.StatusCode}";

    private async Task<string> AuditTableTextAsync(string service)
    {
        await using var connection = new NpgsqlConnection(suite.ConnectionString(service));
        await connection.OpenAsync();
        await using var query = new NpgsqlCommand("SELECT coalesce(string_agg(t::text, E'\\n'), '') FROM audit_entries t", connection);
        return (string)(await query.ExecuteScalarAsync())!;
    }

    private static HandOverCitizenRequest Handover(string partnershipId, int n) => new()
    {
        PartnershipId = partnershipId,
        Cpr = TestCitizens.Cpr(n),
        HandoverDate = ThinSlice.Day(2023, 4, 3),
        BenefitType = Protos.Cohort.V1.BenefitType.SicknessBenefit,
        WeeksSickListed = 30,
        CaseReference = $"HAD-AUDIT-{n}",
    };

    private static async Task<IReadOnlyList<string>> ImportAsync(SuiteClients clients, string partnershipId, int[] citizens)
    {
        using var call = clients.Cohort.ImportCitizens(deadline: SuiteClients.Deadline());
        foreach (var n in citizens)
        {
            var row = Handover(partnershipId, n);
            await call.RequestStream.WriteAsync(new ImportCitizensRequest
            {
                PartnershipId = partnershipId,
                IdempotencyKey = $"audit-{partnershipId}",
                Row = new CitizenRow
                {
                    Cpr = row.Cpr, HandoverDate = row.HandoverDate, BenefitType = row.BenefitType,
                    WeeksSickListed = row.WeeksSickListed, CaseReference = row.CaseReference,
                },
            });
        }
        await call.RequestStream.CompleteAsync();
        var response = await call.ResponseAsync;
        response.Accepted.ShouldBe(citizens.Length);
        return response.Results.Select(r => r.CitizenId).ToList();
    }
}
