using Grpc.Core;
using Partnerskab.Contracts;
using Partnerskab.Contracts.Outcome;
using Partnerskab.Protos.Payment.V1;
using Partnerskab.Scenario;
using Partnerskab.Testing;
using Partnerskab.Testing.InProcess;

namespace Partnerskab.Payment.Tests.InProcess;

[Collection(ClockedPaymentServiceCollection.Name)]
public sealed class ClosedPeriodTests(ClockedPaymentHost payment) : InProcessTests(payment.ResetAsync)
{
    private static readonly Pseudonym Anna = new(new string('a', 32));
    private static readonly Pseudonym Bo = new(new string('b', 32));

    [Fact]
    public async Task A_correction_to_a_closed_quarter_is_credited_in_the_next_open_one_naming_the_invoice_and_its_cause_and_the_closed_documents_stay()
    {
        payment.Today(2023, 10, 5);
        var client = payment.Client;
        var partnershipId = await payment.PartnershipAsync();
        var id = partnershipId.ToString();
        var anna = Guid.NewGuid();
        await payment.PublishAsync(Achieved(partnershipId, anna, Anna, new DateOnly(2023, 8, 14)));
        await payment.PublishAsync(Achieved(partnershipId, Guid.NewGuid(), Bo, new DateOnly(2023, 9, 4)));
        await payment.LedgerAsync(partnershipId, 2);
        var q3 = (await client.RunInvoicesAsync(new RunInvoicesRequest { PartnershipId = id, PeriodStart = ThinSlice.Day(2023, 7, 1), IssueDate = ThinSlice.Day(2023, 10, 5) },
            deadline: SuiteClients.Deadline())).Documents.ShouldHaveSingleItem();

        var year = await Should.ThrowAsync<RpcException>(client.ClosePeriodAsync(new ClosePeriodRequest { PartnershipId = id, Year = 2023 },
            deadline: SuiteClients.Deadline()).ResponseAsync);
        year.StatusCode.ShouldBe(StatusCode.FailedPrecondition, "2023's last quarter is not invoiced yet");
        var closed = await client.ClosePeriodAsync(new ClosePeriodRequest { PartnershipId = id, PeriodStart = ThinSlice.Day(2023, 7, 1) },
            deadline: SuiteClients.Deadline());
        (closed.Created, closed.ClosedPeriod.Kind, closed.ClosedPeriod.End).ShouldBe((true, PeriodKind.InvoicingPeriod, ThinSlice.Day(2023, 9, 30)));
        closed.ClosedPeriod.ClosedBy.ShouldBe(InProcessService<PaymentGrpcService, PaymentService.PaymentServiceClient>.Operator.Subject);
        (await client.ClosePeriodAsync(new ClosePeriodRequest { PartnershipId = id, PeriodStart = ThinSlice.Day(2023, 7, 1) },
            deadline: SuiteClients.Deadline())).Created.ShouldBeFalse();

        // The register re-codes a September week in November, and a milestone of September arrives late.
        payment.Today(2023, 11, 20);
        var knownAt = new DateTimeOffset(2023, 11, 20, 8, 30, 0, TimeSpan.Zero);
        await payment.PublishAsync(new MilestoneRevoked
        {
            MilestoneId = anna, PartnershipId = partnershipId, CitizenId = Anna, MilestoneCode = TestRateCards.JobStart,
            RevokedOn = new DateOnly(2023, 11, 20), Reason = "the register shows sickness benefit in week 37", EffectiveOn = new DateOnly(2023, 9, 11),
            Cause = new RevocationCause { Kind = "status-week", Reference = "2023-W37", ReportedBy = "dream-import (kommune)", KnownAt = knownAt },
        });
        var late = Guid.NewGuid();
        await payment.PublishAsync(Achieved(partnershipId, late, Bo, new DateOnly(2023, 9, 18), code: "JOB_START"));
        var ledger = await payment.LedgerAsync(partnershipId, 4);
        var credit = ledger.Single(i => i.Kind == Protos.Payment.V1.LedgerItemKind.Credit);
        (credit.EarnedOn, credit.BookedOn).ShouldBe((ThinSlice.Day(2023, 9, 11), ThinSlice.Day(2023, 11, 20)), "about September, booked when learnt");
        credit.Correction.ShouldBe(new Correction
        {
            Kind = "status-week", Reference = "2023-W37", ReportedBy = "dream-import (kommune)",
            KnownAt = Google.Protobuf.WellKnownTypes.Timestamp.FromDateTimeOffset(knownAt), EffectiveOn = ThinSlice.Day(2023, 9, 11),
        });
        var lateItem = ledger.Single(i => i.CauseKey == $"milestone:{late}");
        (lateItem.EarnedOn, lateItem.BookedOn).ShouldBe((ThinSlice.Day(2023, 9, 18), ThinSlice.Day(2023, 10, 1)), "its quarter is closed");

        payment.Today(2024, 1, 5);
        var q4 = (await client.RunInvoicesAsync(new RunInvoicesRequest { PartnershipId = id, PeriodStart = ThinSlice.Day(2023, 10, 1), IssueDate = ThinSlice.Day(2024, 1, 5) },
            deadline: SuiteClients.Deadline())).Documents;
        q4.Count.ShouldBe(2);
        var supplementary = q4.Single(d => d.Kind == DocumentKind.Invoice).Lines.ShouldHaveSingleItem();
        supplementary.Description.ShouldContain("booked 2023-10-01, its own period being closed");
        var creditNote = q4.Single(d => d.Kind == DocumentKind.CreditNote);
        (creditNote.CreditedInvoiceNumber, creditNote.PeriodStart).ShouldBe((q3.Number, ThinSlice.Day(2023, 10, 1)));
        var creditLine = creditNote.Lines.ShouldHaveSingleItem();
        creditLine.Description.ShouldStartWith($"Corrects invoice {q3.Number} of 2023-10-05, effective 2023-09-11, booked 2023-11-20; " +
            "cause: status-week 2023-W37, reported by dream-import (kommune), known 2023-11-20T08:30:00Z");

        var documents = (await client.ListInvoicesAsync(new ListInvoicesRequest { PartnershipId = id }, deadline: SuiteClients.Deadline())).Documents;
        var q3Now = documents.Single(d => d.Number == q3.Number);
        (q3Now.Lines, q3Now.TotalAmountOre, q3Now.IssueDate).ShouldBe((q3.Lines, q3.TotalAmountOre, q3.IssueDate), "a closed quarter's invoice never changes");

        var why = await client.ExplainLedgerItemAsync(new ExplainLedgerItemRequest { PartnershipId = id, ItemId = credit.ItemId }, deadline: SuiteClients.Deadline());
        why.CreditedItem.CauseKey.ShouldBe($"milestone:{anna}");
        (why.Milestone.MilestoneId, why.Milestone.Code, why.Milestone.AchievedOn).ShouldBe((anna.ToString(), TestRateCards.JobStart, ThinSlice.Day(2023, 8, 14)));
        why.Correction.ShouldBe(credit.Correction);
        (why.Document.Number, why.Document.Kind, why.Document.CreditedInvoiceNumber).ShouldBe((creditNote.Number, DocumentKind.CreditNote, q3.Number));
        (why.CreditedDocument.Number, why.CreditedDocument.Kind).ShouldBe((q3.Number, DocumentKind.Invoice));
        (why.BookedOn, why.BookingPeriodStart, why.BookingPeriodEnd, why.BookedAfterClosedPeriod)
            .ShouldBe((ThinSlice.Day(2023, 11, 20), ThinSlice.Day(2023, 10, 1), ThinSlice.Day(2023, 12, 31), false));
        var whyLate = await client.ExplainLedgerItemAsync(new ExplainLedgerItemRequest { PartnershipId = id, ItemId = lateItem.ItemId }, deadline: SuiteClients.Deadline());
        (whyLate.BookedAfterClosedPeriod, whyLate.Document.Number, whyLate.BookingPeriodStart).ShouldBe((true, q4.Single(d => d.Kind == DocumentKind.Invoice).Number, ThinSlice.Day(2023, 10, 1)));
    }

