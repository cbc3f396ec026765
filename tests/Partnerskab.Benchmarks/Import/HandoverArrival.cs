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
    /// The same for the given citizens of a partnership (a stream's last batch), counted by key
    /// (one probe of the index per key, as the services' batch lookups do), so the wait costs what
    /// it counts, not what the partnership holds.
    /// </summary>
    public static async Task WaitAsync(Func<string, string> connectionString, string partnershipId, IReadOnlyList<string> citizenIds, TimeSpan patience)
    {
        var id = Guid.Parse(partnershipId);
        var citizens = citizenIds.ToArray();
        await Database.WaitForCountAsync("of the citizens in follow-up in the outcome service", connectionString("outcome"),
            "SELECT count(*) FROM unnest($2) AS k(key) CROSS JOIN LATERAL (SELECT 1 FROM follow_up_citizens WHERE partnership_id = (SELECT $1) AND citizen_id = k.key OFFSET 0) AS c",
            citizens.Length, patience, id, citizens);
        await Database.WaitForCountAsync("of the citizens' handover fees in the payment service's ledger", connectionString("payment"),
            "SELECT count(*) FROM unnest($2) AS k(key) CROSS JOIN LATERAL (SELECT 1 FROM ledger_items WHERE partnership_id = (SELECT $1) AND citizen_id = k.key AND kind = 1 OFFSET 0) AS i",
            citizens.Length, patience, id, citizens);
    }
}
