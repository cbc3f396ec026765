using Partnerskab.Testing.Invariants;
using Shouldly;
using static Partnerskab.Testing.Invariants.SuiteSnapshot;

namespace Partnerskab.FaultTests;

/// <summary>The checker against deliberately broken data: each break is reported, with its details, and nothing else is.</summary>
public sealed class InvariantCheckerTests
{
    private static readonly Guid Partnership = Guid.Parse("0193a000-0000-7000-8000-000000000001");
    private static readonly Guid MilestoneId = Guid.Parse("0193a000-0000-7000-8000-0000000000a1");
    private static readonly Guid FeeItem = Guid.Parse("0193a000-0000-7000-8000-0000000000b1");
    private static readonly Guid MilestoneItem = Guid.Parse("0193a000-0000-7000-8000-0000000000b2");
    private static readonly Guid InvoiceId = Guid.Parse("0193a000-0000-7000-8000-0000000000d1");
    private static readonly Guid ParkedId = Guid.Parse("0193a000-0000-7000-8000-0000000000c1");
    private static readonly DateTimeOffset Now = new(2026, 11, 24, 6, 0, 0, TimeSpan.Zero);
    private static readonly TimeSpan Horizon = TimeSpan.FromSeconds(40);
    private const string Citizen = "0123456789abcdef0123456789abcdef";
    private const string OtherCitizen = "fedcba9876543210fedcba9876543210";

    /// <summary>
    /// One citizen handed over, followed up, paid its fee and one milestone, both on one invoice at 25 % VAT; outbox and
    /// error queues empty.
    /// </summary>
    private static readonly SuiteSnapshot Consistent = new(
        [new HandedOverCitizen(Partnership, Citizen)],
        [new CitizenKey(Partnership, Citizen)],
        [new AchievedMilestone(MilestoneId, Partnership, Citizen, "JOB_START")],
        [
            new LedgerEntry(FeeItem, Partnership, Citizen, HandoverFeeKind, $"handover:{Partnership}:{Citizen}", 1_000_000, null),
            new LedgerEntry(MilestoneItem, Partnership, Citizen, MilestoneKind, $"milestone:{MilestoneId}", 2_500_000, null),
        ],
        [new IssuedDocument(InvoiceId, InvoiceKind, 1, null, 3_500_000, 875_000, 4_375_000,
            [new DocumentLine(1, FeeItem, 1, 1_000_000, 0, 1_000_000), new DocumentLine(2, MilestoneItem, 1, 3_000_000, 500_000, 2_500_000)])],
        [],
        []);

    private static readonly Guid CreditId = Guid.Parse("0193a000-0000-7000-8000-0000000000b4");

    /// <summary><see cref="Consistent"/> after the milestone was revoked and its credit put on a credit note.</summary>
    private static readonly SuiteSnapshot Revoked = Consistent with
    {
        OutcomeMilestones = [Consistent.OutcomeMilestones[0] with { Revoked = true }],
        Ledger = [.. Consistent.Ledger, new LedgerEntry(CreditId, Partnership, Citizen, CreditKind, $"credit:milestone:{MilestoneId}", -2_500_000, MilestoneItem)
        {
            CauseMessageId = Guid.NewGuid(),
        }],
        Documents = [.. Consistent.Documents, new IssuedDocument(Guid.NewGuid(), CreditNoteKind, 2, InvoiceId, 2_500_000, 625_000, 3_125_000,
            [new DocumentLine(1, CreditId, 1, 2_500_000, 0, 2_500_000)])],
    };

    [Fact]
    public void Consistent_data_has_no_violation() =>
        InvariantChecker.Check(Consistent, Now, Horizon).ShouldBeEmpty();

    [Fact]
    public void A_credit_without_its_cause_and_anything_added_to_a_closed_period_after_closing_are_reported()
    {
        var closedAt = new DateTimeOffset(2023, 10, 6, 12, 0, 0, TimeSpan.Zero);
        var closed = Revoked with { ClosedPeriods = [new ClosedPeriod(Partnership, new DateOnly(2023, 7, 1), new DateOnly(2023, 9, 30), closedAt)] };
        // A deliverable fee: no other invariant speaks of deliverables.
        var late = new LedgerEntry(Guid.NewGuid(), Partnership, null, 3, "deliverable:late", 1, null)
        {
            BookedOn = new DateOnly(2023, 9, 18), RecordedAt = closedAt.AddDays(1),
        };
        var before = late with { Id = Guid.NewGuid(), CauseKey = "deliverable:before", RecordedAt = closedAt.AddDays(-1) };
        var afterIt = late with { Id = Guid.NewGuid(), CauseKey = "deliverable:after", BookedOn = new DateOnly(2023, 10, 1) };
        var document = Consistent.Documents[0] with { PartnershipId = Partnership, PeriodEnd = new DateOnly(2023, 9, 30), CreatedAt = closedAt.AddHours(1) };

        InvariantChecker.Check(closed, Now, Horizon).ShouldBeEmpty();
        var violations = InvariantChecker.Check(closed with
        {
            Ledger = [.. closed.Ledger.Select(i => i.Id == CreditId ? i with { CauseMessageId = null } : i), late, before, afterIt],
            Documents = [document, .. closed.Documents.Skip(1)],
        }, Now, Horizon);

        violations.Select(v => v.Invariant).ShouldBe(
            ["credit without its cause", "ledger item booked in a closed period", "document of a closed period issued after it was closed"], ignoreOrder: true);
        violations.Single(v => v.Invariant == "ledger item booked in a closed period").Detail.ShouldContain("deliverable:late");
    }

