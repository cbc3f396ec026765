using Grpc.Core;
using Npgsql;
using Partnerskab.EndToEnd.Tests.Infrastructure;
using Partnerskab.Protos.Payment.V1;
using Partnerskab.Scenario;
using Shouldly;

namespace Partnerskab.EndToEnd.Tests;

[Collection(SuiteCollection.Name)]
public sealed class PaymentInvoicingTests(SuiteFixture suite)
{
    private const string Issuer = "12345678";
    private const long ManagementFeeOre = 500_000;

    [Fact]
    public async Task A_quarterly_run_invoices_the_ledger_and_a_later_run_credits_what_was_taken_back_on_a_credit_note()
    {
        var (partnershipId, citizens) = await PaymentTestData.PartnershipAsync(suite.Clients, "inv-run",
            id => TestRateCards.FullRateCard(id, ThinSlice.Day(2023, 3, 1)), 311, 312);
        var partnership = Guid.Parse(partnershipId);
        // The handover fees are booked before the milestone, so the citizen's cap falls on the job start:
        // a cap takes from whichever item the ledger books last.
        await PaymentTestData.LedgerAsync(suite.Clients, partnershipId, items => items.Count == 2);
        var milestoneId = Guid.NewGuid();
        await PaymentTestData.PublishAsync(suite, "outcome", "Outcome.MilestoneAchieved", new
        {
            MilestoneId = milestoneId, PartnershipId = partnership, CitizenId = citizens[0],
            MilestoneCode = TestRateCards.JobStart, AchievedOn = new DateOnly(2023, 5, 10),
        });
        await PaymentTestData.PublishAsync(suite, "outcome", "Outcome.DeliverableCompleted", new
        {
            DeliverableId = Guid.NewGuid(), PartnershipId = partnership, Kind = "TeachingDay", CompletedOn = new DateOnly(2023, 6, 12), Quantity = 1,
        });
        await PaymentTestData.LedgerAsync(suite.Clients, partnershipId, items => items.Count == 4);

        var before = await suite.RowCountsAsync();
        var preview = await RunAsync(partnershipId, ThinSlice.Day(2023, 4, 1), ThinSlice.Day(2023, 7, 3), preview: true);
        (await suite.RowCountsAsync()).ShouldBe(before, "a preview writes nothing");

        var q2 = await RunAsync(partnershipId, ThinSlice.Day(2023, 4, 1), ThinSlice.Day(2023, 7, 3));

        q2.Created.ShouldBeTrue();
        var invoice = q2.Documents.ShouldHaveSingleItem();
        var draft = preview.Documents.ShouldHaveSingleItem();
        (draft.Status, draft.Number, draft.NetAmountOre).ShouldBe((InvoiceStatus.Draft, 0L, invoice.NetAmountOre));
        // Two handover fees, the job start capped by the citizen's cap less that citizen's handover fee,
        // a teaching day, and the quarterly management fee due on the contract start and on 1 April.
        var cappedJobStart = TestRateCards.CitizenCapOre - TestRateCards.HandoverFeeOre;
        var net = 2 * TestRateCards.HandoverFeeOre + cappedJobStart + TestRateCards.TeachingDayOre + 2 * ManagementFeeOre;
        (invoice.Kind, invoice.IssuerCvr, invoice.BuyerEan, invoice.NetAmountOre, invoice.VatAmountOre, invoice.TotalAmountOre)
            .ShouldBe((DocumentKind.Invoice, Issuer, "5798000420526", net, net / 4, net + net / 4));
        PaymentTestData.Text(invoice.DueDate).ShouldBe("2023-08-02");
        invoice.Lines.Count.ShouldBe(6);
        invoice.Lines.Sum(l => l.NetAmountOre).ShouldBe(net);
        var jobStartLine = invoice.Lines.Single(l => l.Description.StartsWith("Milestone JOB_START"));
        (jobStartLine.UnitPriceOre, jobStartLine.AllowanceOre, jobStartLine.NetAmountOre)
            .ShouldBe((TestRateCards.JobStartOre, TestRateCards.JobStartOre - cappedJobStart, cappedJobStart));

        var again = await RunAsync(partnershipId, ThinSlice.Day(2023, 4, 1), ThinSlice.Day(2023, 7, 3));
        again.Created.ShouldBeFalse();
        again.Documents.ShouldHaveSingleItem().InvoiceId.ShouldBe(invoice.InvoiceId);

        await PaymentTestData.RevokeAndExitWronglyEnrolledAsync(suite, partnershipId, milestoneId, citizens[0], citizens[1]);
        await PaymentTestData.LedgerAsync(suite.Clients, partnershipId, items => items.Count(i => i.Kind == LedgerItemKind.Credit) == 2);

        var q3 = await RunAsync(partnershipId, ThinSlice.Day(2023, 7, 1), ThinSlice.Day(2023, 10, 2));

        q3.Documents.Select(d => (d.Kind, d.Number)).ShouldBe([
            (DocumentKind.Invoice, invoice.Number + 1),
            (DocumentKind.CreditNote, invoice.Number + 2),
        ], "numbered on from the first invoice, in one series");
        q3.Documents[0].NetAmountOre.ShouldBe(ManagementFeeOre);
        var creditNote = q3.Documents[1];
        (creditNote.CreditedInvoiceId, creditNote.CreditedInvoiceNumber).ShouldBe((invoice.InvoiceId, invoice.Number));
        var credited = cappedJobStart + TestRateCards.HandoverFeeOre;
        (creditNote.NetAmountOre, creditNote.VatAmountOre, creditNote.TotalAmountOre).ShouldBe((credited, credited / 4, credited + credited / 4));
        creditNote.Lines.ShouldAllBe(l => l.NetAmountOre > 0);

        var listed = (await suite.Clients.Payment.ListInvoicesAsync(new ListInvoicesRequest { PartnershipId = partnershipId, AsOf = ThinSlice.Day(2023, 10, 2) },
            deadline: SuiteClients.Deadline())).Documents;
        listed.Select(d => d.Number).ShouldBe([invoice.Number, invoice.Number + 1, invoice.Number + 2]);
        var original = listed[0];
        (original.Status, original.CreditedOre, original.OutstandingOre)
            .ShouldBe((InvoiceStatus.Overdue, creditNote.TotalAmountOre, invoice.TotalAmountOre - creditNote.TotalAmountOre));
        WithoutStanding(original).ShouldBe(WithoutStanding(invoice), "an issued invoice never changes; only where it stands does");

        var beforeQ3 = (await suite.Clients.Payment.ListInvoicesAsync(new ListInvoicesRequest { PartnershipId = partnershipId, AsOf = ThinSlice.Day(2023, 7, 4) },
            deadline: SuiteClients.Deadline())).Documents;
        (beforeQ3.ShouldHaveSingleItem().Status, beforeQ3[0].CreditedOre).ShouldBe((InvoiceStatus.Issued, 0L));

        (await OutboxEventsAsync(suite, partnershipId)).ShouldBe([
            ("InvoiceIssued", invoice.Number, ""), ("InvoiceIssued", invoice.Number + 1, ""), ("CreditNoteIssued", invoice.Number + 2, ""),
        ], "the kommune paying alone is payer \"\"");
    }

