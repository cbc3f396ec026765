using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using NodaTime;
using Partnerskab.Outcome.Persistence;
using Partnerskab.ServiceDefaults;
using Partnerskab.ServiceDefaults.Retention;

namespace Partnerskab.Outcome.Comparison;

/// <summary>
/// Erases the comparison group's citizens whose retention has passed: their registrations and
/// register weeks. The cohort service never hears of them, so this service decides, by the rule
/// the cohort's citizens are kept by (<see cref="RetentionRule"/>): a comparison citizen is
/// observed from entering the target group for as long as the partnership's longest follow-up
/// (the business case matches them so), and kept through the financial year in which that ended
/// and the retention period after it, as long as the invoices the case was weighed against. A
/// register week of a citizen not (yet) registered goes once no registration that could still
/// be kept could count it. Deleting is idempotent, so several instances may run at once.
/// </summary>
public sealed class ComparisonRetention(
    IServiceScopeFactory scopes, IClock clock, IOptions<RetentionOptions> options, ILogger<ComparisonRetention> logger) : BackgroundService
{
    private readonly Period retention = options.Value.RetentionPeriod();

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                var erased = await EraseDueAsync(clock.Today(), stoppingToken);
                if (erased > 0) logger.LogInformation("Erased {Citizens} comparison citizens past their retention", erased);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e)
            {
                logger.LogWarning(e, "Comparison retention pass failed; trying again at the next interval");
            }
            await Task.Delay(options.Value.Interval, stoppingToken);
        }
    }

    /// <summary>Erases every comparison citizen due on <paramref name="today"/>; answers how many were registered.</summary>
    public async Task<int> EraseDueAsync(LocalDate today, CancellationToken cancellationToken)
    {
        var cutoff = RetentionRule.Cutoff(retention, today);
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<OutcomeDbContext>();
        var total = 0;
        while (true)
        {
            // One statement a batch: the citizens due, and both deletes, commit together.
            // Not composed (no LINQ on it): a data-modifying WITH must stay at the top level.
            var erased = (await db.Database.SqlQueryRaw<int>("WITH " + Horizons + """
                , latest AS (
                    SELECT DISTINCT ON (partnership_id, citizen_id) partnership_id, citizen_id, target_group_start
                    FROM comparison_citizens ORDER BY partnership_id, citizen_id, id DESC),
                due AS (
                    SELECT l.partnership_id, l.citizen_id FROM latest l JOIN horizons h USING (partnership_id)
                    WHERE l.target_group_start + make_interval(months => h.months) <= {0}
                    ORDER BY l.partnership_id, l.citizen_id LIMIT {1}),
                statuses AS (
                    DELETE FROM comparison_status_reports r USING due d WHERE r.partnership_id = d.partnership_id AND r.citizen_id = d.citizen_id),
                registrations AS (
                    DELETE FROM comparison_citizens r USING due d WHERE r.partnership_id = d.partnership_id AND r.citizen_id = d.citizen_id)
                SELECT count(*)::int AS "Value" FROM due
                """, cutoff, options.Value.BatchSize).ToListAsync(cancellationToken)).Single();
            total += erased;
            if (erased < options.Value.BatchSize) break;
        }
        await db.Database.ExecuteSqlRawAsync("WITH " + Horizons + """
            DELETE FROM comparison_status_reports r
            USING horizons h
            WHERE r.partnership_id = h.partnership_id
              AND r.week_start + make_interval(months => h.months) <= {0}
              AND NOT EXISTS (SELECT 1 FROM comparison_citizens c WHERE c.partnership_id = r.partnership_id AND c.citizen_id = r.citizen_id)
            """, [cutoff], cancellationToken);
        return total;
    }

    /// <summary>Each partnership with comparison rows, and how many months its longest follow-up lasts.</summary>
    private const string Horizons = """
        horizons AS (
            SELECT p.partnership_id, coalesce(
                (SELECT max((extract(year FROM age(f.follow_up_end, f.follow_up_start)) * 12 + extract(month FROM age(f.follow_up_end, f.follow_up_start)))::int)
                 FROM follow_up_citizens f WHERE f.partnership_id = p.partnership_id),
                24) AS months
            FROM (SELECT partnership_id FROM comparison_citizens UNION SELECT partnership_id FROM comparison_status_reports) p)

        """;
}
