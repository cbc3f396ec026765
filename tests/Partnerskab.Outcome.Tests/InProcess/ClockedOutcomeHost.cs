using MassTransit;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using NodaTime;
using NodaTime.Testing;
using Partnerskab.Outcome.Persistence;

namespace Partnerskab.Outcome.Tests.InProcess;

/// <summary>
/// The outcome service in the test process on a clock the test sets: every moment the service
/// records (a report's, a milestone's, a revocation's, an event consumed) is the clock's, so a
/// test can record facts over simulated days. Its own database, broker virtual host and keys.
/// </summary>
public sealed class ClockedOutcomeHost : OutcomeHost
{
    public FakeClock Clock { get; } = new(Instant.FromUtc(2023, 1, 2, 8, 0));

    protected override void ConfigureTestServices(IServiceCollection services) => services.Replace(ServiceDescriptor.Singleton<IClock>(Clock));

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

[CollectionDefinition(Name)]
public sealed class ClockedOutcomeCollection : ICollectionFixture<ClockedOutcomeHost>
{
    public const string Name = "outcome service on a set clock";
}
