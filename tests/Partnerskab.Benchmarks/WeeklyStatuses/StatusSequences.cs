using Partnerskab.Protos.Outcome.V1;

namespace Partnerskab.Benchmarks;

/// <summary>
/// Plausible weekly status sequences, the same for the same seed and citizen: a citizen starts
/// on the benefit they were handed over on, and week by week may move to a work placement, a
/// flex job, education or ordinary employment (with paid hours), and sometimes back. Used for
/// the streamed weekly statuses, their COPY ceiling and the national data set.
/// </summary>
public static class StatusSequences
{
    public readonly record struct Week(WeeklyStatus Status, int PaidHoursHundredths);

    private static readonly WeeklyStatus[] OnBenefit = [WeeklyStatus.SicknessBenefit, WeeklyStatus.JobClarificationBenefit];

    public static IEnumerable<Week> For(int seed, int citizen)
    {
        var random = new Random(HashCode.Combine(seed, citizen));
        var status = OnBenefit[citizen % OnBenefit.Length];
        while (true)
        {
            status = Next(status, random.NextDouble());
            yield return new Week(status, status switch
            {
                WeeklyStatus.OrdinaryEmployment => random.Next(15, 38) * 100,
                WeeklyStatus.FlexJob => random.Next(10, 25) * 100,
                _ => 0,
            });
        }
    }

    /// <summary>The outcome service's rule (WeeklyTimeline.IsSelfSufficient): no public benefit that week, and not subsidised.</summary>
    public static bool IsSelfSufficient(WeeklyStatus status) =>
        status is WeeklyStatus.OrdinaryEmployment or WeeklyStatus.Education or WeeklyStatus.SelfSupportingOther;

    // Mostly the same as last week; on benefit, a few in a hundred move on each week; in work, a few fall back.
    private static WeeklyStatus Next(WeeklyStatus current, double draw) => current switch
    {
        WeeklyStatus.SicknessBenefit or WeeklyStatus.JobClarificationBenefit or WeeklyStatus.OtherPublicBenefit => draw switch
        {
            < 0.03 => WeeklyStatus.WorkPlacement,
            < 0.05 => WeeklyStatus.OrdinaryEmployment,
            < 0.06 => WeeklyStatus.FlexJob,
            < 0.065 => WeeklyStatus.Education,
            _ => current,
        },
        WeeklyStatus.WorkPlacement => draw switch
        {
            < 0.15 => WeeklyStatus.OrdinaryEmployment,
            < 0.20 => WeeklyStatus.SicknessBenefit,
            _ => current,
        },
        _ => draw < 0.02 ? WeeklyStatus.OtherPublicBenefit : current,
    };
}
