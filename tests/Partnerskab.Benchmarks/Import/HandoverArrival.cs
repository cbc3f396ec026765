namespace Partnerskab.Benchmarks;

/// <summary>
/// Handovers reach the outcome and payment services by event (CitizensHandedOver, through the
/// cohort service's outbox); a benchmark that needs the citizens known there, or needs the
/// broker and consumers idle, waits for them by reading the two databases.
/// </summary>
public static class HandoverArrival
{
    public static async Task WaitAsync(Func<string, string> connectionString, string partnershipId, int citizens, TimeSpan patience)
    {
        var id = Guid.Parse(partnershipId);
        await Database.WaitForCountAsync("citizens in follow-up in the outcome service", connectionString("outcome"),
            "SELECT count(*) FROM follow_up_citizens WHERE partnership_id = $1", citizens, patience, id);
        await Database.WaitForCountAsync("handover fees in the payment service's ledger", connectionString("payment"),
            "SELECT count(*) FROM ledger_items WHERE partnership_id = $1 AND kind = 1", citizens, patience, id);
    }

    /// <summary>
    /// The same for the given citizens of a partnership (one import stream's), counted by key, so
    /// the wait costs what the stream holds, not what the partnership holds: counting every row of
    /// a 110,000-citizen partnership once a second took PostgreSQL more time than the consumers'
    /// statements for the stream's 10,000 citizens grew by against an empty partnership
    /// (pg_stat_statements). It polls for the stream's last thousand citizens, then counts all of them.
    /// </summary>
    public static async Task WaitAsync(Func<string, string> connectionString, string partnershipId, IReadOnlyList<string> citizenIds, TimeSpan patience)
    {
        var id = Guid.Parse(partnershipId);
        foreach (var citizens in new[] { citizenIds.TakeLast(1000).ToArray(), citizenIds.ToArray() })
        {
            await Database.WaitForCountAsync("of the citizens in follow-up in the outcome service", connectionString("outcome"),
                "SELECT count(*) FROM follow_up_citizens WHERE partnership_id = $1 AND citizen_id = ANY($2)", citizens.Length, patience, id, citizens);
            await Database.WaitForCountAsync("of the citizens' handover fees in the payment service's ledger", connectionString("payment"),
                "SELECT count(*) FROM ledger_items WHERE partnership_id = $1 AND kind = 1 AND citizen_id = ANY($2)", citizens.Length, patience, id, citizens);
        }
    }
}
