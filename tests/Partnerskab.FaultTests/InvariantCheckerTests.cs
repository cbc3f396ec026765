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
    private static readonly Guid ParkedId = Guid.Parse("0193a000-0000-7000-8000-0000000000c1");
    private static readonly DateTimeOffset Now = new(2026, 11, 24, 6, 0, 0, TimeSpan.Zero);
    private static readonly TimeSpan Horizon = TimeSpan.FromSeconds(40);
    private const string Citizen = "0123456789abcdef0123456789abcdef";
    private const string OtherCitizen = "fedcba9876543210fedcba9876543210";

    /// <summary>One citizen handed over, followed up, paid its fee and one milestone; outbox and error queues empty.</summary>
    private static readonly SuiteSnapshot Consistent = new(
        [new HandedOverCitizen(Partnership, Citizen)],
        [new CitizenKey(Partnership, Citizen)],
        [new AchievedMilestone(MilestoneId, Partnership, Citizen, "JOB_START")],
        [
            new LedgerEntry(FeeItem, Partnership, Citizen, HandoverFeeKind, $"handover:{Partnership}:{Citizen}", 1_000_000, null),
            new LedgerEntry(MilestoneItem, Partnership, Citizen, MilestoneKind, $"milestone:{MilestoneId}", 2_500_000, null),
        ],
        [],
        []);

    [Fact]
    public void Consistent_data_has_no_violation() =>
        InvariantChecker.Check(Consistent, Now, Horizon).ShouldBeEmpty();

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
        var violations = InvariantChecker.Check(Consistent with { Ledger = [Consistent.Ledger[0]] }, Now, Horizon);

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
        var credit = new LedgerEntry(Guid.NewGuid(), Partnership, Citizen, CreditKind, $"credit:milestone:{MilestoneId}", -2_500_000, MilestoneItem);
        var second = credit with { Id = Guid.NewGuid(), CauseKey = "credit:other" };
        var dangling = credit with { Id = Guid.NewGuid(), CauseKey = $"credit:milestone:{Guid.Empty}", CreditsItemId = Guid.Empty };

        InvariantChecker.Check(Consistent with { Ledger = [.. Consistent.Ledger, credit] }, Now, Horizon).ShouldBeEmpty();
        var violations = InvariantChecker.Check(Consistent with { Ledger = [.. Consistent.Ledger, credit, second, dangling] }, Now, Horizon);

        violations.Select(v => v.Invariant).Order().ShouldBe([
            "credit of an item that does not exist",
            "ledger item credited more than once",
            "milestone credit without an achieved milestone",
        ]);
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
