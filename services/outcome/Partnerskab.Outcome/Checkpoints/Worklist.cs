using NodaTime;

namespace Partnerskab.Outcome.Checkpoints;

public enum WorklistItemKind
{
    ContactOverdue = 1,
    StatusOverdue = 2,
    CloseOutOverdue = 3,
    NoRecentContact = 4,
}

/// <summary>
/// What needs doing in a partnership on a day, from its citizens' schedules: every overdue
/// checkpoint, and every citizen in follow-up left without contact for more than the plan's
/// days. Items sort by due day, citizen and kind; that key is also the page boundary.
/// </summary>
public static class Worklist
{
    public sealed record Item(WorklistItemKind Kind, string CitizenId, LocalDate DueOn, int Months, LocalDate? LastContactOn, int DaysWithoutContact)
    {
        public Key SortKey => new(DueOn, CitizenId, Kind, Months);
    }

    public sealed record Key(LocalDate DueOn, string CitizenId, WorklistItemKind Kind, int Months) : IComparable<Key>
    {
        public int CompareTo(Key? other)
        {
            if (other is null) return 1;
            var byDate = DueOn.CompareTo(other.DueOn);
            if (byDate != 0) return byDate;
            var byCitizen = string.CompareOrdinal(CitizenId, other.CitizenId);
            return byCitizen != 0 ? byCitizen : (Kind, Months).CompareTo((other.Kind, other.Months));
        }
    }

    public static IEnumerable<Item> Items(string citizenId, FollowUpSchedule.Schedule schedule, int noContactDays)
    {
        foreach (var checkpoint in schedule.Checkpoints.Where(c => c.State == CheckpointState.Overdue))
        {
            var kind = checkpoint.Kind switch
            {
                CheckpointKind.Contact => WorklistItemKind.ContactOverdue,
                CheckpointKind.Status => WorklistItemKind.StatusOverdue,
                _ => WorklistItemKind.CloseOutOverdue,
            };
            yield return new Item(kind, citizenId, checkpoint.DueOn, checkpoint.Months, schedule.LastContactOn, schedule.DaysWithoutContact);
        }
        if (schedule.LeftWithoutContact)
        {
            yield return new Item(WorklistItemKind.NoRecentContact, citizenId, schedule.SilentSince.PlusDays(noContactDays),
                0, schedule.LastContactOn, schedule.DaysWithoutContact);
        }
    }

    /// <summary>One page of the sorted items after the previous page's last key.</summary>
    public static (IReadOnlyList<Item> Page, Key? Next) Page(IEnumerable<Item> items, Key? after, int pageSize)
    {
        var sorted = items.Where(i => after is null || i.SortKey.CompareTo(after) > 0).OrderBy(i => i.SortKey).Take(pageSize + 1).ToList();
        return sorted.Count > pageSize ? (sorted[..pageSize], sorted[pageSize - 1].SortKey) : (sorted, null);
    }
}
