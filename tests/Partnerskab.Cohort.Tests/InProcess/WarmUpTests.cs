using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using Partnerskab.ServiceDefaults.Hosting;
using Partnerskab.Testing;
using Partnerskab.Testing.InProcess;

namespace Partnerskab.Cohort.Tests.InProcess;

/// <summary>
/// The reads the service runs before it reports ready: each answers for a citizen it holds through
/// its gRPC endpoint, the audited ones insert their audit entries, and nothing is left written, the
/// audit log included.
/// </summary>
[Collection(CohortServiceCollection.Name)]
public sealed class WarmUpTests(CohortHost cohort) : InProcessTests(cohort.ResetAsync)
{
    [Fact]
    public async Task The_warm_up_reads_answer_for_a_citizen_the_service_holds_and_write_nothing()
    {
        await TestCitizens.HandedOverAsync(cohort.Client, "warm-up", 7340, "HAD-WARM-7340");
        var before = await cohort.RowCountsAsync(withAuditLog: true);
        var auditIdsBefore = await AuditIdsTakenAsync();

        var reads = await cohort.Services.GetRequiredService<ServiceWarmUp>().RunReadsAsync(CancellationToken.None);

        reads.Unexpected.ShouldBeEmpty();
        reads.Refused.ShouldBeEmpty();
        reads.Count.ShouldBe(6);
        (await cohort.RowCountsAsync(withAuditLog: true)).ShouldBe(before);
        // GetCitizen, GetFollowUpStatus and ListCitizens are audited: their entries were inserted, then rolled back.
        (await AuditIdsTakenAsync()).ShouldBe(auditIdsBefore + 3);
    }

    /// <summary>How far the audit log's identity has gone: a sequence is not rolled back with the insert that took from it.</summary>
    private async Task<long> AuditIdsTakenAsync()
    {
        await using var connection = await cohort.OpenAsync();
        await using var command = new NpgsqlCommand(
            "SELECT CASE WHEN is_called THEN last_value ELSE 0 END FROM audit_entries_id_seq", connection);
        return (long)(await command.ExecuteScalarAsync())!;
    }
}
