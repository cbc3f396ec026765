using System.Text.Json.Nodes;
using Partnerskab.Payment.Tests.Indigo;
using Partnerskab.Protos.Payment.V1;
using Partnerskab.Scenario;
using Partnerskab.Testing;
using Partnerskab.Testing.InProcess;
using Partnerskab.Tokens;

namespace Partnerskab.Payment.Tests.InProcess;

[Collection(ClockedPaymentServiceCollection.Name)]
public sealed class IndigoExportTests(ClockedPaymentHost payment) : InProcessTests(payment.ResetAsync)
{
    [Fact]
    public async Task The_indigo_record_holds_what_the_kommune_made_public_valid_against_the_schema_and_nothing_private()
    {
        payment.Today(2024, 1, 10);
        var client = payment.Client;
        var partnershipId = await payment.PartnershipAsync();
        var id = partnershipId.ToString();
        const long committedOre = 2_345_678_91;
        await client.RecordInvestorCashFlowAsync(new RecordInvestorCashFlowRequest
        {
            PartnershipId = id, Kind = InvestorCashFlowKind.Commitment, OccurredOn = ThinSlice.Day(2023, 2, 15), AmountOre = committedOre, Reference = "agreement",
        }, deadline: SuiteClients.Deadline());
        using var investor = payment.ClientFor(new TokenSubject("kapitalfond", [SuiteRoles.Investor], "33445566", [id]));
        var request = new ExportIndigoProjectRequest { PartnershipId = id, AsOf = ThinSlice.Day(2024, 1, 10) };

        var unset = await investor.Client.ExportIndigoProjectAsync(request, deadline: SuiteClients.Deadline());
        JsonNode.Parse(unset.RecordJson)!.ToJsonString().ShouldBe("""{"status":"PUBLIC"}""", "every part is private until the kommune says otherwise");
        unset.Fields.Select(f => f.Disclosure).ShouldAllBe(d => d == Disclosure.Private);
        unset.Fields.Count.ShouldBe(Enum.GetValues<IndigoField>().Length - 1);

        var set = await client.SetDisclosureAsync(new SetDisclosureRequest
        {
            PartnershipId = id,
            Fields =
            {
                new FieldDisclosure { Field = IndigoField.Name, Disclosure = Disclosure.Public },
                new FieldDisclosure { Field = IndigoField.OutcomePricings, Disclosure = Disclosure.Public },
                new FieldDisclosure { Field = IndigoField.Results, Disclosure = Disclosure.Public },
                new FieldDisclosure { Field = IndigoField.Investments, Disclosure = Disclosure.Disputed },
            },
        }, deadline: SuiteClients.Deadline());
        set.Fields.Single(f => f.Field == IndigoField.Investments).Disclosure.ShouldBe(Disclosure.Disputed);
        set.Fields.Single(f => f.Field == IndigoField.Name).SetBy.ShouldBe(InProcessService<PaymentGrpcService, PaymentService.PaymentServiceClient>.Operator.Subject);
        set.Fields.Single(f => f.Field == IndigoField.Dates).SetAt.ShouldBeNull("never set: private");

        var export = await investor.Client.ExportIndigoProjectAsync(request, deadline: SuiteClients.Deadline());

        IndigoSchema.Errors(export.RecordJson).ShouldBeEmpty();
        IndigoSchema.UndefinedProperties(export.RecordJson).ShouldBeEmpty();
        export.StandardVersion.ShouldBe(Payment.Indigo.IndigoRecord.StandardVersion);
        var record = JsonNode.Parse(export.RecordJson)!.AsObject();
        record.Select(p => p.Key).ShouldBe(["status", "name", "outcome_pricings", "results"], ignoreOrder: true);
        record["name"]!["value"]!.GetValue<string>().ShouldBe("Haderslev");
        var pricing = record["outcome_pricings"]!.AsArray().ShouldHaveSingleItem()!;
        pricing["outcome_metric_id"]!["value"]!.GetValue<string>().ShouldBe(TestRateCards.JobStart);
        pricing["price_per_unit"]!["amount"]!["value"]!.GetValue<decimal>().ShouldBe(TestRateCards.JobStartOre / 100m);
        export.RecordJson.ShouldNotContain((committedOre / 100m).ToString(System.Globalization.CultureInfo.InvariantCulture), Case.Sensitive, "the disputed investment never leaves");

        // Made private again, the name is gone; the earlier setting stays on record.
        await client.SetDisclosureAsync(new SetDisclosureRequest
        {
            PartnershipId = id, Fields = { new FieldDisclosure { Field = IndigoField.Name, Disclosure = Disclosure.Private } },
        }, deadline: SuiteClients.Deadline());
        (await investor.Client.ExportIndigoProjectAsync(request, deadline: SuiteClients.Deadline())).RecordJson.ShouldNotContain("Haderslev");
        (await payment.RowCountsAsync())["disclosure_settings"].ShouldBe(5);
    }
}
