using Grpc.Core;
using Partnerskab.Protos.Payment.V1;
using Partnerskab.Scenario;
using Partnerskab.Testing.InProcess;
using Partnerskab.Testing.Rpcs;
using Partnerskab.Tokens;
using static Partnerskab.Tokens.SuiteRoles;

namespace Partnerskab.Payment.Tests.InProcess;

/// <summary>Who may call the payment service beyond each RPC's roles (<see cref="PaymentRpcs"/>).</summary>
[Collection(PaymentServiceCollection.Name)]
public sealed class AccessTests(PaymentHost payment) : InProcessTests(payment.ResetAsync)
{
    [Fact]
    public async Task Signing_keys_are_trusted_and_retired_without_a_restart()
    {
        var rotated = SigningKeys.CreatePrivateKey(SigningKeys.TokenServiceIssuer);
        var token = new TokenIssuer(rotated).Issue(new TokenSubject("finance", [Finance], null, [SuiteClaims.AllPartnerships]), TimeSpan.FromHours(1));
        using var clients = payment.ClientFor(token);
        Task<ListRateCardsResponse> Call() => clients.Client.ListRateCardsAsync(
            new ListRateCardsRequest { PartnershipId = InvalidInput.SomeId }, deadline: SuiteClients.Deadline()).ResponseAsync;

        (await Should.ThrowAsync<RpcException>(Call())).StatusCode.ShouldBe(StatusCode.Unauthenticated);
        payment.Keys.Trust(rotated);
        await Should.NotThrowAsync(Call());
        payment.Keys.Retire(rotated.Kid);
        (await Should.ThrowAsync<RpcException>(Call())).StatusCode.ShouldBe(StatusCode.Unauthenticated);
    }
}
