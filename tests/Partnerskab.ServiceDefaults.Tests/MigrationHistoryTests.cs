using Partnerskab.ServiceDefaults.Persistence;

namespace Partnerskab.ServiceDefaults.Tests;

public sealed class MigrationHistoryTests
{
    [Fact]
    public void A_database_that_applied_only_known_migrations_can_be_carried_forward()
    {
        MigrationHistory.Unknown(applied: ["20261206141423_Initial"], known: ["20261206141423_Initial", "20270101000000_Next"])
            .ShouldBeEmpty();
        MigrationHistory.Unknown(applied: [], known: ["20261206141423_Initial"]).ShouldBeEmpty();
    }

    [Fact]
    public void A_database_made_by_an_earlier_schema_history_is_named_with_the_migrations_this_build_lacks()
    {
        var unknown = MigrationHistory.Unknown(
            applied: ["20261122223648_Initial", "20261201080931_AuditLogAndRetention"],
            known: ["20261206141423_Initial"]);

        unknown.ShouldBe(["20261122223648_Initial", "20261201080931_AuditLogAndRetention"]);
        MigrationHistory.Explain("partnerskab_cohort", unknown)
            .ShouldContain("partnerskab_cohort has applied migrations this build does not have (20261122223648_Initial, 20261201080931_AuditLogAndRetention)");
    }
}
