using Microsoft.AspNetCore.Builder;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Storage;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Npgsql;
using Partnerskab.ServiceDefaults.Audit;
using Partnerskab.ServiceDefaults.Hosting;
using Partnerskab.ServiceDefaults.Recording;

namespace Partnerskab.ServiceDefaults.Persistence;

public static class DatabaseExtensions
{
    public const string ConnectionStringName = "Database";

    /// <summary>
    /// The service's own PostgreSQL database through EF Core (NodaTime types, snake_case names),
    /// with every registered EF interceptor (the outbox signal and the audit log among them), the
    /// audit log's writer, the marks of historical loads and a readiness check.
    /// </summary>
    public static WebApplicationBuilder AddServiceDatabase<TDb>(this WebApplicationBuilder builder) where TDb : DbContext
    {
        var connectionString = builder.Configuration.GetConnectionString(ConnectionStringName)
            ?? throw new InvalidOperationException(
                $"Configure ConnectionStrings:{ConnectionStringName} (environment ConnectionStrings__Database).");
        // The options are built once: built per context, as by default, every gRPC call and
        // consumer batch parsed the connection string and configured the provider again.
        // Every registered interceptor is a singleton.
        builder.Services.AddDbContext<TDb>((services, options) => options
            .UsePartnerskabConventions(connectionString)
            .AddInterceptors(services.GetServices<IInterceptor>()), optionsLifetime: ServiceLifetime.Singleton);
        builder.Services.AddSingleton<IInterceptor, AuditSaveChangesInterceptor>();
        builder.Services.AddSingleton<IAuditWriter, AuditWriter<TDb>>();
        builder.Services.AddSingleton<IRecordedTimeMarks, RecordedTimeMarks<TDb>>();
        builder.Services.AddHealthChecks().AddDbContextCheck<TDb>(tags: [ServiceDefaultsExtensions.ReadyTag]);
        return builder;
    }

    /// <summary>
    /// Brings the database to the committed EF migrations before the service takes traffic, as
    /// Database:Migrations says (<see cref="MigrationMode"/>), waiting for PostgreSQL to come up for
    /// a while (Database:StartupTimeoutSeconds) if it is not there yet. Returns false when the
    /// process is to exit instead of serving (<see cref="MigrationMode.ApplyAndExit"/>).
    /// </summary>
    public static async Task<bool> MigrateDatabaseAsync<TDb>(this WebApplication app) where TDb : DbContext
    {
        var mode = app.Configuration.GetValue("Database:Migrations", MigrationMode.Apply);
        var patience = TimeSpan.FromSeconds(app.Configuration.GetValue("Database:StartupTimeoutSeconds", 60));
        var logger = app.Services.GetRequiredService<ILoggerFactory>().CreateLogger("Partnerskab.Migrations");
        var deadline = DateTime.UtcNow + patience;
        while (true)
        {
            try
            {
                await using var scope = app.Services.CreateAsyncScope();
                var database = scope.ServiceProvider.GetRequiredService<TDb>().Database;
                await RefuseForeignHistoryAsync(database);
                if (mode != MigrationMode.Await)
                {
                    await database.MigrateAsync();
                    if (mode == MigrationMode.ApplyAndExit) logger.LogInformation("Migrations applied; exiting as Database:Migrations says");
                    return mode == MigrationMode.Apply;
                }
                var pending = (await database.GetPendingMigrationsAsync()).ToList();
                if (pending.Count == 0) return true;
                if (DateTime.UtcNow >= deadline)
                    throw new InvalidOperationException(
                        $"{database.GetDbConnection().Database} still lacks migrations ({string.Join(", ", pending)}) after {patience.TotalSeconds:0} s; " +
                        "they are applied by the same program with Database__Migrations=ApplyAndExit (the release's migration job).");
                logger.LogInformation("Waiting for {Count} migrations to be applied by the migration job", pending.Count);
                await Task.Delay(TimeSpan.FromSeconds(2));
            }
            catch (Exception e) when (e is NpgsqlException or TimeoutException && DateTime.UtcNow < deadline)
            {
                logger.LogWarning("Database not reachable yet ({Reason}); retrying", e.Message);
                await Task.Delay(TimeSpan.FromSeconds(1));
            }
        }
    }

