using NodaTime;

namespace Partnerskab.Outcome.Timeline;

/// <summary>
/// A citizen's decided weekly statuses in compact form: one byte per ISO week from the week
/// containing the follow-up's start: the status's number, with the high bit set when the
/// register decided the week, and 0 where no source reported it. Status ingestion keeps it on
/// the citizen's row in the same transaction as the reports, so the milestone engine and the
/// reads over a whole partnership (committee report, worklist) need no report.
/// </summary>
public readonly struct DecidedWeeks
{
    private const byte ByRegister = 0x80;

    private readonly LocalDate firstWeek;
    private readonly byte[] statuses;

    public DecidedWeeks(LocalDate followUpStart, byte[] statuses)
    {
        firstWeek = WeeklyTimeline.WeekOf(followUpStart);
        this.statuses = statuses;
    }

    /// <summary>The decided weeks of a timeline; weeks before the follow-up's first week are not kept (nothing reads them).</summary>
    public static DecidedWeeks Of(LocalDate followUpStart, IEnumerable<WeeklyTimeline.Week> weeks) => new(followUpStart, Encode(followUpStart, weeks));

    public static byte[] Encode(LocalDate followUpStart, IEnumerable<WeeklyTimeline.Week> weeks) =>
        new DecidedWeeks(followUpStart, []).With(weeks.Select(w => new WeeklyTimeline.Report(w.WeekStart, w.DecidedBy, w.Status, 0)));

    /// <summary>
    /// These weeks after new reports: the register's report decides its week, the provider's
    /// only a week the register has not reported. A source reports a week once, so the reports'
    /// order does not matter. Returns a new array; this one is left as it was.
    /// </summary>
    public byte[] With(IEnumerable<WeeklyTimeline.Report> reports)
    {
        var first = firstWeek;
        var kept = reports.Select(r => (Index: IndexOf(first, r.WeekStart), r)).Where(r => r.Index >= 0).ToList();
        var length = kept.Select(r => r.Index + 1).Append(Statuses.Length).Max();
        var result = new byte[length];
        Statuses.CopyTo(result, 0);
        foreach (var (index, report) in kept)
        {
            if (report.Source == StatusSource.Register) result[index] = (byte)((byte)report.Status | ByRegister);
            else if ((result[index] & ByRegister) == 0) result[index] = (byte)report.Status;
        }
        return result;
    }

    /// <summary>The decided week starting on <paramref name="weekStart"/> (a Monday), or null when no source reported it.</summary>
    public DecidedWeek? In(LocalDate weekStart)
    {
        var index = IndexOf(firstWeek, weekStart);
        return index >= 0 && index < Statuses.Length && Statuses[index] != 0 ? WeekAt(index) : null;
    }

    /// <summary>The decided status of the ISO week starting on <paramref name="weekStart"/>, or null when no source reported it.</summary>
    public WeeklyStatusKind? StatusIn(LocalDate weekStart) => In(weekStart)?.Status;

    /// <summary>The decided status of the ISO week containing the day.</summary>
    public WeeklyStatusKind? StatusOn(LocalDate day) => StatusIn(WeeklyTimeline.WeekOf(day));

    /// <summary>Every reported week, in week order.</summary>
    public IEnumerable<DecidedWeek> Reported()
    {
        for (var index = 0; index < Statuses.Length; index++)
        {
            if (Statuses[index] != 0) yield return WeekAt(index);
        }
    }

    private byte[] Statuses => statuses ?? [];

    private DecidedWeek WeekAt(int index) => new(
        firstWeek.PlusWeeks(index),
        (WeeklyStatusKind)(Statuses[index] & ~ByRegister),
        (Statuses[index] & ByRegister) != 0 ? StatusSource.Register : StatusSource.Provider);

    private static int IndexOf(LocalDate firstWeek, LocalDate weekStart) => Period.DaysBetween(firstWeek, weekStart) / 7;
}

/// <summary>A week's decided status and the source that decided it.</summary>
public readonly record struct DecidedWeek(LocalDate WeekStart, WeeklyStatusKind Status, StatusSource DecidedBy)
{
    public bool SelfSufficient => WeeklyTimeline.IsSelfSufficient(Status);
}
