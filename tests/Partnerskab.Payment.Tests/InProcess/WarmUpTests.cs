using Microsoft.Extensions.DependencyInjection;
using Partnerskab.ServiceDefaults.Hosting;
using Partnerskab.Testing.InProcess;

namespace Partnerskab.Payment.Tests.InProcess;

/// <summary>The reads the service runs before it reports ready: each answers for a partnership it holds, and nothing is written, the audit log included.</summary>
[Collection(ClockedPaymentServiceCollection.Name)]
public sealed class WarmUpTests(ClockedPaymentHost payment) : InProcessTests(payment.ResetAsync)
{
    [Fact]
    public async Task The_warm_up_reads_answer_for_a_partnership_the_service_holds_and_write_nothing()
    {
        await payment.PartnershipAsync();
        var before = await payment.RowCountsAsync(withAuditLog: true);

        var reads = await payment.Services.GetRequiredService<ServiceWarmUp>().RunReadsAsync(CancellationToken.None);

        reads.Unexpected.ShouldBeEmpty();
        reads.Refused.ShouldBeEmpty();
        reads.Count.ShouldBe(3);
        (await payment.RowCountsAsync(withAuditLog: true)).ShouldBe(before);
    }
}
