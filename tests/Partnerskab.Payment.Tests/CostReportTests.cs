using NodaTime;
using Partnerskab.Payment.Costs;
using Partnerskab.Payment.Invoicing;
using Partnerskab.Payment.Ledger;
using Partnerskab.Payment.RateCards;
using Partnerskab.Payment.Reconciliation;

namespace Partnerskab.Payment.Tests;

public sealed class CostReportTests
{
    private const string Citizen = "0123456789abcdef0123456789abcdef";

    private static readonly RateCard Card = new()
    {
        Version = 1,
        EffectiveFrom = new LocalDate(2023, 3, 1),
        VatRateBasisPoints = 2500,
        CapPerCitizenOre = 3_000_000,
        CapPerYearOre = 10_000_000,
        CapContractOre = 50_000_000,
        Budgets = [new YearBudget(2023, 4_000_000)],
    };

    private static readonly LedgerItem Handover = Item(LedgerItemKind.HandoverFee, 1_000_000, new LocalDate(2023, 4, 3));
    private static readonly LedgerItem JobStart = Item(LedgerItemKind.Milestone, 2_000_000, new LocalDate(2023, 5, 10));

    private static readonly Invoice Q2 = new()
    {
        Id = Guid.NewGuid(), Kind = DocumentKind.Invoice, Number = 1, IssuerCvr = "12345678",
        IssueDate = new LocalDate(2023, 7, 3), DueDate = new LocalDate(2023, 8, 2),
        SellerName = "", BuyerName = "", BuyerCvr = "", BuyerEan = "", BuyerReference = "", PayeeBankRegistrationNumber = "", PayeeAccountNumber = "",
        NetAmountOre = 3_000_000, VatAmountOre = 750_000, TotalAmountOre = 3_750_000,
        Lines =
        [
            new InvoiceLine(1, Handover.Id, "", Citizen, Handover.EarnedOn, 1, 1_000_000, 0, null, 1_000_000),
            new InvoiceLine(2, JobStart.Id, "", Citizen, JobStart.EarnedOn, 1, 2_000_000, 0, null, 2_000_000),
        ],
    };

    private static readonly BankPayment PartPayment = new()
    {
        Id = Guid.NewGuid(), IssuerCvr = "12345678", BankLineId = "a", AmountOre = 3_000_000, BookedOn = new LocalDate(2023, 7, 20), Reference = "Faktura 1",
    };

    private static readonly RateCard WithFee = new()
    {
        Version = 1, EffectiveFrom = new LocalDate(2023, 3, 1), VatRateBasisPoints = 2500,
        PeriodicFees = [new PeriodicFee("MANAGEMENT", 400_000, BillingInterval.Quarterly)],
    };

    private static LedgerItem Item(LedgerItemKind kind, long amountOre, LocalDate earnedOn, string? citizen = Citizen, Guid? credits = null,
        string? causeKey = null) => new()
    {
        Id = Guid.NewGuid(), Kind = kind, CitizenId = citizen, AmountOre = amountOre, OriginalAmountOre = amountOre, CreditsItemId = credits,
        CauseKey = causeKey ?? Guid.NewGuid().ToString(), EarnedOn = earnedOn, BookedOn = earnedOn, PricingNote = "",
    };

    /// <summary>The ledger summed as the database's day totals sum it (<see cref="LedgerTotals.ReadAsync"/>).</summary>
    private static LedgerTotals Totals(LocalDate asOf, IReadOnlyCollection<LedgerItem> ledger, params Invoice[] documents)
    {
        var onDocuments = documents.Where(d => d.IssueDate <= asOf).SelectMany(d => d.Lines).Select(l => l.LedgerItemId).ToHashSet();
        var kinds = ledger.ToDictionary(i => i.Id, i => i.Kind);
        var earned = ledger.Where(i => i.EarnedOn <= asOf).ToList();
        return new LedgerTotals(
            earned.GroupBy(i => (i.EarnedOn, i.BookedOn, i.Kind, CreditedKind: i.CreditsItemId is { } credited ? kinds[credited] : i.Kind, i.PayerId))
                .Select(g => new LedgerTotals.Day(g.Key.EarnedOn, g.Key.BookedOn, g.Key.Kind, g.Key.CreditedKind, g.Sum(i => i.AmountOre), g.Count(),
                    g.Count(i => i.Lead && !i.CauseKey.StartsWith("priced:", StringComparison.Ordinal) && !i.CauseKey.StartsWith("credit:priced:", StringComparison.Ordinal)),
                    g.Key.PayerId))
                .ToList(),
            earned.Where(i => onDocuments.Contains(i.Id) && i.BookedOn <= asOf).GroupBy(i => (i.BookedOn, i.PayerId))
                .Select(g => new LedgerTotals.Amount(g.Key.BookedOn, g.Sum(i => i.AmountOre), g.Key.PayerId)).ToList(),
            ledger.Select(i => i.CauseKey).ToHashSet(StringComparer.Ordinal),
            earned.Where(i => i.CitizenId is not null).GroupBy(i => i.CitizenId!)
                .Select(g => new LedgerTotals.Citizen(g.Key, g.Sum(i => i.AmountOre))).ToList());
    }