    [Fact]
    public async Task Issued_documents_cannot_be_changed_or_deleted_even_in_the_database()
    {
        var (partnershipId, _) = await PaymentTestData.PartnershipAsync(suite.Clients, "inv-fixed",
            id => TestRateCards.FullRateCard(id, ThinSlice.Day(2023, 3, 1)), 313);
        await PaymentTestData.LedgerAsync(suite.Clients, partnershipId, items => items.Count == 1);
        var invoice = (await RunAsync(partnershipId, ThinSlice.Day(2023, 4, 1), ThinSlice.Day(2023, 7, 3))).Documents.ShouldHaveSingleItem();

        await using var connection = new NpgsqlConnection(suite.ConnectionString("payment"));
        await connection.OpenAsync();
        foreach (var change in new[]
                 {
                     "UPDATE invoices SET total_amount_ore = total_amount_ore + 1 WHERE id = @id",
                     "DELETE FROM invoices WHERE id = @id",
                     "UPDATE invoice_lines SET net_amount_ore = 0 WHERE invoice_id = @id",
                     "DELETE FROM invoice_lines WHERE invoice_id = @id",
                 })
        {
            await using var command = new NpgsqlCommand(change, connection);
            command.Parameters.AddWithValue("id", Guid.Parse(invoice.InvoiceId));
            var refused = await Should.ThrowAsync<PostgresException>(() => command.ExecuteNonQueryAsync());
            refused.MessageText.ShouldContain("never change");
        }

        var listed = (await suite.Clients.Payment.ListInvoicesAsync(new ListInvoicesRequest { PartnershipId = partnershipId, AsOf = ThinSlice.Day(2023, 7, 3) },
            deadline: SuiteClients.Deadline())).Documents.ShouldHaveSingleItem();
        listed.ShouldBe(invoice);
    }

