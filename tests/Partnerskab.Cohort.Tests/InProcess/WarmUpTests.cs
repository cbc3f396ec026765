using Microsoft.Extensions.DependencyInjection;
using Partnerskab.ServiceDefaults.Hosting;
using Partnerskab.Testing;
using Partnerskab.Testing.InProcess;

namespace Partnerskab.Cohort.Tests.InProcess;

/// <summary>The reads the service runs before it reports ready: each answers for a citizen it holds, and nothing is written, the audit log included.</summary>
[Collection(CohortServiceCollection.Name)]
public sealed class WarmUpTests(CohortHost cohort) : InProcessTests(cohort.ResetAsync)
{
    [Fact]
    public async Task The_warm_up_reads_answer_for_a_citizen_the_service_holds_and_write_nothing()
    {
        await TestCitizens.HandedOverAsync(cohort.Client, "warm-up", 7340, "HAD-WARM-7340");
        var before = await cohort.RowCountsAsync(withAuditLog: true);

        var reads = await cohort.Services.GetRequiredService<ServiceWarmUp>().RunReadsAsync(CancellationToken.None);

        reads.Unexpected.ShouldBeEmpty();
        reads.Refused.ShouldBeEmpty();
        reads.Count.ShouldBe(6);
        (await cohort.RowCountsAsync(withAuditLog: true)).ShouldBe(before);
    }
}