    private static CostReport.Report On(LocalDate asOf, params LedgerItem[] extra) =>
        CostReport.Compute(asOf, Totals(asOf, [Handover, JobStart, .. extra], Q2), PaymentMatching.Reconcile([Q2], [PartPayment], asOf).Invoices, [Card], null);

    [Fact]
    public void A_payers_report_counts_its_items_documents_and_part_of_the_fees_and_the_partnerships_citizens_and_the_payers_sum_to_the_whole()
    {
        var card = new RateCard
        {
            Version = 1, EffectiveFrom = new LocalDate(2023, 3, 1), VatRateBasisPoints = 2500, Budgets = [new YearBudget(2023, 4_000_000)],
            PeriodicFees = [new PeriodicFee("MANAGEMENT", 400_001, BillingInterval.Quarterly)],
            Payers = [new Payer("KOMMUNE", "K", "29189757", null, 8_000), new Payer("FUND", "F", "11223344", null, 2_000, CapOre: 1_000_000)],
            RemainderPayerId = "KOMMUNE",
        };
        var kommune = Item(LedgerItemKind.HandoverFee, 800_000, Handover.EarnedOn, causeKey: "handover:a");
        var fund = Item(LedgerItemKind.HandoverFee, 200_000, Handover.EarnedOn, causeKey: "handover:a");
        (kommune.PayerId, fund.PayerId, fund.Lead) = ("KOMMUNE", "FUND", false);
        var fundInvoice = new Invoice
        {
            Id = Guid.NewGuid(), Kind = DocumentKind.Invoice, Number = 2, IssuerCvr = "12345678", PayerId = "FUND",
            IssueDate = new LocalDate(2023, 7, 3), DueDate = new LocalDate(2023, 8, 2),
            SellerName = "", BuyerName = "", BuyerCvr = "", BuyerEan = "", BuyerReference = "", PayeeBankRegistrationNumber = "", PayeeAccountNumber = "",
            NetAmountOre = 200_000, VatAmountOre = 50_000, TotalAmountOre = 250_000,
            Lines = [new InvoiceLine(1, fund.Id, "", Citizen, fund.EarnedOn, 1, 200_000, 0, null, 200_000)],
        };
        var asOf = new LocalDate(2023, 7, 10);
        var totals = Totals(asOf, [kommune, fund], fundInvoice);
        var reconciled = PaymentMatching.Reconcile([fundInvoice], [], asOf).Invoices;
        var contract = new CostReport.Contract(Guid.NewGuid(), new LocalDate(2023, 3, 1), new LocalDate(2023, 12, 31));
        CostReport.Report For(string? payer) => CostReport.Compute(asOf, totals, reconciled, [card], contract, payerId: payer);

        var (whole, ofFund, ofKommune) = (For(null), For("FUND"), For("KOMMUNE"));

        // Three quarterly fees due by 10 July (1 March, 1 April, 1 July), none booked: the fund's part of each is 80,000.00 kr rounded down.
        ofFund.Years.Single().EarnedOre.ShouldBe(200_000 + 3 * 80_000);
        (ofFund.Years.Single().EarnedOre + ofKommune.Years.Single().EarnedOre).ShouldBe(whole.Years.Single().EarnedOre);
        (ofFund.InvoicedUnpaidOre, ofKommune.InvoicedUnpaidOre, whole.InvoicedUnpaidOre).ShouldBe((250_000, 0, 250_000));
        (ofFund.CitizensHandedOver, ofKommune.CitizensHandedOver, whole.CitizensHandedOver).ShouldBe((1, 1, 1), "a split handover is one citizen");
        (ofFund.Years.Single().BudgetOre, whole.Years.Single().BudgetOre).ShouldBe((null, 4_000_000));
        (ofFund.ContractCapRemainingOre, ofKommune.ContractCapRemainingOre).ShouldBe((1_000_000 - 440_000, null), "the fund caps its own share");
    }