    private static async Task RefuseForeignHistoryAsync(DatabaseFacade database)
    {
        if (!await database.GetService<IRelationalDatabaseCreator>().ExistsAsync()) return;
        var unknown = MigrationHistory.Unknown(await database.GetAppliedMigrationsAsync(), database.GetMigrations());
        if (unknown.Count > 0)
            throw new InvalidOperationException(MigrationHistory.Explain(database.GetDbConnection().Database, unknown));
    }

    /// <summary>Npgsql with NodaTime types and snake_case names: the same at run time and design time.</summary>
    public static DbContextOptionsBuilder UsePartnerskabConventions(this DbContextOptionsBuilder options, string connectionString) =>
        options.UseNpgsql(Tuned(connectionString), npgsql => npgsql.UseNodaTime()).UseSnakeCaseNamingConvention()
            .AddInterceptors(NoAutoSavepoints.Instance);

    /// <summary>
    /// The services run the same few statements for every message and row, so they are prepared
    /// on the server once per connection instead of parsed and planned every time (Max Auto
    /// Prepare 100, unless the connection string sets it), and a pooled connection is not reset
    /// with DISCARD ALL on every return to the pool (No Reset On Close): nothing here keeps
    /// session state, and an open transaction is still rolled back. With several hosts (a primary
    /// and its standbys), what Npgsql found each host to be is trusted for <see cref="HostRecheckSeconds"/>
    /// instead of Npgsql's 10 s unless the connection string sets another figure: after a failover, the
    /// promoted standby is otherwise skipped as a standby for up to 10 s, and every call and message fails meanwhile.
    /// The services' sessions plan no parallel query (<see cref="NoParallelQuery"/>) unless the connection string's
    /// Options set max_parallel_workers_per_gather themselves.
    /// </summary>
    internal static string Tuned(string connectionString)
    {
        var settings = new NpgsqlConnectionStringBuilder(connectionString);
        if (settings.MaxAutoPrepare == 0) settings.MaxAutoPrepare = 100;
        settings.NoResetOnClose = true;
        if (settings.Options?.Contains("max_parallel_workers_per_gather", StringComparison.OrdinalIgnoreCase) != true)
            settings.Options = string.IsNullOrWhiteSpace(settings.Options) ? NoParallelQuery : $"{settings.Options} {NoParallelQuery}";
        if (settings.Host?.Contains(',', StringComparison.Ordinal) == true && settings.HostRecheckSeconds == NpgsqlDefaultHostRecheckSeconds)
            settings.HostRecheckSeconds = HostRecheckSeconds;
        return settings.ConnectionString;
    }

    /// <summary>
    /// Each recheck costs one query on a pooled connection of the host (is it in recovery?), so once
    /// a second per host is cheap, and the services find a promoted standby within a second.
    /// </summary>
    internal const int HostRecheckSeconds = 1;

    private const int NpgsqlDefaultHostRecheckSeconds = 10;

    /// <summary>
    /// A parallel plan starts its worker processes on every execution, some 10 ms each on a busy host, and
    /// PostgreSQL plans one for any read of a table over 8 MB whose estimate is high enough, however few rows
    /// the read then finds: the services' reads are bounded (kept totals, pages, one partnership's items), so a
    /// worker's start costs more than it saves, and a service's calls share the host's cores among themselves.
    /// </summary>
    internal const string NoParallelQuery = "-c max_parallel_workers_per_gather=0";

    /// <summary>Options for the EF tools (dotnet ef migrations add), which need no live database.</summary>
    public static DbContextOptions<TDb> DesignTimeOptions<TDb>() where TDb : DbContext =>
        (DbContextOptions<TDb>)new DbContextOptionsBuilder<TDb>().UsePartnerskabConventions("Host=localhost").Options;
}