    [Fact]
    public void A_gap_or_a_repeat_in_an_issuers_numbers_and_an_item_on_two_documents_are_reported()
    {
        var invoice = Revoked.Documents[0];
        var creditNote = Revoked.Documents[1];
        var otherIssuers = Revoked with
        {
            Documents = [invoice with { IssuerCvr = "11111111" }, creditNote with { IssuerCvr = "22222222", Number = 1 }],
        };
        InvariantChecker.Check(otherIssuers, Now, Horizon).ShouldBeEmpty("each issuer has a series of its own");

        var gap = InvariantChecker.Check(Revoked with { Documents = [invoice, creditNote with { Number = 3 }] }, Now, Horizon);
        Only(gap).ShouldBe(new Violation("document numbers of an issuer not 1 to n without gap or repeat", "issuer : 2 documents numbered 1, 3"));

        var repeat = InvariantChecker.Check(Revoked with { Documents = [invoice, creditNote with { Number = 1 }] }, Now, Horizon);
        Only(repeat).Detail.ShouldBe("issuer : 2 documents numbered 1, 1");

        var twice = InvariantChecker.Check(Revoked with { Documents = [.. Revoked.Documents, creditNote with { Id = Guid.NewGuid(), Number = 3 }] }, Now, Horizon);
        Only(twice).ShouldBe(new Violation("ledger item on more than one document line", $"item {CreditId} on documents 2, 3"));
    }

    [Fact]
    public void A_handover_the_outcome_service_never_heard_of_is_reported()
    {
        var violations = InvariantChecker.Check(Consistent with { OutcomeFollowUps = [] }, Now, Horizon);

        Only(violations).ShouldBe(new Violation("handed-over citizen unknown to outcome", $"citizen {Citizen} of partnership {Partnership}"));
    }

    [Fact]
    public void A_handover_without_its_fee_and_a_fee_without_a_handover_are_reported()
    {
        var violations = InvariantChecker.Check(Consistent with
        {
            CohortCitizens = [.. Consistent.CohortCitizens, new HandedOverCitizen(Partnership, OtherCitizen)],
            OutcomeFollowUps = [.. Consistent.OutcomeFollowUps, new CitizenKey(Partnership, OtherCitizen)],
            Ledger = [.. Consistent.Ledger, new LedgerEntry(Guid.NewGuid(), Guid.NewGuid(), Citizen, HandoverFeeKind, "handover:elsewhere", 1, null)],
        }, Now, Horizon);

        violations.Select(v => v.Invariant).Order().ShouldBe(
            ["handed-over citizen without exactly one handover fee", "handover fee for a citizen cohort never handed over"]);
        violations.ShouldContain(new Violation("handed-over citizen without exactly one handover fee", $"citizen {OtherCitizen} of partnership {Partnership} has 0"));
    }

    [Fact]
    public void A_milestone_lost_on_the_way_to_the_ledger_is_reported()
    {
        var violations = InvariantChecker.Check(Consistent with { Ledger = [Consistent.Ledger[0]], Documents = [] }, Now, Horizon);

        Only(violations).ShouldBe(new Violation("achieved milestone without exactly one ledger item",
            $"milestone {MilestoneId} (JOB_START, citizen {Citizen}) has 0"));
    }

    [Fact]
    public void A_milestone_paid_twice_is_reported_both_as_doubled_item_and_doubled_cause()
    {
        var twice = Consistent.Ledger[1] with { Id = Guid.Parse("0193a000-0000-7000-8000-0000000000b3") };
        var violations = InvariantChecker.Check(Consistent with { Ledger = [.. Consistent.Ledger, twice] }, Now, Horizon);

        violations.ShouldBe([
            new Violation("achieved milestone without exactly one ledger item", $"milestone {MilestoneId} (JOB_START, citizen {Citizen}) has 2"),
            new Violation("ledger cause booked more than once", $"milestone:{MilestoneId}: items {MilestoneItem}, {twice.Id}, 5000000 øre in all"),
        ]);
    }

