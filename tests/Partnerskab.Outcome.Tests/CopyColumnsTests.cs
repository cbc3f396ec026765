using Partnerskab.Outcome.FollowUp;
using Partnerskab.Outcome.Milestones;
using Partnerskab.Outcome.Persistence;
using Partnerskab.Outcome.Timeline;

namespace Partnerskab.Outcome.Tests;

/// <summary>The outcome service's binary COPYs (milestones, weekly status reports, citizens handed over), pinned to the EF model.</summary>
public sealed class CopyColumnsTests
{
    private static readonly OutcomeDbContext Db = new OutcomeDesignTimeFactory().CreateDbContext([]);

    [Fact]
    public void The_milestones_copy_writes_every_column_the_model_maps_but_the_revocations() =>
        MilestoneCopy.Columns.DriftFrom(Db.Model.FindEntityType(typeof(Milestone))!).ShouldBeEmpty();

    [Fact]
    public void The_weekly_status_copy_writes_every_column_the_model_maps() =>
        WeeklyStatusCopy.Columns.DriftFrom(Db.Model.FindEntityType(typeof(WeeklyStatusReport))!).ShouldBeEmpty();

    [Fact]
    public void The_superseded_status_copy_writes_every_column_the_model_maps() =>
        WeeklyStatusCopy.SupersededColumns.DriftFrom(Db.Model.FindEntityType(typeof(SupersededStatusReport))!).ShouldBeEmpty();

    [Fact]
    public void The_follow_up_citizens_copy_writes_every_column_the_model_maps() =>
        FollowUpCitizenCopy.Columns.DriftFrom(Db.Model.FindEntityType(typeof(FollowUpCitizen))!).ShouldBeEmpty();
}
