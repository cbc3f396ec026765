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
}
