using Partnerskab.Cohort.Import;
using Partnerskab.Cohort.Persistence;
using Partnerskab.Messaging.Outbox;
using Citizen = Partnerskab.Cohort.Handover.Citizen;

namespace Partnerskab.Cohort.Tests;

/// <summary>The cohort service's binary COPYs (the import's citizens and their events), pinned to the EF model.</summary>
public sealed class CopyColumnsTests
{
    private static readonly CohortDbContext Db = new CohortDesignTimeFactory().CreateDbContext([]);

    [Fact]
    public void The_citizens_copy_writes_every_column_the_model_maps_but_those_set_after_the_handover() =>
        CitizenCopy.Columns.DriftFrom(Db.Model.FindEntityType(typeof(Citizen))!).ShouldBeEmpty();

    [Fact]
    public void The_outbox_copy_leaves_only_the_sequence_and_the_relays_columns_to_their_defaults() =>
        OutboxCopy.Columns.DriftFrom(Db.Model.FindEntityType(typeof(OutboxMessage))!).ShouldBeEmpty();
}