    [Fact]
    public async Task Concurrent_runs_of_one_issuer_number_their_documents_without_gaps_and_each_period_is_invoiced_once()
    {
        var partnerships = new List<string>();
        for (var n = 0; n < 6; n++)
        {
            var (partnershipId, _) = await PaymentTestData.PartnershipAsync(suite.Clients, $"inv-concurrent-{n}",
                id => TestRateCards.FullRateCard(id, ThinSlice.Day(2023, 3, 1)), 320 + n);
            partnerships.Add(partnershipId);
        }
        foreach (var partnershipId in partnerships) await PaymentTestData.LedgerAsync(suite.Clients, partnershipId, items => items.Count == 1);

        // Every partnership's run is asked for three times at once, all of them together.
        var runs = await Task.WhenAll(partnerships.SelectMany(id => Enumerable.Repeat(id, 3))
            .Select(id => RunAsync(id, ThinSlice.Day(2023, 4, 1), ThinSlice.Day(2023, 7, 3))));

        runs.Count(r => r.Created).ShouldBe(partnerships.Count, "one run per partnership and period");
        runs.GroupBy(r => r.Documents.ShouldHaveSingleItem().PartnershipId)
            .ShouldAllBe(g => g.Select(r => r.Documents[0].Number).Distinct().Count() == 1);
        var numbers = await IssuedNumbersAsync();
        numbers.ShouldBe(Enumerable.Range(1, numbers.Count).Select(n => (long)n).ToList(), "the issuer's numbers run 1, 2, 3, ... with no gap");
        runs.Select(r => r.Documents[0].Number).Distinct().Count().ShouldBe(partnerships.Count);
    }

    [Fact]
    public async Task A_run_is_refused_without_a_payee_account_or_for_a_period_before_one_already_invoiced()
    {
        var (withoutAccount, _) = await PaymentTestData.PartnershipAsync(suite.Clients, "inv-no-account",
            id => TestRateCards.FullRateCard(id, ThinSlice.Day(2023, 3, 1)).With(r => r.PayeeAccount = null), 330);
        await PaymentTestData.LedgerAsync(suite.Clients, withoutAccount, items => items.Count == 1);
        var refused = await Should.ThrowAsync<RpcException>(() => RunAsync(withoutAccount, ThinSlice.Day(2023, 4, 1), ThinSlice.Day(2023, 7, 3)));
        (refused.StatusCode, refused.Status.Detail).ShouldBe((StatusCode.FailedPrecondition, "Rate card version 1 has no payee account; invoices cannot be issued without one."));

        var (partnershipId, _) = await PaymentTestData.PartnershipAsync(suite.Clients, "inv-order",
            id => TestRateCards.FullRateCard(id, ThinSlice.Day(2023, 3, 1)), 331);
        await PaymentTestData.LedgerAsync(suite.Clients, partnershipId, items => items.Count == 1);
        await RunAsync(partnershipId, ThinSlice.Day(2023, 7, 1), ThinSlice.Day(2023, 10, 2));
        var earlier = await Should.ThrowAsync<RpcException>(() => RunAsync(partnershipId, ThinSlice.Day(2023, 4, 1), ThinSlice.Day(2023, 7, 3)));
        earlier.StatusCode.ShouldBe(StatusCode.FailedPrecondition);

        var wrongStart = await Should.ThrowAsync<RpcException>(() => RunAsync(partnershipId, ThinSlice.Day(2023, 8, 1), ThinSlice.Day(2023, 12, 1)));
        wrongStart.StatusCode.ShouldBe(StatusCode.InvalidArgument);
        wrongStart.Status.Detail.ShouldNotBeNull();
    }

