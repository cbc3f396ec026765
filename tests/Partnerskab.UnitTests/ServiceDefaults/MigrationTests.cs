using Microsoft.EntityFrameworkCore;
using Partnerskab.Cohort.Persistence;
using Partnerskab.Outcome.Persistence;
using Partnerskab.Payment.Persistence;

namespace Partnerskab.UnitTests.ServiceDefaults;

public sealed class MigrationTests
{
    public static TheoryData<string> Services() => ["cohort", "outcome", "payment"];

    [Theory]
    [MemberData(nameof(Services))]
    public void The_committed_migrations_match_the_model(string service)
    {
        using DbContext db = service switch
        {
            "cohort" => new CohortDesignTimeFactory().CreateDbContext([]),
            "outcome" => new OutcomeDesignTimeFactory().CreateDbContext([]),
            "payment" => new PaymentDesignTimeFactory().CreateDbContext([]),
            _ => throw new ArgumentOutOfRangeException(nameof(service)),
        };
        db.Database.HasPendingModelChanges().ShouldBeFalse($"run `dotnet ef migrations add` for the {service} service");
        db.Database.GetMigrations().ShouldNotBeEmpty();
    }
}
