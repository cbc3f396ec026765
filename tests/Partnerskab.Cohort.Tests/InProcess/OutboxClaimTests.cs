using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using NodaTime;
using Partnerskab.Cohort.Persistence;
using Partnerskab.Messaging.Outbox;
using Partnerskab.Testing.InProcess;

namespace Partnerskab.Cohort.Tests.InProcess;

/// <summary>The relay's claim (<see cref="OutboxClaim"/>) over the cohort service's outbox, in PostgreSQL.</summary>
[Collection(CohortServiceCollection.Name)]
public sealed class OutboxClaimTests(CohortHost cohort) : InProcessTests(cohort.ResetAsync)
{
    /// <summary>Due only for a claim made then: the service's own relay, on today's clock, leaves the rows alone.</summary>
    private static readonly Instant Later = Instant.FromUtc(9000, 1, 1, 0, 0);

    private const long Budget = 1024 * 1024;

    [Fact]
    public async Task A_pass_claims_large_events_up_to_its_bytes_in_sequence_order()
    {
        var staged = await StageAsync(count: 5, bodyChars: 400_000);
        // As stored (PostgreSQL may compress a body): the rows whose predecessors' bodies stay under the budget.
        var sizes = await StoredSizesAsync(staged);
        var fitting = staged.Where((_, i) => sizes.Take(i).Sum() < Budget).ToList();
        fitting.Count.ShouldBeInRange(2, 4);

        var claimed = await ClaimAsync(maxRows: 100);

        claimed.ShouldBe(fitting);
    }

    [Fact]
    public async Task A_pass_claims_its_count_of_small_events_and_an_event_larger_than_its_bytes_alone()
    {
        var small = await StageAsync(count: 30, bodyChars: 100);
        (await ClaimAsync(maxRows: 20)).ShouldBe(small.Take(20));

        await cohort.ResetAsync();
        var large = await StageAsync(count: 2, bodyChars: 3_000_000);
        (await ClaimAsync(maxRows: 100)).ShouldBe(large.Take(1));
    }

    /// <summary>Unsent rows due at <see cref="Later"/> whose bodies hold a string of random (so incompressible) characters; their sequences in order.</summary>
    private async Task<List<long>> StageAsync(int count, int bodyChars)
    {
        await using var connection = await cohort.OpenAsync();
        await using var insert = new NpgsqlCommand("""
            INSERT INTO outbox_messages (message_id, message_type, body, created_at, next_attempt_at, attempts)
            SELECT gen_random_uuid(), 'Test.Event, Test', jsonb_build_object('filler',
                    (SELECT string_agg(substr(md5(random()::text), 1, 32), '') FROM generate_series(1, ceil(@chars / 32.0)::int))),
                now(), @later, 0
            FROM generate_series(1, @count)
            RETURNING sequence
            """, connection);
        insert.Parameters.AddWithValue("chars", bodyChars);
        insert.Parameters.AddWithValue("later", Later.ToDateTimeUtc());
        insert.Parameters.AddWithValue("count", count);
        var sequences = new List<long>();
        await using var reader = await insert.ExecuteReaderAsync();
        while (await reader.ReadAsync()) sequences.Add(reader.GetInt64(0));
        return sequences.Order().ToList();
    }

    private async Task<List<long>> StoredSizesAsync(List<long> sequences)
    {
        await using var connection = await cohort.OpenAsync();
        await using var query = new NpgsqlCommand("SELECT pg_column_size(body)::bigint FROM outbox_messages WHERE sequence = ANY(@sequences) ORDER BY sequence", connection);
        query.Parameters.AddWithValue("sequences", sequences.ToArray());
        var sizes = new List<long>();
        await using var reader = await query.ExecuteReaderAsync();
        while (await reader.ReadAsync()) sizes.Add(reader.GetInt64(0));
        return sizes;
    }

    private async Task<List<long>> ClaimAsync(int maxRows)
    {
        await using var scope = cohort.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CohortDbContext>();
        await using var transaction = await db.Database.BeginTransactionAsync();
        var claimed = await OutboxClaim.DueAsync(db, Later, maxRows, Budget, CancellationToken.None);
        return claimed.Select(m => m.Sequence).ToList();
    }
}