    [Fact]
    public void A_payment_without_a_milestone_is_reported()
    {
        var invented = new LedgerEntry(Guid.NewGuid(), Partnership, OtherCitizen, MilestoneKind, $"milestone:{Guid.Empty}", 2_500_000, null);
        var violations = InvariantChecker.Check(Consistent with { Ledger = [.. Consistent.Ledger, invented] }, Now, Horizon);

        Only(violations).Invariant.ShouldBe("ledger milestone item without an achieved milestone");
    }

    [Fact]
    public void Credits_of_nothing_twice_or_of_an_unknown_milestone_are_reported()
    {
        var credit = Revoked.Ledger[2];
        var second = credit with { Id = Guid.NewGuid(), CauseKey = "credit:other" };
        var dangling = credit with { Id = Guid.NewGuid(), CauseKey = $"credit:milestone:{Guid.Empty}", CreditsItemId = Guid.Empty };

        InvariantChecker.Check(Revoked, Now, Horizon).ShouldBeEmpty();
        var violations = InvariantChecker.Check(Revoked with { Ledger = [.. Revoked.Ledger, second, dangling] }, Now, Horizon);

        violations.Select(v => v.Invariant).Order().ShouldBe([
            "credit of an item that does not exist",
            "ledger item credited more than once",
            "milestone credit without an achieved milestone",
        ]);
    }

    [Fact]
    public void A_revocation_lost_on_the_way_to_the_ledger_and_a_credit_of_a_standing_milestone_are_reported()
    {
        var lost = InvariantChecker.Check(Consistent with { OutcomeMilestones = Revoked.OutcomeMilestones }, Now, Horizon);
        var invented = InvariantChecker.Check(Revoked with { OutcomeMilestones = Consistent.OutcomeMilestones }, Now, Horizon);

        Only(lost).ShouldBe(new Violation("revoked milestone without exactly one credit", $"milestone {MilestoneId} (JOB_START, citizen {Citizen}) has 0"));
        Only(invented).ShouldBe(new Violation("milestone credit of a milestone that stands", $"item {CreditId} (credit:milestone:{MilestoneId})"));
    }

    [Fact]
    public void A_document_whose_totals_are_not_its_lines_is_reported()
    {
        var invoice = Consistent.Documents[0];
        var wrongNet = InvariantChecker.Check(Consistent with { Documents = [invoice with { NetAmountOre = 3_400_000, TotalAmountOre = 4_275_000 }] }, Now, Horizon);
        var wrongTotal = InvariantChecker.Check(Consistent with { Documents = [invoice with { TotalAmountOre = 4_375_001 }] }, Now, Horizon);

        Only(wrongNet).ShouldBe(new Violation("document totals not the sum of their lines",
            "invoice 1: net 3400000, lines 3500000, VAT 875000, total 4275000 øre"));
        Only(wrongTotal).Invariant.ShouldBe("document totals not the sum of their lines");
    }

    [Fact]
    public void A_line_that_is_not_its_ledger_item_is_reported()
    {
        var invoice = Consistent.Documents[0];
        var overbilled = invoice with { NetAmountOre = 3_600_000, TotalAmountOre = 4_500_000, VatAmountOre = 900_000,
            Lines = [invoice.Lines[0], new DocumentLine(2, MilestoneItem, 1, 2_600_000, 0, 2_600_000)] };
        var creditNote = Revoked.Documents[1];
        var creditOnWrongInvoice = creditNote with { CreditedInvoiceId = Guid.NewGuid() };
        var creditOnInvoice = invoice with { Lines = [.. invoice.Lines, new DocumentLine(3, CreditId, 1, 0, 0, 0)] };

        Only(InvariantChecker.Check(Consistent with { Documents = [overbilled] }, Now, Horizon)).ShouldBe(new Violation("document line not its ledger item",
            $"invoice 1 line 2: item {MilestoneItem} (milestone:{MilestoneId}, 2500000 øre), line 1 × 2600000 − 0 = 2600000 øre"));
        Only(InvariantChecker.Check(Revoked with { Documents = [invoice, creditOnWrongInvoice] }, Now, Horizon)).Invariant
            .ShouldBe("document line not its ledger item");
        var creditTwice = InvariantChecker.Check(Revoked with { Documents = [creditOnInvoice, creditNote] }, Now, Horizon);
        creditTwice.Select(v => v.Invariant).ShouldBe(["document line not its ledger item", "ledger item on more than one document line"]);
        creditTwice[0].Detail.ShouldStartWith("invoice 1 line 3");
    }

