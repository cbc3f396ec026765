using NodaTime;
using Partnerskab.Payment.Ledger;
using Partnerskab.Payment.RateCards;

namespace Partnerskab.Payment.Tests;

/// <summary>The ledger's booking as a decision over plain values: a snapshot made of items, no database.</summary>
public sealed class LedgerBookTests
{
    private static readonly Guid PartnershipId = Guid.Parse("0193a000-0000-7000-8000-000000000001");
    private static readonly Instant Now = Instant.FromUtc(2024, 6, 1, 10, 0);
    private static readonly LocalDate March = new(2024, 3, 15);

    [Fact]
    public void An_earning_is_booked_at_its_price_with_its_cause_and_card()
    {
        var ledger = LedgerSnapshot.Of([]);
        var item = LedgerBook.Earn(ledger, Milestone("milestone:a", "CIT1", Card()), causeMessageId: null, Now).ShouldNotBeNull();

        (item.AmountOre, item.OriginalAmountOre, item.CappedBy, item.RateCardVersion, item.EarnedOn, item.RecordedAt)
            .ShouldBe((2_500_000L, 2_500_000L, CapKind.None, (int?)1, March, Now));
        item.PricingNote.ShouldBe("rate card v1: JOB_START");
        ledger.Added.ShouldHaveSingleItem().ShouldBeSameAs(item);
    }

    [Fact]
    public void A_cause_already_in_the_ledger_books_nothing_again()
    {
        var ledger = LedgerSnapshot.Of([]);
        LedgerBook.Earn(ledger, Milestone("milestone:a", "CIT1", Card()), null, Now).ShouldNotBeNull();

        LedgerBook.Earn(ledger, Milestone("milestone:a", "CIT1", Card()), null, Now).ShouldBeNull();
        LedgerBook.Earn(LedgerSnapshot.Of(ledger.Added), Milestone("milestone:a", "CIT1", Card()), null, Now).ShouldBeNull();
        ledger.Added.Count.ShouldBe(1);
    }

    [Fact]
    public void Caps_count_what_the_ledger_holds_and_what_was_booked_through_the_snapshot_since()
    {
        var card = Card(c => c.CapPerCitizenOre = 6_000_000);
        var ledger = LedgerSnapshot.Of([Booked("handover:x", "CIT1", 1_000_000)]);

        LedgerBook.Earn(ledger, Milestone("milestone:a", "CIT1", card), null, Now)!.AmountOre.ShouldBe(2_500_000);
        var reachingTheCap = LedgerBook.Earn(ledger, Milestone("milestone:b", "CIT1", card), null, Now).ShouldNotBeNull();
        (reachingTheCap.AmountOre, reachingTheCap.CappedBy).ShouldBe((2_500_000L, CapKind.None));

        var third = LedgerBook.Earn(ledger, Milestone("milestone:c", "CIT1", card), null, Now).ShouldNotBeNull();
        (third.AmountOre, third.OriginalAmountOre, third.CappedBy).ShouldBe((0L, 2_500_000L, CapKind.PerCitizen));
        LedgerBook.Earn(ledger, Milestone("milestone:d", "CIT2", card), null, Now)!.AmountOre.ShouldBe(2_500_000, "another citizen has room of their own");
    }

    [Fact]
    public void A_year_cap_counts_only_the_year_earned()
    {
        var card = Card(c => c.CapPerYearOre = 3_000_000);
        var ledger = LedgerSnapshot.Of([Booked("handover:x", "CIT1", 2_000_000), Booked("handover:y", "CIT2", 2_000_000, new LocalDate(2023, 12, 1))]);

        var item = LedgerBook.Earn(ledger, Milestone("milestone:a", "CIT3", card), null, Now).ShouldNotBeNull();

        (item.AmountOre, item.CappedBy).ShouldBe((1_000_000L, CapKind.PerCalendarYear));
        item.PricingNote.ShouldBe("rate card v1: JOB_START; capped by the calendar-year cap of 30000.00 DKK: 10000.00 of 25000.00 DKK booked");
    }

    [Fact]
    public void Without_caps_on_the_card_what_is_booked_does_not_matter()
    {
        var ledger = LedgerSnapshot.Of([Booked("handover:x", "CIT1", 99_000_000_000)]);
        LedgerBook.Earn(ledger, Milestone("milestone:a", "CIT1", Card()), null, Now)!.AmountOre.ShouldBe(2_500_000);
    }