    [Fact]
    public void Before_the_invoice_everything_earned_is_earned_but_not_invoiced_with_VAT()
    {
        var report = On(new LocalDate(2023, 6, 30));

        (report.PaidOre, report.InvoicedUnpaidOre, report.EarnedNotInvoicedOre, report.ToDateOre).ShouldBe((0, 0, 3_750_000, 3_750_000));
        On(new LocalDate(2023, 4, 30)).EarnedNotInvoicedOre.ShouldBe(1_250_000);
    }

    [Fact]
    public void Excluding_VAT_a_payment_counts_at_its_invoices_share_of_net_and_uninvoiced_items_at_their_net_amount()
    {
        static CostReport.Report Net(LocalDate asOf) =>
            CostReport.Compute(asOf, Totals(asOf, [Handover, JobStart], Q2), PaymentMatching.Reconcile([Q2], [PartPayment], asOf).Invoices, [Card], null, excludingVat: true);

        Net(new LocalDate(2023, 6, 30)).EarnedNotInvoicedOre.ShouldBe(3_000_000);
        var partPaid = Net(new LocalDate(2023, 7, 20));
        (partPaid.PaidOre, partPaid.InvoicedUnpaidOre, partPaid.ToDateOre).ShouldBe((2_400_000, 600_000, 3_000_000));
        partPaid.Years.Single().ShareSpentBasisPoints.ShouldBe(6_000);
    }

    [Fact]
    public void Once_invoiced_it_is_invoiced_but_unpaid_and_once_paid_in_part_it_is_split()
    {
        var invoiced = On(new LocalDate(2023, 7, 19));
        (invoiced.PaidOre, invoiced.InvoicedUnpaidOre, invoiced.EarnedNotInvoicedOre).ShouldBe((0, 3_750_000, 0));

        var partPaid = On(new LocalDate(2023, 7, 20));
        (partPaid.PaidOre, partPaid.InvoicedUnpaidOre, partPaid.ToDateOre).ShouldBe((3_000_000, 750_000, 3_750_000));
    }

    [Fact]
    public void The_budget_line_reads_like_the_kommunes_follow_up_table()
    {
        var year = On(new LocalDate(2023, 12, 31)).Years.ShouldHaveSingleItem();

        (year.Number, year.BudgetOre, year.PaidOre, year.ShareSpentBasisPoints, year.ExpectedOre, year.ExpectedDifferenceOre)
            .ShouldBe((2023, 4_000_000L, 3_000_000L, 7500L, 3_750_000L, 250_000L));
    }

    [Fact]
    public void What_remains_under_each_cap_counts_the_items_earned_by_the_date()
    {
        var report = On(new LocalDate(2023, 12, 31));

        report.Years[0].CapRemainingOre.ShouldBe(10_000_000 - 3_000_000);
        report.ContractCapRemainingOre.ShouldBe(50_000_000 - 3_000_000);
        report.CitizenCaps.ShouldBe([new CostReport.CitizenCapRoom(Citizen, 3_000_000, 0)]);
        On(new LocalDate(2023, 4, 30)).CitizenCaps.ShouldBe([new CostReport.CitizenCapRoom(Citizen, 1_000_000, 2_000_000)]);
    }

    [Fact]
    public void Cost_per_citizen_and_per_milestone_divide_the_total_to_date_and_a_revoked_milestone_is_not_reached()
    {
        var report = On(new LocalDate(2023, 7, 31));
        (report.CitizensHandedOver, report.CostPerCitizenOre, report.MilestonesReached, report.CostPerMilestoneOre)
            .ShouldBe((1, 3_750_000L, 1, 3_750_000L));

        var revocation = Item(LedgerItemKind.Credit, -2_000_000, new LocalDate(2023, 8, 15), credits: JobStart.Id);
        var revoked = On(new LocalDate(2023, 8, 31), revocation);
        (revoked.MilestonesReached, revoked.CostPerMilestoneOre, revoked.EarnedNotInvoicedOre).ShouldBe((0, 0L, -2_500_000L));
        On(new LocalDate(2023, 8, 14), revocation).MilestonesReached.ShouldBe(1);
    }