    [Fact]
    public void Payers_items_that_miss_their_day_totals_a_line_of_another_payer_and_a_split_cause_without_one_lead_are_reported()
    {
        // The handover fee the kommune's alone, the milestone split across two payers, each billed its own items on its own invoice.
        var fundItem = Guid.Parse("0193a000-0000-7000-8000-0000000000b5");
        var fundInvoice = Guid.Parse("0193a000-0000-7000-8000-0000000000d2");
        var fee = Consistent.Ledger[0] with { PayerId = "KOMMUNE" };
        var kommune = Consistent.Ledger[1] with { AmountOre = 2_000_000, PayerId = "KOMMUNE" };
        var fund = Consistent.Ledger[1] with { Id = fundItem, AmountOre = 500_000, PayerId = "FUND", Lead = false };
        var split = Consistent with
        {
            Ledger = [fee, kommune, fund],
            Documents =
            [
                new IssuedDocument(InvoiceId, InvoiceKind, 1, null, 3_000_000, 750_000, 3_750_000,
                    [Consistent.Documents[0].Lines[0], new DocumentLine(2, MilestoneItem, 1, 2_000_000, 0, 2_000_000)]) { PayerId = "KOMMUNE" },
                new IssuedDocument(fundInvoice, InvoiceKind, 2, null, 500_000, 125_000, 625_000, [new DocumentLine(1, fundItem, 1, 500_000, 0, 500_000)]) { PayerId = "FUND" },
            ],
            PayerTotals = [new PayerTotal(Partnership, "KOMMUNE", 3_000_000), new PayerTotal(Partnership, "FUND", 500_000)],
        };

        InvariantChecker.Check(split, Now, Horizon).ShouldBeEmpty();
        Only(InvariantChecker.Check(split with { PayerTotals = [split.PayerTotals![1]] }, Now, Horizon)).ShouldBe(new Violation(
            "payer's day totals not the sum of its items", $"partnership {Partnership} payer 'KOMMUNE': items 3000000, day totals 0 øre"));
        var wrongPayer = split with { Documents = [split.Documents[0] with { PayerId = "FUND" }, split.Documents[1]] };
        InvariantChecker.Check(wrongPayer, Now, Horizon).ShouldBe([
            new Violation("document line of another payer's item", "document 1 of payer 'FUND' line 1: item of payer 'KOMMUNE'"),
            new Violation("document line of another payer's item", "document 1 of payer 'FUND' line 2: item of payer 'KOMMUNE'"),
        ]);
        var noLead = split with { Ledger = [fee, kommune with { Lead = false }, fund] };
        InvariantChecker.Check(noLead, Now, Horizon).Select(v => v.Invariant).ShouldBe(
            ["achieved milestone without exactly one ledger item", "ledger cause without exactly one lead item"]);
    }

    [Fact]
    public void An_outbox_row_is_a_violation_only_once_it_is_older_than_the_retry_horizon()
    {
        var fresh = new UnsentOutboxRow("outcome", Guid.NewGuid(), "MilestoneAchieved", Now - Horizon + TimeSpan.FromSeconds(1), 2, "broker unreachable");
        var stale = fresh with { CreatedAt = Now - Horizon - TimeSpan.FromSeconds(1) };

        InvariantChecker.Check(Consistent with { UnsentOutbox = [fresh] }, Now, Horizon).ShouldBeEmpty();
        var violation = Only(InvariantChecker.Check(Consistent with { UnsentOutbox = [stale] }, Now, Horizon));
        violation.Invariant.ShouldBe("outbox row unsent beyond the retry horizon");
        violation.Detail.ShouldContain(stale.MessageId.ToString());
        violation.Detail.ShouldContain("broker unreachable");
    }

    [Fact]
    public void A_parked_message_is_a_violation_unless_it_is_explained()
    {
        var parked = new ErrorQueueMessage("payment-earn-milestone-payment", ParkedId, "MilestoneAchieved", "P0001: rejected by the test");
        var snapshot = Consistent with { ErrorQueues = [parked] };

        Only(InvariantChecker.Check(snapshot, Now, Horizon)).ShouldBe(new Violation("unexplained message in an error queue",
            $"payment-earn-milestone-payment: message {ParkedId} (MilestoneAchieved), reason: P0001: rejected by the test"));
        InvariantChecker.Check(snapshot, Now, Horizon, new Dictionary<Guid, string> { [ParkedId] = "the poison test's message" }).ShouldBeEmpty();
    }

    private static Violation Only(IReadOnlyList<Violation> violations)
    {
        violations.Count.ShouldBe(1, string.Join('\n', violations));
        return violations[0];
    }
}
