using Microsoft.EntityFrameworkCore;
using Partnerskab.Cohort.Persistence;

namespace Partnerskab.Cohort.Tests;

public sealed class MigrationTests
{
    [Fact]
    public void The_committed_migrations_match_the_model()
    {
        using var db = new CohortDesignTimeFactory().CreateDbContext([]);
        db.Database.HasPendingModelChanges().ShouldBeFalse("run `dotnet ef migrations add` for the cohort service");
        db.Database.GetMigrations().ShouldNotBeEmpty();
    }
}