    [Fact]
    public void A_milestone_and_a_handover_earned_unpriced_and_priced_later_count_once_and_their_revocation_takes_them_back_once()
    {
        var earnedOn = new LocalDate(2023, 9, 4);
        var handover = Item(LedgerItemKind.HandoverFee, 0, earnedOn, citizen: "c2", causeKey: "handover:p:c2");
        var handoverPriced = Item(LedgerItemKind.HandoverFee, 1_000_000, earnedOn, citizen: "c2", causeKey: "priced:handover:p:c2");
        var milestone = Item(LedgerItemKind.Milestone, 0, earnedOn, citizen: "c2", causeKey: "milestone:m2");
        var milestonePriced = Item(LedgerItemKind.Milestone, 2_000_000, earnedOn, citizen: "c2", causeKey: "priced:milestone:m2");

        var report = On(new LocalDate(2023, 9, 30), handover, handoverPriced, milestone, milestonePriced);
        (report.CitizensHandedOver, report.MilestonesReached, report.LedgerItems).ShouldBe((2, 2, 6));

        var revokedOn = new LocalDate(2023, 10, 2);
        var revoked = On(new LocalDate(2023, 10, 31), handover, handoverPriced, milestone, milestonePriced,
            Item(LedgerItemKind.Credit, 0, revokedOn, citizen: "c2", credits: milestone.Id, causeKey: "credit:milestone:m2"),
            Item(LedgerItemKind.Credit, -2_000_000, revokedOn, citizen: "c2", credits: milestonePriced.Id, causeKey: "credit:priced:milestone:m2"));
        revoked.MilestonesReached.ShouldBe(1);
    }

    [Fact]
    public void Earned_per_year_adds_up_the_ledger_to_the_øre_credits_included()
    {
        var credit = Item(LedgerItemKind.Credit, -50, new LocalDate(2024, 2, 1), credits: Handover.Id);
        var late = Item(LedgerItemKind.DeliverableFee, 80_000_001, new LocalDate(2025, 1, 2), citizen: null);

        var asOf = new LocalDate(2025, 12, 31);
        var report = CostReport.Compute(asOf, Totals(asOf, [Handover, JobStart, credit, late]), [], [Card], null);

        report.Years.Select(y => (y.Number, y.EarnedOre)).ShouldBe([(2023, 3_000_000L), (2024, -50L), (2025, 80_000_001L)]);
    }

    [Fact]
    public void Total_expected_adds_the_periodic_fees_still_to_fall_due_up_to_the_contract_end()
    {
        var contract = new CostReport.Contract(Guid.NewGuid(), new LocalDate(2023, 3, 1), new LocalDate(2025, 3, 31));
        var asOf = new LocalDate(2024, 11, 15);
        var report = CostReport.Compute(asOf, Totals(asOf, []), [], [WithFee], contract);

        // Quarterly fees fall on 1 January, April, July and October: of those, only 2025-01-01 is still to come.
        report.ExpectedOre.ShouldBe(report.ToDateOre + 500_000);
        report.Years.Single(y => y.Number == 2025).ExpectedOre.ShouldBe(500_000);
        CostReport.Compute(asOf, Totals(asOf, []), [], [WithFee], contract, excludingVat: true)
            .Years.Single(y => y.Number == 2025).ExpectedOre.ShouldBe(400_000);
    }

    [Fact]
    public void A_periodic_fee_due_by_the_date_counts_as_earned_whether_or_not_a_run_has_booked_it_yet()
    {
        var contract = new CostReport.Contract(Guid.NewGuid(), new LocalDate(2023, 3, 1), new LocalDate(2025, 3, 31));
        var asOf = new LocalDate(2023, 7, 1);
        var booked = PeriodicFees.Due([WithFee], contract.Start, contract.End, asOf).Select(f => new LedgerItem
        {
            Id = Guid.NewGuid(), Kind = LedgerItemKind.PeriodicFee, AmountOre = f.Fee.AmountOre, CauseKey = f.CauseKey(contract.PartnershipId),
            EarnedOn = f.EarnedOn, BookedOn = f.EarnedOn, PricingNote = "",
        }).ToList();

        var before = CostReport.Compute(asOf, Totals(asOf, []), [], [WithFee], contract);
        var after = CostReport.Compute(asOf, Totals(asOf, booked), [], [WithFee], contract);

        booked.Count.ShouldBe(3);
        (before.LedgerItems, after.LedgerItems).ShouldBe((0, 3));
        before.ShouldBeEquivalentTo(after with { LedgerItems = 0 });
        before.EarnedNotInvoicedOre.ShouldBe(3 * 500_000);
    }
}
