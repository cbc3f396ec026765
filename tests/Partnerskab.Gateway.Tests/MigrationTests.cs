using Microsoft.EntityFrameworkCore;
using Partnerskab.Gateway.Persistence;
using Shouldly;

namespace Partnerskab.Gateway.Tests;

public sealed class MigrationTests
{
    [Fact]
    public void The_committed_migrations_match_the_model()
    {
        using var db = new GatewayDesignTimeFactory().CreateDbContext([]);
        db.Database.HasPendingModelChanges().ShouldBeFalse("run `dotnet ef migrations add` for the gateway");
        db.Database.GetMigrations().ShouldNotBeEmpty();
    }
}
