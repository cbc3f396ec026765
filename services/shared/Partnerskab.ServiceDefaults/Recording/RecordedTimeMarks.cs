using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using NodaTime;
using Partnerskab.ServiceDefaults.Errors;

namespace Partnerskab.ServiceDefaults.Recording;

/// <summary>Keeps a historical load going forward in time, per scope (see <see cref="RecordedTimeMark"/>).</summary>
public interface IRecordedTimeMarks
{
    /// <summary>Refuses (InvalidArgument on <c>recorded_at</c>) a moment earlier than the latest the scope (a partnership, an issuer) has recorded at.</summary>
    Task EnsureNotBeforeLatestAsync(string scope, Instant at, CancellationToken cancellationToken);

    /// <summary>Moves the scope's latest moment up to <paramref name="at"/> (never back).</summary>
    Task AdvanceAsync(string scope, Instant at, CancellationToken cancellationToken);
}

/// <summary>The marks in the service's own database, each read and written on a context of its own, outside the call's.</summary>
public sealed class RecordedTimeMarks<TDb>(IServiceScopeFactory scopes) : IRecordedTimeMarks where TDb : DbContext
{
    public async Task EnsureNotBeforeLatestAsync(string scope, Instant at, CancellationToken cancellationToken)
    {
        await using var services = scopes.CreateAsyncScope();
        var latest = await services.ServiceProvider.GetRequiredService<TDb>().Set<RecordedTimeMark>().AsNoTracking()
            .Where(m => m.Scope == scope).Select(m => (Instant?)m.LatestRecordedAt).SingleOrDefaultAsync(cancellationToken);
        if (latest is { } mark && at < mark)
        {
            var v = new RequestValidator();
            v.Add(RecordedAtInterceptor.Field,
                $"is {RecordedTime.Format(at)}, earlier than {RecordedTime.Format(mark)}, the latest moment a historical load has recorded facts at here: a load goes forward in time");
            v.ThrowIfInvalid();
        }
    }

    public async Task AdvanceAsync(string scope, Instant at, CancellationToken cancellationToken)
    {
        await using var services = scopes.CreateAsyncScope();
        await services.ServiceProvider.GetRequiredService<TDb>().Database.ExecuteSqlAsync($"""
            INSERT INTO recorded_time_marks (scope, latest_recorded_at) VALUES ({scope}, {at})
            ON CONFLICT (scope) DO UPDATE SET latest_recorded_at = GREATEST(recorded_time_marks.latest_recorded_at, EXCLUDED.latest_recorded_at)
            """, cancellationToken);
    }
}
