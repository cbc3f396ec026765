using NodaTime;
using Partnerskab.Outcome.Timeline;

namespace Partnerskab.Outcome.BusinessCase;

/// <summary>
/// One citizen's weeks by month since start, for the months wholly observed: month 1 is
/// [start, start + 1 month), and a month counts once its last day is on or before the day asked
/// about and before the citizen's end (the follow-up's end or an exit; for a comparison citizen
/// the same length of time from entering the target group). A week belongs to the month holding
/// its Monday, or the start for the week the start falls in. A week is on benefit when its status
/// has a rate; the spell's week counts those weeks from the start (a self-sufficient week does not
/// reset it). Pure: the same weeks, rates and day give the same months.
/// </summary>
public sealed class CitizenMonths
{
    /// <summary>A citizen as the case reads it: from <paramref name="Start"/> to <paramref name="End"/> (exclusive).</summary>
    public sealed record Citizen(LocalDate Start, LocalDate End, DecidedWeeks Weeks);

    /// <summary>A weighed status with no rate for the year of a week it was reported in.</summary>
    public sealed record MissingRate(WeeklyStatusKind Status, int Year);

    public sealed record Month(int Weeks, int BenefitWeeks, int SelfSufficientWeeks, long CostOre);

    public IReadOnlyList<Month> Months { get; }

    public IReadOnlyCollection<MissingRate> MissingRates { get; }

    private CitizenMonths(IReadOnlyList<Month> months, IReadOnlyCollection<MissingRate> missing)
    {
        Months = months;
        MissingRates = missing;
    }

    /// <param name="maxMonths">The follow-up's length in months: no month after it counts.</param>
    public static CitizenMonths Of(Citizen citizen, LocalDate asOf, int maxMonths, BenefitRates rates)
    {
        var observed = 0;
        while (observed < maxMonths && citizen.Start.PlusMonths(observed + 1) is var end && end <= citizen.End && end <= asOf.PlusDays(1)) observed++;

        var months = new List<Month>(observed);
        var missing = new HashSet<MissingRate>();
        var spell = 0;
        var week = WeeklyTimeline.WeekOf(citizen.Start);
        for (var m = 0; m < observed; m++)
        {
            int weeks = 0, benefit = 0, selfSufficient = 0;
            long cost = 0;
            for (var monthEnd = citizen.Start.PlusMonths(m + 1); week < monthEnd; week = week.PlusWeeks(1))
            {
                weeks++;
                if (citizen.Weeks.StatusIn(week) is not { } status) continue;
                if (WeeklyTimeline.IsSelfSufficient(status)) selfSufficient++;
                if (!rates.Weighs(status)) continue;
                benefit++;
                spell++;
                if (rates.CostOfWeek(status, week, spell) is { } weekCost) cost += weekCost;
                else missing.Add(new MissingRate(status, BenefitRates.YearOf(week)));
            }
            months.Add(new Month(weeks, benefit, selfSufficient, cost));
        }
        return new CitizenMonths(months, missing);
    }
}
