using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.EntityFrameworkCore.Migrations.Operations;
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

    [Fact]
    public void Every_sql_file_is_run_by_a_migration_and_every_migration_finds_the_files_it_names()
    {
        using var db = new PaymentDesignTimeFactory().CreateDbContext([]);
        var assembly = db.GetService<IMigrationsAssembly>();
        var run = assembly.Migrations.Values
            .Select(type => assembly.CreateMigration(type, db.Database.ProviderName!))
            .SelectMany(m => m.UpOperations.Concat(m.DownOperations))
            .OfType<SqlOperation>()
            .Select(o => o.Sql)
            .ToHashSet();

        var files = typeof(MigrationSql).Assembly.GetManifestResourceNames()
            .Where(n => n.StartsWith("sql/", StringComparison.Ordinal))
            .Select(n => n["sql/".Length..^".sql".Length])
            .ToList();
        files.Count.ShouldBe(10);
        files.Where(file => !run.Contains(MigrationSql.Read(file))).ShouldBeEmpty("every SQL file is run by its migration");
        Should.Throw<InvalidOperationException>(() => MigrationSql.Read("20261206141511_Initia.Up"))
            .Message.ShouldContain("Persistence/Sql/20261206141511_Initia.Up.sql is missing");
    }
}
