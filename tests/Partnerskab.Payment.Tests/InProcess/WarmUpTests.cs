using Microsoft.Extensions.DependencyInjection;
using Partnerskab.Contracts;
using Partnerskab.Contracts.Cohort;
using Partnerskab.Payment.Persistence;
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

    [Fact]
    public async Task The_warm_up_reads_a_partnership_with_a_rate_card_and_ledger_items_over_one_with_nothing_booked()
    {
        payment.Today(2024, 3, 1);
        await payment.PartnershipAsync();
        var booked = await payment.PartnershipAsync();
        await payment.PartnershipAsync();
        await payment.PublishAsync(new CitizensHandedOver
        {
            PartnershipId = booked,
            Citizens = [new HandedOverCitizen
            {
                CitizenId = new Pseudonym($"{1:x32}"), HandoverDate = new DateOnly(2024, 1, 8), FollowUpStart = new DateOnly(2024, 1, 8),
                FollowUpEnd = new DateOnly(2026, 1, 8),
            }],
        });
        await payment.LedgerAsync(booked, 1);

        await using var scope = payment.Services.CreateAsyncScope();
        (await PaymentWarmUp.SampleAsync(scope.ServiceProvider.GetRequiredService<PaymentDbContext>(), CancellationToken.None)).ShouldBe(booked);
    }
}
