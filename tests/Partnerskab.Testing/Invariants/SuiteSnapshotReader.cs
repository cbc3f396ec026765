using Npgsql;
using Partnerskab.Contracts;
using Partnerskab.Operations;
using RabbitMQ.Client;
using static Partnerskab.Testing.Invariants.SuiteSnapshot;

namespace Partnerskab.Testing.Invariants;

/// <summary>Reads a <see cref="SuiteSnapshot"/> from the three services' databases and the broker's error queues.</summary>
public static class SuiteSnapshotReader
{
    public static async Task<SuiteSnapshot> ReadAsync(Func<string, string> connectionString, IConnection broker)
    {
        var parked = await new ErrorQueues(broker).ListAsync(ConsumerQueues.All);
        return new SuiteSnapshot(
            await QueryAsync(connectionString("cohort"), "SELECT partnership_id, citizen_id FROM citizens",
                r => new HandedOverCitizen(r.GetGuid(0), r.GetString(1))),
            await QueryAsync(connectionString("outcome"), "SELECT partnership_id, citizen_id FROM follow_up_citizens",
                r => new CitizenKey(r.GetGuid(0), r.GetString(1))),
            await QueryAsync(connectionString("outcome"), "SELECT id, partnership_id, citizen_id, code, revoked_at IS NOT NULL FROM milestones",
                r => new AchievedMilestone(r.GetGuid(0), r.GetGuid(1), r.GetString(2), r.GetString(3), r.GetBoolean(4))),
            await QueryAsync(connectionString("payment"),
                "SELECT id, partnership_id, citizen_id, kind, cause_key, amount_ore, credits_item_id, cause_message_id, booked_on, recorded_at, payer_id, lead FROM ledger_items",
                r => new LedgerEntry(r.GetGuid(0), r.GetGuid(1), r.IsDBNull(2) ? null : r.GetString(2), r.GetInt32(3), r.GetString(4),
                    r.GetInt64(5), r.IsDBNull(6) ? null : r.GetGuid(6))
                {
                    CauseMessageId = r.IsDBNull(7) ? null : r.GetGuid(7), BookedOn = r.GetFieldValue<DateOnly>(8), RecordedAt = r.GetFieldValue<DateTimeOffset>(9),
                    PayerId = r.GetString(10), Lead = r.GetBoolean(11),
                }),
            await ReadDocumentsAsync(connectionString("payment")),
            [.. (await Task.WhenAll(new[] { "cohort", "outcome", "payment" }.Select(service => QueryAsync(connectionString(service),
                "SELECT message_id, message_type, created_at, attempts, last_error FROM outbox_messages WHERE sent_at IS NULL",
                r => new UnsentOutboxRow(service, r.GetGuid(0), r.GetString(1), r.GetFieldValue<DateTimeOffset>(2), r.GetInt32(3),
                    r.IsDBNull(4) ? null : r.GetString(4)))))).SelectMany(rows => rows)],
            [.. parked.Select(m => new ErrorQueueMessage(m.Queue, m.MessageId, m.MessageType, m.Reason))])
        {
            ClosedPeriods = await QueryAsync(connectionString("payment"),
                "SELECT partnership_id, start, \"end\", closed_at FROM closed_periods WHERE reopened_at IS NULL",
                r => new ClosedPeriod(r.GetGuid(0), r.GetFieldValue<DateOnly>(1), r.GetFieldValue<DateOnly>(2), r.GetFieldValue<DateTimeOffset>(3))),
            PayerTotals = await QueryAsync(connectionString("payment"),
                "SELECT partnership_id, payer_id, sum(amount_ore)::bigint FROM ledger_day_totals GROUP BY 1, 2",
                r => new PayerTotal(r.GetGuid(0), r.GetString(1), r.GetInt64(2))),
        };
    }

    private static async Task<List<IssuedDocument>> ReadDocumentsAsync(string connectionString)
    {
        var lines = (await QueryAsync(connectionString,
                "SELECT invoice_id, line_number, ledger_item_id, quantity, unit_price_ore, allowance_ore, net_amount_ore FROM invoice_lines",
                r => (InvoiceId: r.GetGuid(0), Line: new DocumentLine(r.GetInt32(1), r.GetGuid(2), r.GetInt32(3), r.GetInt64(4), r.GetInt64(5), r.GetInt64(6)))))
            .ToLookup(l => l.InvoiceId, l => l.Line);
        return await QueryAsync(connectionString,
            "SELECT id, kind, number, credited_invoice_id, net_amount_ore, vat_amount_ore, total_amount_ore, partnership_id, period_end, created_at, issuer_cvr, payer_id FROM invoices",
            r => new IssuedDocument(r.GetGuid(0), r.GetInt32(1), r.GetInt64(2), r.IsDBNull(3) ? null : r.GetGuid(3), r.GetInt64(4), r.GetInt64(5),
                r.GetInt64(6), [.. lines[r.GetGuid(0)].OrderBy(l => l.LineNumber)])
            {
                PartnershipId = r.GetGuid(7), PeriodEnd = r.GetFieldValue<DateOnly>(8), CreatedAt = r.GetFieldValue<DateTimeOffset>(9), IssuerCvr = r.GetString(10), PayerId = r.GetString(11),
            });
    }

    private static async Task<List<T>> QueryAsync<T>(string connectionString, string sql, Func<NpgsqlDataReader, T> read)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await using var reader = await command.ExecuteReaderAsync();
        var rows = new List<T>();
        while (await reader.ReadAsync()) rows.Add(read(reader));
        return rows;
    }
}
