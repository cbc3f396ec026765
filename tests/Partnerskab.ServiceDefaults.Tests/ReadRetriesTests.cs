using Grpc.Core;
using Partnerskab.Protos.Cohort.V1;
using Partnerskab.Protos.Payment.V1;
using Partnerskab.ServiceDefaults.Calling;

namespace Partnerskab.ServiceDefaults.Tests;

/// <summary>Which calls are tried again on another instance: the reads (GET in their HTTP rule), never a write.</summary>
public sealed class ReadRetriesTests
{
    [Fact]
    public void The_reads_of_a_service_are_retried_when_unavailable()
    {
        var reads = ReadRetries.For(CohortService.Descriptor);

        var names = reads.Names.Select(name => name.Method).ToList();
        names.ShouldContain(nameof(CohortService.CohortServiceClient.ListPartnerships));
        names.ShouldContain(nameof(CohortService.CohortServiceClient.GetCitizen));
        names.ShouldContain(nameof(CohortService.CohortServiceClient.CountCitizens));
        reads.Names.ShouldAllBe(name => name.Service == CohortService.Descriptor.FullName);
        reads.RetryPolicy!.RetryableStatusCodes.ShouldBe([StatusCode.Unavailable]);
        reads.RetryPolicy.MaxAttempts.ShouldBe(ReadRetries.Attempts);
    }

    [Fact]
    public void Writes_are_not_retried()
    {
        var names = ReadRetries.For(PaymentService.Descriptor).Names.Select(name => name.Method).ToList();

        names.ShouldContain(nameof(PaymentService.PaymentServiceClient.GetLedger));
        names.ShouldNotContain(nameof(PaymentService.PaymentServiceClient.RunInvoices));
        names.ShouldNotContain(nameof(PaymentService.PaymentServiceClient.SetDisclosure));
        names.ShouldNotContain(nameof(PaymentService.PaymentServiceClient.RecordPayments));
        names.Count.ShouldBe(PaymentService.Descriptor.Methods.Count(ReadRetries.IsRead));
    }
}
