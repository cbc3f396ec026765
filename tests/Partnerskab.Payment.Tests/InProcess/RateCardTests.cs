using Grpc.Core;
using Partnerskab.Protos.Payment.V1;
using Partnerskab.Scenario;
using Partnerskab.Testing;
using Partnerskab.Testing.InProcess;

namespace Partnerskab.Payment.Tests.InProcess;

[Collection(PaymentServiceCollection.Name)]
public sealed class RateCardTests(PaymentHost payment) : InProcessTests(payment.ResetAsync)
{
    [Fact]
    public async Task A_rate_card_keeps_every_term_and_sending_a_version_again_changes_nothing()
    {
        var client = payment.Client;
        var partnershipId = Guid.NewGuid().ToString();
        var first = TestRateCards.FullRateCard(partnershipId, ThinSlice.Day(2023, 3, 1));
        var later = first.With(r =>
        {
            r.EffectiveFrom = ThinSlice.Day(2024, 1, 1);
            r.ClearVatRateBasisPoints();
            r.ClearPaymentTermsDays();
            r.InvoicingPeriod = BillingInterval.Unspecified;
            r.Caps = null;
            r.PayeeAccount = null;
        });

        var created = await client.SetRateCardAsync(first, deadline: SuiteClients.Deadline());
        var defaults = await client.SetRateCardAsync(later, deadline: SuiteClients.Deadline());
        var again = await client.SetRateCardAsync(first, deadline: SuiteClients.Deadline());
        var conflict = await Should.ThrowAsync<RpcException>(client.SetRateCardAsync(first.With(r => r.Caps.ContractOre++),
            deadline: SuiteClients.Deadline()).ResponseAsync);

        created.Created.ShouldBeTrue();
        created.RateCard.Version.ShouldBe(1);
        created.RateCard.Caps.ShouldBe(first.Caps);
        created.RateCard.PeriodicFees.ShouldBe(first.PeriodicFees);
        created.RateCard.DeliverableFees.ShouldBe(first.DeliverableFees);
        created.RateCard.Budgets.ShouldBe(first.Budgets);
        created.RateCard.PayeeAccount.ShouldBe(first.PayeeAccount);
        created.RateCard.InvoicingPeriod.ShouldBe(BillingInterval.Quarterly);
        (created.RateCard.VatRateBasisPoints, created.RateCard.PaymentTermsDays).ShouldBe((2500, 30));

        defaults.RateCard.Version.ShouldBe(2);
        defaults.RateCard.InvoicingPeriod.ShouldBe(BillingInterval.Monthly, "unset means monthly");
        (defaults.RateCard.VatRateBasisPoints, defaults.RateCard.PaymentTermsDays).ShouldBe((2500, 30), "unset means 25 % and 30 days");
        defaults.RateCard.Caps.HasContractOre.ShouldBeFalse();
        defaults.RateCard.PayeeAccount.ShouldBeNull();

        again.Created.ShouldBeFalse();
        again.RateCard.ShouldBe(created.RateCard);
        conflict.StatusCode.ShouldBe(StatusCode.AlreadyExists);

        var versions = (await client.ListRateCardsAsync(new ListRateCardsRequest { PartnershipId = partnershipId },
            deadline: SuiteClients.Deadline())).RateCards;
        versions.ShouldBe([created.RateCard, defaults.RateCard]);
    }
}