    [Fact]
    public void A_credit_takes_back_what_the_item_booked_once()
    {
        var ledger = LedgerSnapshot.Of([]);
        var earned = LedgerBook.Earn(ledger, Milestone("milestone:a", "CIT1", Card()), null, Now)!;
        var messageId = Guid.NewGuid();

        var credit = LedgerBook.Credit(ledger, PartnershipId, "milestone:a", "CIT1", new LocalDate(2024, 5, 2), "milestone JOB_START revoked", messageId, Now)
            .ShouldNotBeNull();

        (credit.Kind, credit.AmountOre, credit.CreditsItemId, credit.CauseKey, credit.Code, credit.EarnedOn, credit.CauseMessageId)
            .ShouldBe((LedgerItemKind.Credit, -2_500_000L, (Guid?)earned.Id, "credit:milestone:a", "JOB_START", new LocalDate(2024, 5, 2), (Guid?)messageId));
        credit.PricingNote.ShouldBe("milestone JOB_START revoked; takes back milestone:a");
        LedgerBook.Credit(ledger, PartnershipId, "milestone:a", "CIT1", new LocalDate(2024, 5, 2), "again", messageId, Now).ShouldBeNull();
    }

    [Fact]
    public void A_credit_that_comes_first_stands_in_for_the_item_which_is_then_booked_at_nothing()
    {
        var ledger = LedgerSnapshot.Of([]);
        var credit = LedgerBook.Credit(ledger, PartnershipId, "milestone:a", "CIT1", March, "milestone JOB_START revoked", Guid.NewGuid(), Now)!;
        (credit.AmountOre, credit.CreditsItemId).ShouldBe((0L, (Guid?)null));
        credit.PricingNote.ShouldBe("milestone JOB_START revoked; nothing booked yet to take back");

        var item = LedgerBook.Earn(ledger, Milestone("milestone:a", "CIT1", Card()), null, Now).ShouldNotBeNull();

        (item.AmountOre, item.OriginalAmountOre).ShouldBe((0L, 2_500_000L));
        item.PricingNote.ShouldBe("rate card v1: JOB_START; taken back before it was booked, so booked at nothing");
    }

    [Fact]
    public void A_credit_frees_room_under_a_cap_for_later_items()
    {
        var card = Card(c => c.CapContractOre = 2_500_000);
        var ledger = LedgerSnapshot.Of([]);
        LedgerBook.Earn(ledger, Milestone("milestone:a", "CIT1", card), null, Now)!.AmountOre.ShouldBe(2_500_000);
        LedgerBook.Earn(ledger, Milestone("milestone:b", "CIT2", card), null, Now)!.CappedBy.ShouldBe(CapKind.Contract);

        LedgerBook.Credit(ledger, PartnershipId, "milestone:a", "CIT1", March, "revoked", Guid.NewGuid(), Now);

        LedgerBook.Earn(ledger, Milestone("milestone:c", "CIT3", card), null, Now)!.AmountOre.ShouldBe(2_500_000);
    }

    [Fact]
    public void An_item_earned_unpriced_is_priced_by_a_later_card_and_a_credit_takes_back_both()
    {
        var ledger = LedgerSnapshot.Of([]);
        var unpriced = LedgerBook.Earn(ledger, Milestone("milestone:a", "CIT1", card: null), null, Now)!;
        (unpriced.AmountOre, unpriced.Unpriced).ShouldBe((0L, true));

        PriceUnpricedItems.Book(ledger, [unpriced], [Card()], Now);
        var priced = ledger.Find("priced:milestone:a").ShouldHaveSingleItem();
        (priced.AmountOre, priced.Unpriced, priced.EarnedOn).ShouldBe((2_500_000L, false, March));
        priced.PricingNote.ShouldBe("rate card v1: JOB_START, priced after it was earned unpriced");
        PriceUnpricedItems.Book(ledger, [unpriced], [Card()], Now);
        ledger.Added.Count.ShouldBe(2, "an item is priced once");

        LedgerBook.Credit(ledger, PartnershipId, "milestone:a", "CIT1", March, "revoked", Guid.NewGuid(), Now);

        ledger.Find("credit:priced:milestone:a").ShouldHaveSingleItem().AmountOre.ShouldBe(-2_500_000);
        ledger.Added.Sum(i => i.AmountOre).ShouldBe(0);
    }

    [Fact]
    public void An_unpriced_item_taken_back_or_still_without_a_price_is_not_priced()
    {
        var ledger = LedgerSnapshot.Of([]);
        var revoked = LedgerBook.Earn(ledger, Milestone("milestone:a", "CIT1", card: null), null, Now)!;
        LedgerBook.Credit(ledger, PartnershipId, "milestone:a", "CIT1", March, "revoked", Guid.NewGuid(), Now);
        var unknownCode = LedgerBook.Earn(ledger, Milestone("milestone:b", "CIT2", card: null, code: "NOT_ON_ANY_CARD"), null, Now)!;

        PriceUnpricedItems.Book(ledger, [revoked, unknownCode], [Card()], Now);

        ledger.IsBooked("priced:milestone:a").ShouldBeFalse();
        ledger.IsBooked("priced:milestone:b").ShouldBeFalse();
    }

