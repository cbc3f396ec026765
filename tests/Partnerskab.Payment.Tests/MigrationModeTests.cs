using Npgsql;
using Partnerskab.Testing;
using Partnerskab.Tokens;

namespace Partnerskab.Payment.Tests;

/// <summary>
/// Database:Migrations with the real payment program on a fresh database: a replica started with
/// Await does not serve while migrations are pending, the release's one-off ApplyAndExit run applies
/// them and exits, and the waiting replica then serves without having migrated anything itself.
/// </summary>
public sealed class MigrationModeTests
{
    [Fact]
    public async Task A_waiting_replica_serves_only_after_the_migration_run_has_applied_the_migrations_and_exited()
    {
        var database = $"migration_mode_{Guid.NewGuid():N}";
        var keys = KeyDirectory.Ensure(Path.Combine(Path.GetTempPath(), $"partnerskab-keys-{database}"), ["payment"]);
        try
        {
            await using var replica = Payment(database, keys, "Await");
            var replicaStarted = replica.StartAsync();
            await Task.Delay(TimeSpan.FromSeconds(5));
            replicaStarted.IsCompleted.ShouldBeFalse(replica.OutputTail());
            (await AppliedMigrationsAsync(database)).ShouldBe(0, "a waiting replica applies nothing");

            await using var migration = Payment(database, keys, "ApplyAndExit");
            (await migration.RunToExitAsync(TimeSpan.FromSeconds(120))).ShouldBe(0, migration.OutputTail());
            migration.OutputTail().ShouldContain("Migrations applied; exiting");
            var applied = await AppliedMigrationsAsync(database);
            applied.ShouldBeGreaterThan(0);

            await replicaStarted;
            replica.IsRunning.ShouldBeTrue();
            (await AppliedMigrationsAsync(database)).ShouldBe(applied);
        }
        finally
        {
            Directory.Delete(keys.Path, recursive: true);
        }
    }

    private static ServiceProcess Payment(string database, KeyDirectory keys, string migrations)
    {
        var dll = TestEnvironment.ServiceDll("payment", "Partnerskab.Payment");
        var environment = new Dictionary<string, string>
        {
            ["ConnectionStrings__Database"] = $"{TestEnvironment.PostgresConnectionString};Database={database}",
            ["RabbitMq__Port"] = TestEnvironment.RabbitMqPort.ToString(),
            ["Auth__TrustedKeysFile"] = keys.TrustedKeysFile,
            ["Auth__ServiceKeyFile"] = keys.PrivateKeyFile(SigningKeys.ServiceIssuer("payment")),
            ["Database__Migrations"] = migrations,
            ["Database__StartupTimeoutSeconds"] = "120",
        };
        return new ServiceProcess($"payment-{migrations}", dll, environment, TestEnvironment.FreePort(), TestEnvironment.FreePort(),
            Path.Combine(TestEnvironment.LogDirectory, $"{database}-{migrations}.log"));
    }

    /// <summary>The rows of the database's EF migration history; 0 while the database or the table does not exist.</summary>
    private static async Task<long> AppliedMigrationsAsync(string database)
    {
        await using var connection = new NpgsqlConnection($"{TestEnvironment.PostgresConnectionString};Database=postgres");
        await connection.OpenAsync();
        await using var exists = new NpgsqlCommand("SELECT count(*) FROM pg_database WHERE datname = @name", connection);
        exists.Parameters.AddWithValue("name", database);
        if ((long)(await exists.ExecuteScalarAsync())! == 0) return 0;
        await using var inDatabase = new NpgsqlConnection($"{TestEnvironment.PostgresConnectionString};Database={database}");
        await inDatabase.OpenAsync();
        await using var count = new NpgsqlCommand(
            "SELECT CASE WHEN to_regclass('\"__EFMigrationsHistory\"') IS NULL THEN 0 ELSE (SELECT count(*) FROM \"__EFMigrationsHistory\") END", inDatabase);
        return (long)(await count.ExecuteScalarAsync())!;
    }
}
