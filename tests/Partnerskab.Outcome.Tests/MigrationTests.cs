using Microsoft.EntityFrameworkCore;
using Partnerskab.Outcome.Persistence;

namespace Partnerskab.Outcome.Tests;

public sealed class MigrationTests
{
    [Fact]
    public void The_committed_migrations_match_the_model()
    {
        using var db = new OutcomeDesignTimeFactory().CreateDbContext([]);
        db.Database.HasPendingModelChanges().ShouldBeFalse("run `dotnet ef migrations add` for the outcome service");
        db.Database.GetMigrations().ShouldNotBeEmpty();
    }
}
