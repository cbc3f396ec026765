using Partnerskab.Cohort.Handover;
using Partnerskab.Cohort.Queries;

namespace Partnerskab.Cohort.Tests;

public sealed class StatusCountsTests
{
    [Fact]
    public void Before_any_day_has_passed_everyone_is_in_follow_up()
    {
        StatusCounts.On(citizens: 7, ended: 0, exited: 0, endedAndExited: 0).ShouldBe(new Dictionary<CitizenStatus, int>
        {
            [CitizenStatus.InFollowUp] = 7, [CitizenStatus.Completed] = 0, [CitizenStatus.Exited] = 0,
        });
    }

    [Fact]
    public void A_citizen_who_exited_after_the_follow_up_ended_counts_as_exited_only_from_the_exit()
    {
        // Ten citizens: four ended without an exit, three exited during follow-up, one ended and
        // then exited (the exit decides from its day), two still following up.
        StatusCounts.On(citizens: 10, ended: 5, exited: 4, endedAndExited: 1).ShouldBe(new Dictionary<CitizenStatus, int>
        {
            [CitizenStatus.InFollowUp] = 2, [CitizenStatus.Completed] = 4, [CitizenStatus.Exited] = 4,
        });
    }
}
