using Microsoft.EntityFrameworkCore;
using Partnerskab.Payment.Persistence;

namespace Partnerskab.Payment.Tests;

public sealed class MigrationTests
{
    [Fact]
    public void The_committed_migrations_match_the_model()
    {
        using var db = new PaymentDesignTimeFactory().CreateDbContext([]);
        db.Database.HasPendingModelChanges().ShouldBeFalse("run `dotnet ef migrations add` for the payment service");
        db.Database.GetMigrations().ShouldNotBeEmpty();
    }
}
