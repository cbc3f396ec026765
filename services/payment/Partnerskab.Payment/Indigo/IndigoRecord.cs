using System.Globalization;
using System.Text.Json.Nodes;
using NodaTime;

namespace Partnerskab.Payment.Indigo;

/// <summary>
/// A partnership as an INDIGO project record (the Government Outcomes Lab's data standard,
/// schema version <see cref="StandardVersion"/>), holding only the parts the kommune made public:
/// a private or disputed part, and every part never set, is left out whole, so nothing of it
/// leaves the suite. Amounts are in kroner (INDIGO's currency units) with the currency DKK,
/// computed from whole øre exactly.
/// </summary>
public static class IndigoRecord
{
    public const string StandardVersion = "4.1.0";
    private const string Currency = "DKK";
    private const string PublicStatus = "PUBLIC";

    /// <summary>What was invoiced for one invoicing period, without VAT, net of its credit notes.</summary>
    public sealed record PeriodPayment(LocalDate Start, LocalDate End, long NetOre);

    /// <summary>Everything the record can say; Name and the dates are null while the partnership's registration has not arrived.</summary>
    public sealed record Facts(
        LocalDate AsOf,
        string? Name,
        LocalDate? ContractStart,
        LocalDate? ContractEnd,
        LocalDate? LastOutcomePaymentDay,
        IReadOnlyList<(string Code, long PriceOre)> MilestonePrices,
        long? ContractCapOre,
        IReadOnlyList<PeriodPayment> Payments,
        int CitizensEngaged,
        int CitizensWithMilestone,
        long CommittedOre);

    /// <summary>A part is public only when the kommune set it so; anything else, or nothing, is private.</summary>
    public static bool IsPublic(IReadOnlyDictionary<IndigoPart, FieldStatus> settings, IndigoPart part) =>
        settings.TryGetValue(part, out var status) && status == FieldStatus.Public;

    public static JsonObject Build(Facts facts, IReadOnlyDictionary<IndigoPart, FieldStatus> settings)
    {
        bool Public(IndigoPart part) => IsPublic(settings, part);
        var record = new JsonObject { ["status"] = PublicStatus };
        if (Public(IndigoPart.Name) && facts.Name is { Length: > 0 } name) record["name"] = Value(name);
        if (Public(IndigoPart.Dates) && facts.ContractStart is { } start && facts.ContractEnd is { } end && facts.LastOutcomePaymentDay is { } last)
        {
            record["dates"] = new JsonObject
            {
                ["start_date_of_service_provision"] = PublicValue(Date(start)),
                ["anticipated_end_date_of_service_provision"] = PublicValue(Date(end)),
                ["anticipated_completion_date"] = PublicValue(Date(last)),
            };
        }
        if (Public(IndigoPart.OutcomeMetrics) && facts.MilestonePrices.Count > 0)
        {
            record["outcome_metrics"] = Items(facts.MilestonePrices, price => new JsonObject
            {
                ["id"] = price.Code,
                ["definition"] = Value($"Milestone {price.Code}"),
                ["unit_type_of_targeted_service_users_or_beneficiaries"] = Value("Individual"),
            });
        }
        if (Public(IndigoPart.OutcomePricings) && facts.MilestonePrices.Count > 0)
        {
            record["outcome_pricings"] = Items(facts.MilestonePrices, price => new JsonObject
            {
                ["outcome_metric_id"] = Value(price.Code),
                ["currency"] = Value(Currency),
                ["price_per_unit"] = new JsonObject { ["amount"] = Value(Kroner(price.PriceOre)) },
            });
        }
        if (Public(IndigoPart.MaximumOutcomePayment) && facts.ContractCapOre is { } cap)
        {
            record["overall_project_finance"] = new JsonObject
            {
                ["maximum_potential_outcome_payment_v2"] = new JsonObject
                {
                    ["currency"] = PublicValue(Currency),
                    ["amount"] = PublicValue(Kroner(cap)),
                },
            };
        }
        if (Public(IndigoPart.OutcomePayments) && facts.Payments.Count > 0)
        {
            record["outcome_payments"] = Items(facts.Payments, payment => new JsonObject
            {
                ["period"] = Period(payment.Start, payment.End),
                ["type"] = Value("Actual"),
                ["money"] = new JsonObject { ["currency"] = Value(Currency), ["amount"] = Value(Kroner(payment.NetOre)) },
            });
        }
        if (Public(IndigoPart.Results) && facts.ContractStart is { } resultsFrom)
        {
            var final = facts.LastOutcomePaymentDay is { } lastDay && facts.AsOf >= lastDay;
            record["results"] = Items(new[] { facts }, f => new JsonObject
            {
                ["result_level"] = Value("Project level"),
                ["result_type"] = Value(final ? "Final" : "Interim"),
                ["period"] = Period(resultsFrom, f.AsOf),
                ["number_engaged_in_impact_bond"] = Value(f.CitizensEngaged),
                ["number_with_positive_social_outcomes"] = Value(f.CitizensWithMilestone),
            });
        }
        if (Public(IndigoPart.Investments) && facts.CommittedOre > 0)
        {
            record["investments"] = Items(new[] { facts.CommittedOre }, committed => new JsonObject
            {
                ["id"] = "investment1",
                ["investment_commitment"] = new JsonObject
                {
                    ["currency"] = Value(Currency),
                    ["amount"] = new JsonObject { ["exact"] = Value(Kroner(committed)) },
                },
            });
        }
        return record;
    }

    /// <summary>A list of items, each marked public (only public items are ever made).</summary>
    private static JsonArray Items<T>(IEnumerable<T> values, Func<T, JsonObject> item) =>
        new([.. values.Select(v =>
        {
            var node = item(v);
            node["status"] = PublicStatus;
            return (JsonNode)node;
        })]);

    private static JsonObject Value(JsonNode value) => new() { ["value"] = value };

    private static JsonObject PublicValue(JsonNode value) => new() { ["value"] = value, ["status"] = PublicStatus };

    private static JsonObject Period(LocalDate start, LocalDate end) => new() { ["start_date"] = Value(Date(start)), ["end_date"] = Value(Date(end)) };

    private static string Date(LocalDate date) => date.ToString("uuuu-MM-dd", CultureInfo.InvariantCulture);

    private static decimal Kroner(long ore) => ore / 100m;
}
