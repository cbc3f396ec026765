using Grpc.Core;
using Partnerskab.EndToEnd.Tests.Infrastructure;
using Partnerskab.Protos.Payment.V1;
using Partnerskab.Scenario;
using Shouldly;

namespace Partnerskab.EndToEnd.Tests;

[Collection(SuiteCollection.Name)]
public sealed class PaymentRateCardTests(SuiteFixture suite)
{
    [Fact]
    public async Task A_rate_card_keeps_every_term_and_sending_a_version_again_changes_nothing()
    {
        var payment = suite.Clients.Payment;
        var partnershipId = Guid.NewGuid().ToString();
        var first = PaymentTestData.FullRateCard(partnershipId, ThinSlice.Day(2023, 3, 1));
        var later = first.With(r =>
        {
            r.EffectiveFrom = ThinSlice.Day(2024, 1, 1);
            r.ClearVatRateBasisPoints();
            r.ClearPaymentTermsDays();
            r.InvoicingPeriod = BillingInterval.Unspecified;
            r.Caps = null;
            r.PayeeAccount = null;
        });

        var created = await payment.SetRateCardAsync(first, deadline: SuiteClients.Deadline());
        var defaults = await payment.SetRateCardAsync(later, deadline: SuiteClients.Deadline());
        var again = await payment.SetRateCardAsync(first, deadline: SuiteClients.Deadline());
        var conflict = await Should.ThrowAsync<RpcException>(payment.SetRateCardAsync(first.With(r => r.Caps.ContractOre++),
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

        var versions = (await payment.ListRateCardsAsync(new ListRateCardsRequest { PartnershipId = partnershipId },
            deadline: SuiteClients.Deadline())).RateCards;
        versions.ShouldBe([created.RateCard, defaults.RateCard]);
    }
}