    [Fact]
    public async Task Reopening_needs_a_reason_and_waits_for_the_following_period_and_the_database_refuses_a_booking_in_a_closed_period()
    {
        payment.Today(2024, 1, 5);
        var client = payment.Client;
        var partnershipId = await payment.PartnershipAsync();
        var id = partnershipId.ToString();
        foreach (var start in new[] { ThinSlice.Day(2023, 7, 1), ThinSlice.Day(2023, 10, 1) })
        {
            await client.RunInvoicesAsync(new RunInvoicesRequest { PartnershipId = id, PeriodStart = start, IssueDate = ThinSlice.Day(2024, 1, 5) },
                deadline: SuiteClients.Deadline());
            await client.ClosePeriodAsync(new ClosePeriodRequest { PartnershipId = id, PeriodStart = start }, deadline: SuiteClients.Deadline());
        }
        var rows = await payment.RowCountsAsync();

        await Partnerskab.Testing.Rpcs.InvalidInput.ShouldBeRefusedByFieldAsync(() => client.ReopenPeriodAsync(new ReopenPeriodRequest
        {
            PartnershipId = id, PeriodStart = ThinSlice.Day(2023, 7, 1),
        }, deadline: SuiteClients.Deadline()).ResponseAsync, ["reason"]);
        await Partnerskab.Testing.Rpcs.InvalidInput.ShouldBeRefusedByFieldAsync(() => client.ReopenPeriodAsync(new ReopenPeriodRequest
        {
            PartnershipId = id, PeriodStart = ThinSlice.Day(2023, 7, 1), Year = 2023, Reason = "both named",
        }, deadline: SuiteClients.Deadline()).ResponseAsync, ["period_start"]);
        var following = await Should.ThrowAsync<RpcException>(client.ReopenPeriodAsync(new ReopenPeriodRequest
        {
            PartnershipId = id, PeriodStart = ThinSlice.Day(2023, 7, 1), Reason = "a register correction",
        }, deadline: SuiteClients.Deadline()).ResponseAsync);
        following.StatusCode.ShouldBe(StatusCode.FailedPrecondition);
        following.Status.Detail.ShouldContain("2023-10-01 to 2023-12-31, is closed");
        (await payment.RowCountsAsync()).ShouldBe(rows, "refused and invalid calls write nothing");

        await using (var connection = await payment.OpenAsync())
        {
            await using var insert = new Npgsql.NpgsqlCommand("""
                INSERT INTO ledger_items (id, partnership_id, kind, quantity, unit_price_ore, original_amount_ore, amount_ore, capped_by, cause_key,
                    earned_on, booked_on, booked_after_closed_period, pricing_note, recorded_at, unpriced)
                VALUES (gen_random_uuid(), @p, 3, 1, 100, 100, 100, 0, 'deliverable:by-hand', '2023-08-01', '2023-08-01', false, 'by hand', now(), false)
                """, connection);
            insert.Parameters.AddWithValue("p", partnershipId);
            var refused = await Should.ThrowAsync<Npgsql.PostgresException>(insert.ExecuteNonQueryAsync());
            refused.MessageText.ShouldContain("in the closed period 2023-07-01 to 2023-09-30");
        }

        var q4 = await client.ReopenPeriodAsync(new ReopenPeriodRequest { PartnershipId = id, PeriodStart = ThinSlice.Day(2023, 10, 1), Reason = "late register week" },
            deadline: SuiteClients.Deadline());
        (q4.ReopenedPeriod.ReopenReason, q4.ReopenedPeriod.ReopenedAt is not null).ShouldBe(("late register week", true));
        (await client.ReopenPeriodAsync(new ReopenPeriodRequest { PartnershipId = id, PeriodStart = ThinSlice.Day(2023, 7, 1), Reason = "the same correction" },
            deadline: SuiteClients.Deadline())).ReopenedPeriod.Start.ShouldBe(ThinSlice.Day(2023, 7, 1));
        (await client.ClosePeriodAsync(new ClosePeriodRequest { PartnershipId = id, PeriodStart = ThinSlice.Day(2023, 7, 1) },
            deadline: SuiteClients.Deadline())).Created.ShouldBeTrue("a reopened period may be closed again");
        var listed = (await client.ListClosedPeriodsAsync(new ListClosedPeriodsRequest { PartnershipId = id }, deadline: SuiteClients.Deadline())).ClosedPeriods;
        listed.Select(p => (p.Start, p.ReopenReason, p.ReopenedAt is not null)).ShouldBe(
        [
            (ThinSlice.Day(2023, 7, 1), "the same correction", true),
            (ThinSlice.Day(2023, 7, 1), "", false),
            (ThinSlice.Day(2023, 10, 1), "late register week", true),
        ], "every closing in order of its first day, reopened ones with their reason");

        await using var audit = await payment.OpenAsync();
        await using var calls = new Npgsql.NpgsqlCommand(
            "SELECT rpc || ' ' || status_code FROM audit_entries WHERE partnership_id = @p AND rpc LIKE '%Period' ORDER BY id", audit);
        calls.Parameters.AddWithValue("p", partnershipId);
        var entries = new List<string>();
        await using (var reader = await calls.ExecuteReaderAsync())
        {
            while (await reader.ReadAsync()) entries.Add(reader.GetString(0));
        }
        entries.Count(e => e.Contains("ClosePeriod")).ShouldBe(3, string.Join("\n", entries));
        entries.Count(e => e.Contains("ReopenPeriod")).ShouldBe(5, "every reopening is audited, the refused ones too");
    }

    private static MilestoneAchieved Achieved(Guid partnershipId, Guid milestoneId, Pseudonym citizen, DateOnly on, string code = TestRateCards.JobStart) => new()
    {
        MilestoneId = milestoneId, PartnershipId = partnershipId, CitizenId = citizen, MilestoneCode = code, AchievedOn = on,
    };
}
