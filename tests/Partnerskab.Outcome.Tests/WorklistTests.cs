using NodaTime;
using Partnerskab.Outcome.Checkpoints;
using Partnerskab.Outcome.FollowUp;
using Partnerskab.Outcome.Timeline;
using static Partnerskab.Outcome.Checkpoints.FollowUpSchedule;

namespace Partnerskab.Outcome.Tests;

public sealed class WorklistTests
{
    private static readonly FollowUpPlan Plan = new() { ContactIntervalWeeks = 4, StatusCheckpointMonths = [3], NoContactDays = 30 };
    private static readonly FollowUpWindow Window = new(new LocalDate(2023, 4, 3), new LocalDate(2025, 4, 3), null);
    private const string A = "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa";
    private const string B = "bbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb";

    private static IEnumerable<Worklist.Item> Items(string citizen, LocalDate asOf, params LocalDate[] contacts) =>
        Worklist.Items(citizen, FollowUpSchedule.Build(Plan, Window, asOf, contacts, DecidedWeeks.Of(Window.Start, [])), Plan.NoContactDays);

    [Fact]
    public void Overdue_checkpoints_and_a_citizen_left_without_contact_are_items_and_met_or_upcoming_ones_are_not()
    {
        var asOf = new LocalDate(2023, 7, 12);

        var items = Items(A, asOf, new LocalDate(2023, 5, 2)).Select(i => (i.Kind, i.DueOn, i.Months, i.DaysWithoutContact)).ToList();

        items.ShouldBe([
            (WorklistItemKind.ContactOverdue, new LocalDate(2023, 4, 30), 0, 71),
            (WorklistItemKind.ContactOverdue, new LocalDate(2023, 6, 25), 0, 71),
            (WorklistItemKind.StatusOverdue, new LocalDate(2023, 7, 9), 3, 71),
            (WorklistItemKind.NoRecentContact, new LocalDate(2023, 6, 1), 0, 71),
        ]);
    }

    [Fact]
    public void Pages_follow_the_due_day_then_citizen_and_every_item_comes_exactly_once()
    {
        var asOf = new LocalDate(2023, 9, 1);
        var all = Items(A, asOf).Concat(Items(B, asOf, new LocalDate(2023, 4, 5))).ToList();

        var seen = new List<Worklist.Item>();
        Worklist.Key? after = null;
        do
        {
            var (page, next) = Worklist.Page(all, after, 2);
            page.Count.ShouldBeLessThanOrEqualTo(2);
            seen.AddRange(page);
            after = next;
        }
        while (after is not null);

        seen.Count.ShouldBe(all.Count);
        seen.ShouldBe(all.OrderBy(i => i.DueOn).ThenBy(i => i.CitizenId, StringComparer.Ordinal).ThenBy(i => i.Kind));
        (seen[0].CitizenId, seen[0].Kind, seen[1].CitizenId).ShouldBe((A, WorklistItemKind.ContactOverdue, A));
    }

    [Fact]
    public void A_closed_out_citizen_keeps_only_the_statuses_that_can_still_be_reported()
    {
        var items = Items(A, new LocalDate(2025, 5, 1)).Select(i => i.Kind).Distinct().ToList();

        items.ShouldBe([WorklistItemKind.StatusOverdue, WorklistItemKind.CloseOutOverdue]);
    }
}