    [Fact]
    public void An_earning_whose_day_falls_in_a_closed_period_is_booked_on_the_first_open_day_after_it()
    {
        var ledger = new LedgerSnapshot([], new Dictionary<(Guid, int), long>(), new Dictionary<(Guid, string), long>(),
            [(PartnershipId, new DateInterval(new LocalDate(2024, 1, 1), new LocalDate(2024, 3, 31)))]);

        var item = LedgerBook.Earn(ledger, Milestone("milestone:a", "CIT1", Card()), null, Now).ShouldNotBeNull();

        (item.EarnedOn, item.BookedOn, item.BookedAfterClosedPeriod).ShouldBe((March, new LocalDate(2024, 4, 1), true));
        var elsewhere = LedgerBook.Earn(ledger, Milestone("milestone:b", "CIT1", Card()) with { PartnershipId = Guid.NewGuid() }, null, Now)!;
        (elsewhere.BookedOn, elsewhere.BookedAfterClosedPeriod).ShouldBe((March, false), "another partnership's periods are its own");
    }

    [Fact]
    public void A_credit_is_about_its_effective_day_names_its_cause_and_is_booked_when_learnt_or_after_the_closed_periods()
    {
        var closedUntilMay = new LedgerSnapshot([], new Dictionary<(Guid, int), long>(), new Dictionary<(Guid, string), long>(),
            [(PartnershipId, new DateInterval(new LocalDate(2024, 1, 1), new LocalDate(2024, 3, 31))),
             (PartnershipId, new DateInterval(new LocalDate(2024, 4, 1), new LocalDate(2024, 4, 30)))]);
        LedgerBook.Earn(closedUntilMay, Milestone("milestone:a", "CIT1", Card()), null, Now);
        var knownAt = Instant.FromUtc(2024, 4, 10, 7, 0);
        var correction = new Correction(new LocalDate(2024, 2, 12), "status-week", "2024-W07", "kommune", knownAt);

        var credit = LedgerBook.Credit(closedUntilMay, PartnershipId, "milestone:a", "CIT1", new LocalDate(2024, 4, 10), "revoked", Guid.NewGuid(), Now, correction)!;

        (credit.EarnedOn, credit.BookedOn, credit.BookedAfterClosedPeriod).ShouldBe((March, new LocalDate(2024, 5, 1), true),
            "a week re-coded before the milestone's day takes it back as of the milestone's own day");
        (credit.CorrectionKind, credit.CorrectionReference, credit.CorrectionReportedBy, credit.CorrectionKnownAt)
            .ShouldBe(("status-week", "2024-W07", "kommune", (Instant?)knownAt));
        var open = LedgerSnapshot.Of([]);
        LedgerBook.Earn(open, Milestone("milestone:a", "CIT1", Card()), null, Now);
        var learnt = LedgerBook.Credit(open, PartnershipId, "milestone:a", "CIT1", new LocalDate(2024, 4, 10), "revoked", Guid.NewGuid(), Now, correction)!;
        (learnt.EarnedOn, learnt.BookedOn, learnt.BookedAfterClosedPeriod).ShouldBe((March, new LocalDate(2024, 4, 10), false));
        var old = LedgerBook.Credit(LedgerSnapshot.Of([Booked("handover:x", "CIT1", 10)]), PartnershipId, "handover:x", "CIT1", new LocalDate(2024, 4, 10), "exit",
            Guid.NewGuid(), Now)!;
        (old.EarnedOn, old.BookedOn, old.CorrectionKind).ShouldBe((new LocalDate(2024, 4, 10), new LocalDate(2024, 4, 10), (string?)null),
            "without a correction a credit is about the day it was learnt");
    }

    private static RateCard Card(Action<RateCard>? change = null)
    {
        var card = new RateCard
        {
            PartnershipId = PartnershipId, Version = 1, EffectiveFrom = new LocalDate(2024, 1, 1), MilestonePrices = [new("JOB_START", 2_500_000)],
        };
        change?.Invoke(card);
        return card;
    }

    private static Earning Milestone(string causeKey, string citizenId, RateCard? card, string code = "JOB_START") =>
        new(PartnershipId, citizenId, LedgerItemKind.Milestone, code, causeKey, March, card, Pricing.Milestone(card is null ? [] : [card], code, March));

    private static LedgerItem Booked(string causeKey, string citizenId, long amountOre, LocalDate? earnedOn = null) => new()
    {
        Id = Guid.NewGuid(), PartnershipId = PartnershipId, CitizenId = citizenId, Kind = LedgerItemKind.HandoverFee, CauseKey = causeKey,
        UnitPriceOre = amountOre, OriginalAmountOre = amountOre, AmountOre = amountOre, EarnedOn = earnedOn ?? March, BookedOn = earnedOn ?? March, PricingNote = "booked before",
    };
}