    [Fact]
    public async Task A_run_issued_after_today_or_for_a_period_after_the_follow_up_is_refused_and_writes_nothing_but_a_preview_may_look_ahead()
    {
        var (partnershipId, _) = await PaymentTestData.PartnershipAsync(suite.Clients, "inv-dates",
            id => TestRateCards.FullRateCard(id, ThinSlice.Day(2023, 3, 1)), 321);
        await PaymentTestData.LedgerAsync(suite.Clients, partnershipId, items => items.Count == 1);
        // Two days ahead in Copenhagen: after the service's today even if midnight passes during the test.
        var ahead = TimeZoneInfo.ConvertTimeBySystemTimeZoneId(DateTime.UtcNow, "Europe/Copenhagen").AddDays(2);
        var later = ThinSlice.Day(ahead.Year, ahead.Month, ahead.Day);
        await RunAsync(partnershipId, ThinSlice.Day(2023, 4, 1), later, preview: true);
        var before = await suite.RowCountsAsync();

        var future = await Should.ThrowAsync<RpcException>(() => RunAsync(partnershipId, ThinSlice.Day(2023, 4, 1), later));
        // The agreement's contract ends on 2025-03-31 and follows each citizen 24 months: the quarter after
        // 2027-03-31 is no period of the partnership; the quarter after the contract's end is (the final bill).
        var afterEnd = await Should.ThrowAsync<RpcException>(() => RunAsync(partnershipId, ThinSlice.Day(2027, 4, 1), ThinSlice.Day(2027, 7, 1), preview: true));
        await RunAsync(partnershipId, ThinSlice.Day(2025, 4, 1), ThinSlice.Day(2025, 7, 1), preview: true);
        var preview = await RunAsync(partnershipId, ThinSlice.Day(2023, 4, 1), later, preview: true);

        (future.StatusCode, afterEnd.StatusCode).ShouldBe((StatusCode.InvalidArgument, StatusCode.InvalidArgument));
        future.GetRpcStatus()!.GetDetail<Google.Rpc.BadRequest>().FieldViolations.ShouldHaveSingleItem().Field.ShouldBe("issue_date");
        afterEnd.GetRpcStatus()!.GetDetail<Google.Rpc.BadRequest>().FieldViolations.ShouldHaveSingleItem().Description
            .ShouldBe("must start on or before the last day of follow-up (the contract's end plus the follow-up), 2027-03-31");
        preview.Created.ShouldBeFalse();
        preview.Documents.ShouldHaveSingleItem().Status.ShouldBe(InvoiceStatus.Draft);
        (await suite.RowCountsAsync()).ShouldBe(before, "a refused run and a preview write nothing");
    }

    /// <summary>Runs invoices once the partnership's registration has reached the payment service.</summary>
    public static Task<RunInvoicesResponse> RunAsync(SuiteClients clients, string partnershipId, Google.Type.Date periodStart,
        Google.Type.Date issueDate, bool preview = false) =>
        Testing.InvoiceRuns.OnceRegisteredAsync(() => clients.Payment.RunInvoicesAsync(new RunInvoicesRequest
        {
            PartnershipId = partnershipId, PeriodStart = periodStart, IssueDate = issueDate, Preview = preview,
        }, deadline: SuiteClients.Deadline()).ResponseAsync, TimeSpan.FromSeconds(30));

    private Task<RunInvoicesResponse> RunAsync(string partnershipId, Google.Type.Date periodStart, Google.Type.Date issueDate, bool preview = false) =>
        RunAsync(suite.Clients, partnershipId, periodStart, issueDate, preview);

    private static Invoice WithoutStanding(Invoice document) =>
        document.Clone().With(d => (d.Status, d.CreditedOre, d.PaidOre, d.OutstandingOre) = (InvoiceStatus.Unspecified, 0, 0, 0));

    private async Task<List<long>> IssuedNumbersAsync()
    {
        await using var connection = new NpgsqlConnection(suite.ConnectionString("payment"));
        await connection.OpenAsync();
        await using var query = new NpgsqlCommand("SELECT number FROM invoices WHERE issuer_cvr = @issuer ORDER BY number", connection);
        query.Parameters.AddWithValue("issuer", Issuer);
        var numbers = new List<long>();
        await using var reader = await query.ExecuteReaderAsync();
        while (await reader.ReadAsync()) numbers.Add(reader.GetInt64(0));
        return numbers;
    }

    /// <summary>The invoice events of a partnership in the payment service's outbox, by number.</summary>
    /// <summary>The payment service's document events of a partnership in its outbox, by number: the event, the number and the payer.</summary>
    public static async Task<List<(string Event, long Number, string PayerId)>> OutboxEventsAsync(SuiteFixture suite, string partnershipId)
    {
        await using var connection = new NpgsqlConnection(suite.ConnectionString("payment"));
        await connection.OpenAsync();
        await using var query = new NpgsqlCommand("""
            SELECT split_part(split_part(message_type, ',', 1), '.', 4), (body->>'number')::bigint, body->>'payerId' FROM outbox_messages
            WHERE message_type LIKE 'Partnerskab.Contracts.Payment.%' AND body->>'partnershipId' = @partnership ORDER BY 2
            """, connection);
        query.Parameters.AddWithValue("partnership", partnershipId);
        var events = new List<(string, long, string)>();
        await using var reader = await query.ExecuteReaderAsync();
        while (await reader.ReadAsync()) events.Add((reader.GetString(0), reader.GetInt64(1), reader.GetString(2)));
        return events;
    }
}
