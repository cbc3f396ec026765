using System.Collections.Concurrent;
using MassTransit;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using NodaTime;
using NodaTime.Testing;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Partnerskab.Outcome.FollowUp;
using Partnerskab.Outcome.Persistence;

namespace Partnerskab.Outcome.Tests.InProcess;

/// <summary>
/// The outcome service in the test process on a clock the test sets: every moment the service
/// records (a report's, a milestone's, a revocation's, an event consumed) is the clock's, so a
/// test can record facts over simulated days. Its own database, broker virtual host and keys.
/// </summary>
public sealed class ClockedOutcomeHost : OutcomeHost
{
    private static readonly Instant Start = Instant.FromUtc(2023, 1, 2, 8, 0);

    public FakeClock Clock { get; } = new(Start);

    /// <summary>The warnings and errors the service has logged since the last reset.</summary>
    public ConcurrentQueue<string> Warnings { get; } = new();

    protected override void ConfigureTestServices(IServiceCollection services)
    {
        services.Replace(ServiceDescriptor.Singleton<IClock>(Clock));
        // The upkeep is stopped and started again at each reset; the host would take a background
        // service's stop it did not ask for as a failure and stop the application.
        services.Remove(services.Single(d => d.ServiceType == typeof(IHostedService) && d.ImplementationType == typeof(KeptReadsUpkeep)));
        services.AddSingleton<KeptReadsUpkeep>();
        services.AddHostedService<UpkeepOutsideTheHostsWatch>();
        services.AddSingleton<ILoggerProvider>(new WarningCollector(Warnings));
    }

    /// <summary>
    /// Empties the tables with the kept reads' upkeep stopped and the clock back at its start: a
    /// sweep through the last test's day, running across the reset, would otherwise mark the next
    /// test's earlier days as swept (a clock that goes back in time happens only here).
    /// </summary>
    public override async Task ResetAsync()
    {
        var upkeep = Services.GetRequiredService<KeptReadsUpkeep>();
        await upkeep.StopAsync(CancellationToken.None);
        Clock.Reset(Start);
        await base.ResetAsync();
        Warnings.Clear();
        await upkeep.StartAsync(CancellationToken.None);
    }

    /// <summary>Sets the service's clock to ten in the morning of the day, Copenhagen time.</summary>
    public void On(LocalDate day) => Clock.Reset(day.At(new LocalTime(10, 0)).InZoneStrictly(ServiceDefaults.DanishCalendar.Copenhagen).ToInstant());

    /// <summary>Publishes an event on the service's own broker, as the cohort service would; with a set message id, a redelivery.</summary>
    public Task PublishAsync<T>(T message, Guid? messageId = null) where T : class =>
        Services.GetRequiredService<IBus>().Publish(message, context =>
        {
            if (messageId is { } id) context.MessageId = id;
        });

    /// <summary>Writes through the service's own model, for what only another service's RPC would otherwise set up.</summary>
    public async Task WriteAsync(Action<OutcomeDbContext> write)
    {
        await using var scope = Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<OutcomeDbContext>();
        write(db);
        await db.SaveChangesAsync();
    }

    /// <summary>Reads the service's database through its own model.</summary>
    public async Task<T> ReadAsync<T>(Func<OutcomeDbContext, Task<T>> read)
    {
        await using var scope = Services.CreateAsyncScope();
        return await read(scope.ServiceProvider.GetRequiredService<OutcomeDbContext>());
    }

    /// <summary>Waits (up to 30 seconds) until the question about the service's database answers true.</summary>
    public async Task WaitUntilAsync(Func<OutcomeDbContext, Task<bool>> done, string what)
    {
        var until = DateTime.UtcNow.AddSeconds(30);
        while (true)
        {
            await using (var scope = Services.CreateAsyncScope())
            {
                if (await done(scope.ServiceProvider.GetRequiredService<OutcomeDbContext>())) return;
            }
            if (DateTime.UtcNow > until) throw new TimeoutException($"Waited 30 seconds for {what}.");
            await Task.Delay(100);
        }
    }
}

/// <summary>Collects the service's warnings and errors as text, for tests that a fault is logged.</summary>
internal sealed class WarningCollector(ConcurrentQueue<string> warnings) : ILoggerProvider
{
    public ILogger CreateLogger(string categoryName) => new Logger(categoryName, warnings);

    public void Dispose()
    {
    }

    private sealed class Logger(string category, ConcurrentQueue<string> warnings) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => logLevel >= LogLevel.Warning;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (IsEnabled(logLevel)) warnings.Enqueue($"{category}: {formatter(state, exception)}");
        }
    }
}

/// <summary>Starts and stops the upkeep with the host, as a plain hosted service the host does not watch.</summary>
internal sealed class UpkeepOutsideTheHostsWatch(KeptReadsUpkeep upkeep) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken) => upkeep.StartAsync(cancellationToken);

    public Task StopAsync(CancellationToken cancellationToken) => upkeep.StopAsync(cancellationToken);
}

[CollectionDefinition(Name)]
public sealed class ClockedOutcomeCollection : ICollectionFixture<ClockedOutcomeHost>
{
    public const string Name = "outcome service on a set clock";
}
