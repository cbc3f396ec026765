using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using NodaTime;
using Partnerskab.Cohort.Persistence;
using Partnerskab.Contracts;
using Partnerskab.Contracts.Cohort;
using Partnerskab.Messaging.Outbox;
using Partnerskab.ServiceDefaults;
using Partnerskab.ServiceDefaults.Retention;

namespace Partnerskab.Cohort.Retention;

/// <summary>
/// Erases the personal fields of citizens whose retention has passed (see <see cref="RetentionRule"/>)
/// and tells the other services with CitizenDataErased, in batches of one transaction each. Rows
/// are claimed with FOR UPDATE SKIP LOCKED and an erased citizen is never selected again, so
/// several instances may run at once and a run repeated after a crash does nothing twice. The
/// row itself (pseudonym, window, exit) stays: it is what cohort counts and capacity are made of.
/// </summary>
public sealed class CitizenDataRetention(
    IServiceScopeFactory scopes, IClock clock, IOptions<RetentionOptions> options, ILogger<CitizenDataRetention> logger) : BackgroundService
{
    private readonly Period retention = options.Value.RetentionPeriod();

    public LocalDate Today => clock.Today();

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                var run = await EraseDueAsync(Today, stoppingToken);
                if (run.CitizensErased > 0) logger.LogInformation("Erased the personal data of {Citizens} citizens past their retention", run.CitizensErased);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e)
            {
                logger.LogWarning(e, "Retention pass failed; trying again at the next interval");
            }
            await Task.Delay(options.Value.Interval, stoppingToken);
        }
    }

    public sealed record Run(int CitizensErased, LocalDate FollowUpEndedBy);

    /// <summary>Erases every citizen due on <paramref name="today"/>.</summary>
    public async Task<Run> EraseDueAsync(LocalDate today, CancellationToken cancellationToken)
    {
        var cutoff = RetentionRule.Cutoff(retention, today);
        var total = 0;
        while (true)
        {
            var erased = await EraseBatchAsync(today, cutoff, cancellationToken);
            total += erased;
            if (erased < options.Value.BatchSize) return new Run(total, cutoff);
        }
    }

    private async Task<int> EraseBatchAsync(LocalDate today, LocalDate cutoff, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CohortDbContext>();
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var citizens = await db.Citizens
            .FromSql($"""
                SELECT * FROM citizens
                WHERE erased_on IS NULL AND (follow_up_end <= {cutoff} OR exit_date <= {cutoff})
                ORDER BY partnership_id, citizen_id
                LIMIT {options.Value.BatchSize}
                FOR UPDATE SKIP LOCKED
                """)
            .ToListAsync(cancellationToken);
        var now = clock.GetCurrentInstant();
        foreach (var citizen in citizens)
        {
            citizen.EraseOn(today);
            db.AddToOutbox(new CitizenDataErased
            {
                PartnershipId = citizen.PartnershipId,
                CitizenId = new Pseudonym(citizen.CitizenId),
                ErasedOn = today.ToDateOnly(),
            }, now);
        }
        await db.SaveChangesAsync(cancellationToken);
        await db.Database.ExecuteSqlAsync($"""
            DELETE FROM advisor_assignments a USING citizens c
            WHERE a.partnership_id = c.partnership_id AND a.citizen_id = c.citizen_id AND c.erased_on = {today}
            """, cancellationToken);
        // A stored import answer echoes rejected rows' case references; past the retention it is no longer needed to make a retry safe.
        var oldest = today.Minus(retention).AtStartOfDayInZone(DanishCalendar.Copenhagen).ToInstant();
        await db.Database.ExecuteSqlAsync($"DELETE FROM import_runs WHERE completed_at < {oldest}", cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return citizens.Count;
    }
}
