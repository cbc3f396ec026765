using System.Collections.Concurrent;
using System.Diagnostics;
using System.Text.Json;
using MassTransit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using NodaTime;
using Partnerskab.ServiceDefaults.Hosting;
using Partnerskab.ServiceDefaults.Persistence;
using Partnerskab.ServiceDefaults.Recording;

namespace Partnerskab.Messaging.Outbox;

/// <summary>
/// Publishes committed outbox rows to RabbitMQ with their stored message id and trace context.
/// Every instance of a service runs a relay; they take turns on one advisory lock per database,
/// so committed rows leave in sequence order (a citizen's events as they were written) whichever
/// instance relays, as it would from one. Rows are claimed with FOR UPDATE SKIP LOCKED as well;
/// a row is marked sent only after the broker confirmed it, and a failed publish is retried
/// with back-off forever. A crash between confirm and commit re-sends the row with the same
/// message id, which the consumers' inbox absorbs; the crashed relay's lock ends with its session.
/// </summary>
public sealed class OutboxRelay<TDb>(
    IServiceScopeFactory scopes,
    IBus bus,
    OutboxSignal signal,
    IClock clock,
    IOptions<OutboxOptions> options,
    ILogger<OutboxRelay<TDb>> logger) : BackgroundService where TDb : DbContext
{
    /// <summary>The stored type names resolved once each: resolving one parses it and searches the loaded assemblies.</summary>
    private static readonly ConcurrentDictionary<string, Type> MessageTypes = new(StringComparer.Ordinal);

    /// <summary>The advisory lock the relays of one database take turns on.</summary>
    private const string RelayLockKey = "outbox relay";

    private readonly OutboxOptions settings = options.Value;
    private Instant nextCleanup;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            var claimed = 0;
            try
            {
                claimed = await RelayBatchAsync(stoppingToken);
                await DeleteOldSentRowsAsync(stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e)
            {
                logger.LogWarning(e, "Outbox relay pass failed; trying again");
                await Task.Delay(settings.PollInterval, stoppingToken);
            }
            if (claimed < settings.BatchSize)
            {
                await signal.WaitAsync(settings.PollInterval, stoppingToken);
            }
        }
    }

    private async Task<int> RelayBatchAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<TDb>();
        signal.MarkAsRelay(db);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        // Waits while another instance's relay publishes a batch; it then claims the rows after that batch.
        await AdvisoryLocks.LockAsync(db, RelayLockKey, cancellationToken);
        var due = await OutboxClaim.DueAsync(db, clock.GetCurrentInstant(), settings.BatchSize, settings.BatchBytes, cancellationToken);

        // Published side by side: the broker's confirms come back pipelined instead of one
        // round trip per message. Consumers never rely on the order of events.
        var outcomes = await Task.WhenAll(due.Select(async row =>
        {
            try
            {
                await PublishAsync(row, cancellationToken);
                return (Row: row, Error: (Exception?)null);
            }
            catch (Exception e) when (!cancellationToken.IsCancellationRequested)
            {
                return (Row: row, Error: e);
            }
        }));
        var now = clock.GetCurrentInstant();
        var sent = outcomes.Where(o => o.Error is null).Select(o => o.Row.Sequence).ToList();
        if (sent.Count > 0)
        {
            // One statement for the batch, not an UPDATE per row.
            await db.Set<OutboxMessage>().Where(m => sent.Contains(m.Sequence))
                .ExecuteUpdateAsync(m => m.SetProperty(x => x.SentAt, now), cancellationToken);
        }
        foreach (var (row, error) in outcomes)
        {
            if (error is null) continue;
            row.Attempts++;
            row.NextAttemptAt = now + Duration.FromTimeSpan(RetryDelay(row.Attempts));
            row.LastError = error.Message.Length > 1000 ? error.Message[..1000] : error.Message;
        }
        if (outcomes.FirstOrDefault(o => o.Error is not null) is { Error: { } firstError } failed)
        {
            logger.LogWarning("Publishing {Failed} of {Claimed} outbox messages failed (first: {MessageId}, attempt {Attempts}): {Error}",
                outcomes.Count(o => o.Error is not null), due.Count, failed.Row.MessageId, failed.Row.Attempts, firstError.Message);
        }
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return due.Count;
    }

    private async Task PublishAsync(OutboxMessage row, CancellationToken cancellationToken)
    {
        var type = MessageTypes.GetOrAdd(row.MessageType, name => Type.GetType(name, throwOnError: true)!);
        var message = JsonSerializer.Deserialize(row.Body, type, OutboxExtensions.Json)!;

        ActivityContext.TryParse(row.TraceParent, null, out var parent);
        using var activity = Telemetry.Source.StartActivity($"outbox relay {type.Name}", ActivityKind.Producer, parent);
        activity?.SetTag("messaging.message.id", row.MessageId);

        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(settings.PublishTimeout);
        await bus.Publish(message, type, Pipe.Execute<PublishContext>(context =>
        {
            context.MessageId = row.MessageId;
            context.Durable = true;
            if (row.RecordedAt is { } recordedAt) context.Headers.Set(RecordedTime.Header, RecordedTime.Format(recordedAt));
        }), timeout.Token);
    }

    private TimeSpan RetryDelay(int attempts)
    {
        var delay = TimeSpan.FromMilliseconds(200 * Math.Pow(2, Math.Min(attempts, 16)));
        return delay < settings.MaxRetryDelay ? delay : settings.MaxRetryDelay;
    }

    private async Task DeleteOldSentRowsAsync(CancellationToken cancellationToken)
    {
        var now = clock.GetCurrentInstant();
        if (now < nextCleanup) return;
        nextCleanup = now + Duration.FromHours(1);

        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<TDb>();
        var cutoff = now - Duration.FromTimeSpan(settings.SentRetention);
        await db.Set<OutboxMessage>().Where(m => m.SentAt != null && m.SentAt < cutoff).ExecuteDeleteAsync(cancellationToken);
    }
}
