using Partnerskab.Protos.Payment.V1;
using Partnerskab.Testing.InProcess;

namespace Partnerskab.Payment.Tests.InProcess;

/// <summary>The payment service in the test process, shared by the tests of the <see cref="PaymentServiceCollection"/>.</summary>
public sealed class PaymentHost() : InProcessService<PaymentGrpcService, PaymentService.PaymentServiceClient>("payment")
{
    protected override Task WarmUpAsync(PaymentService.PaymentServiceClient client) =>
        client.ListRateCardsAsync(new ListRateCardsRequest { PartnershipId = Guid.NewGuid().ToString() }, deadline: DateTime.UtcNow.AddSeconds(60)).ResponseAsync;
}

[CollectionDefinition(Name)]
public sealed class PaymentServiceCollection : ICollectionFixture<PaymentHost>
{
    public const string Name = "payment service";
}
