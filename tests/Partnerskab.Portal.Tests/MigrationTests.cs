using Microsoft.EntityFrameworkCore;
using Partnerskab.Portal.Accounts;
using Shouldly;

namespace Partnerskab.Portal.Tests;

public sealed class MigrationTests
{
    [Fact]
    public void The_committed_migrations_match_the_portals_account_model()
    {
        using var db = new PortalDbContextDesignFactory().CreateDbContext([]);
        db.Database.HasPendingModelChanges().ShouldBeFalse("run `dotnet ef migrations add` for the portal");
        db.Database.GetMigrations().ShouldNotBeEmpty();
    }
}
