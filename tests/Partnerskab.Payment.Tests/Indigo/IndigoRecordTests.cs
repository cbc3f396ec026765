using NodaTime;
using Partnerskab.Payment.Indigo;

namespace Partnerskab.Payment.Tests.Indigo;

public sealed class IndigoRecordTests
{
    private static readonly IndigoRecord.Facts Facts = new(
        AsOf: new LocalDate(2024, 6, 30),
        Name: "Job og sundhed, Haderslev",
        ContractStart: new LocalDate(2023, 3, 1),
        ContractEnd: new LocalDate(2025, 3, 31),
        LastOutcomePaymentDay: new LocalDate(2027, 3, 31),
        MilestonePrices: [("FIRST_PAID_HOURS", 12_345_67), ("JOB_START", 25_000_00)],
        ContractCapOre: 5_600_000_00,
        Payments: [new(new LocalDate(2023, 4, 1), new LocalDate(2023, 6, 30), 310_000_00), new(new LocalDate(2023, 7, 1), new LocalDate(2023, 9, 30), 87_654_32)],
        CitizensEngaged: 150,
        CitizensWithMilestone: 47,
        CommittedOre: 2_100_000_00);

    private static Dictionary<IndigoPart, FieldStatus> All(FieldStatus status) => Enum.GetValues<IndigoPart>().ToDictionary(p => p, _ => status);

    private static string Json(IndigoRecord.Facts facts, IReadOnlyDictionary<IndigoPart, FieldStatus> settings) =>
        IndigoRecord.Build(facts, settings).ToJsonString();

    [Fact]
    public void A_fully_public_record_is_valid_against_the_indigo_project_schema_and_uses_only_its_fields()
    {
        var json = Json(Facts, All(FieldStatus.Public));

        IndigoSchema.Errors(json).ShouldBeEmpty();
        IndigoSchema.UndefinedProperties(json).ShouldBeEmpty();
        foreach (var key in new[] { "name", "dates", "outcome_metrics", "outcome_pricings", "overall_project_finance", "outcome_payments", "results", "investments" })
        {
            json.ShouldContain($"\"{key}\":");
        }
    }

    [Fact]
    public void The_schema_checks_can_fail()
    {
        IndigoSchema.Errors("""{"status": "SECRET", "dates": {"anticipated_completion_date": {"value": "31-03-2027"}}}""").Count.ShouldBe(2);
        IndigoSchema.UndefinedProperties("""{"status": "PUBLIC", "results": [{"number_engaged": {"value": 1}}]}""").ShouldBe(["/results/0/number_engaged"]);
    }

    [Fact]
    public void Money_is_in_kroner_exactly_with_the_currency()
    {
        var json = Json(Facts, All(FieldStatus.Public));

        json.ShouldContain("\"price_per_unit\":{\"amount\":{\"value\":12345.67}}");
        json.ShouldContain("\"money\":{\"currency\":{\"value\":\"DKK\"},\"amount\":{\"value\":87654.32}}");
        json.ShouldContain("\"exact\":{\"value\":2100000}");
    }

    [Fact]
    public void With_no_settings_every_part_is_private_and_nothing_but_the_record_status_leaves()
    {
        var json = Json(Facts, new Dictionary<IndigoPart, FieldStatus>());

        json.ShouldBe("""{"status":"PUBLIC"}""");
        IndigoSchema.Errors(json).ShouldBeEmpty();
    }

    [Theory]
    [InlineData(IndigoPart.Name, "name", "Haderslev")]
    [InlineData(IndigoPart.Dates, "dates", "2027-03-31")]
    [InlineData(IndigoPart.OutcomeMetrics, "outcome_metrics", "Milestone JOB_START")]
    [InlineData(IndigoPart.OutcomePricings, "outcome_pricings", "12345.67")]
    [InlineData(IndigoPart.MaximumOutcomePayment, "overall_project_finance", "5600000")]
    [InlineData(IndigoPart.OutcomePayments, "outcome_payments", "87654.32")]
    [InlineData(IndigoPart.Results, "number_with_positive_social_outcomes", "\"value\":47")]
    [InlineData(IndigoPart.Investments, "investments", "2100000")]
    public void A_private_or_disputed_part_never_appears_while_the_others_do(IndigoPart part, string key, string figure)
    {
        foreach (var withheld in new[] { FieldStatus.Private, FieldStatus.Disputed })
        {
            var settings = All(FieldStatus.Public);
            settings[part] = withheld;
            var json = Json(Facts, settings);

            json.ShouldNotContain($"\"{key}\"");
            json.ShouldNotContain(figure);
            IndigoSchema.Errors(json).ShouldBeEmpty();

            var alone = Json(Facts, new Dictionary<IndigoPart, FieldStatus> { [part] = FieldStatus.Public });
            alone.ShouldContain($"\"{key}\"");
            alone.ShouldContain(figure);
        }
    }

    [Fact]
    public void Results_are_interim_until_the_last_day_of_outcome_payments_and_final_from_it()
    {
        var results = new Dictionary<IndigoPart, FieldStatus> { [IndigoPart.Results] = FieldStatus.Public };

        Json(Facts, results).ShouldContain("\"result_type\":{\"value\":\"Interim\"}");
        Json(Facts with { AsOf = new LocalDate(2027, 3, 31) }, results).ShouldContain("\"result_type\":{\"value\":\"Final\"}");
    }

    [Fact]
    public void Parts_without_facts_are_left_out_even_when_public()
    {
        var unknown = Facts with
        {
            Name = null, ContractStart = null, ContractEnd = null, LastOutcomePaymentDay = null,
            MilestonePrices = [], ContractCapOre = null, Payments = [], CommittedOre = 0,
        };

        Json(unknown, All(FieldStatus.Public)).ShouldBe("""{"status":"PUBLIC"}""");
    }
}
