using Partnerskab.Cohort.Handover;

namespace Partnerskab.Cohort.Queries;

/// <summary>
/// Citizens by status on a day from the kept day counts, by the same rules as
/// <see cref="Citizen.StatusOn"/>: exited once the exit date has come; completed once the
/// follow-up has ended without an exit by then; in follow-up otherwise.
/// </summary>
public static class StatusCounts
{
    /// <param name="citizens">All citizens of the partnership.</param>
    /// <param name="ended">Those whose follow-up ended on or before the day.</param>
    /// <param name="exited">Those whose exit date is on or before the day.</param>
    /// <param name="endedAndExited">Those for whom both have happened by the day.</param>
    public static IReadOnlyDictionary<CitizenStatus, int> On(int citizens, int ended, int exited, int endedAndExited)
    {
        var completed = ended - endedAndExited;
        return new Dictionary<CitizenStatus, int>
        {
            [CitizenStatus.InFollowUp] = citizens - exited - completed,
            [CitizenStatus.Completed] = completed,
            [CitizenStatus.Exited] = exited,
        };
    }
}
