using System.Collections;
using Google.Protobuf;
using Microsoft.Extensions.Localization;
using NodaTime;
using Partnerskab.Portal.Forms;
using Partnerskab.Protos.Cohort.V1;
using Partnerskab.ServiceDefaults;

namespace Partnerskab.Portal.Pages.Agreements;

/// <summary>
/// A partnership agreement's terms as the create and amend forms post them, each input named as
/// the request field it fills (so a service's field violation lands beside its input).
/// </summary>
public sealed record AgreementForm(IReadOnlyDictionary<string, string> Values, IReadOnlyList<string> BenefitTypes)
{
    public static readonly string[] Texts = ["name", "kommune.name", "kommune.cvr", "kommune.ean", "provider.name", "provider.cvr", "investor.name", "investor.cvr"];
    public static readonly string[] Dates = ["contract_start", "contract_end", "handover_window_start", "handover_window_end"];
    public static readonly string[] Numbers = ["cohort_capacity", "follow_up_months", "eligibility.min_weeks_sick_listed"];
    public const string BenefitTypesField = "eligibility.allowed_benefit_types";

    public static IReadOnlyList<BenefitType> BenefitTypeChoices { get; } = [.. Enum.GetValues<BenefitType>().Where(b => b != BenefitType.Unspecified)];

    public static AgreementForm Empty { get; } = new(new Dictionary<string, string>(), []);

    public string this[string field] => Values.TryGetValue(field, out var value) ? value : "";

    public static AgreementForm From(IFormCollection form) => new(
        Texts.Concat(Dates).Concat(Numbers).ToDictionary(f => f, f => form[f].ToString().Trim()),
        [.. form[BenefitTypesField].Select(b => b ?? "")]);

    /// <summary>The terms of a stored version, to amend.</summary>
    public static AgreementForm Of(Partnership p) => new(new Dictionary<string, string>
    {
        ["name"] = p.Name,
        ["kommune.name"] = p.Kommune?.Name ?? "", ["kommune.cvr"] = p.Kommune?.Cvr ?? "", ["kommune.ean"] = p.Kommune?.Ean ?? "",
        ["provider.name"] = p.Provider?.Name ?? "", ["provider.cvr"] = p.Provider?.Cvr ?? "",
        ["investor.name"] = p.Investor?.Name ?? "", ["investor.cvr"] = p.Investor?.Cvr ?? "",
        ["contract_start"] = Iso(p.ContractStart), ["contract_end"] = Iso(p.ContractEnd),
        ["handover_window_start"] = Iso(p.HandoverWindowStart), ["handover_window_end"] = Iso(p.HandoverWindowEnd),
        ["cohort_capacity"] = p.CohortCapacity.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["follow_up_months"] = p.FollowUpMonths.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["eligibility.min_weeks_sick_listed"] = (p.Eligibility?.MinWeeksSickListed ?? 0).ToString(System.Globalization.CultureInfo.InvariantCulture),
    }, [.. (p.Eligibility?.AllowedBenefitTypes ?? []).Select(b => b.ToString())]);

    /// <summary>
    /// The terms as a <see cref="Partnership"/> message, or null with the problems when a date or
    /// number cannot be read (then no service is asked). The services judge everything else.
    /// </summary>
    public Partnership? Read(FormProblems problems, IStringLocalizer text)
    {
        var dates = Dates.ToDictionary(f => f, f => problems.Date(this[f], f, text["DateRequired"]));
        // Only a whole number is checked here; the cohort service judges the range (a cohort of up to 1,000,000 places).
        var numbers = Numbers.ToDictionary(f => f, f => problems.Number(this[f], f, 0, 1_000_000, text["NumberRequired"]));
        var benefits = BenefitTypes.Select(b => Enum.TryParse<BenefitType>(b, out var parsed) && BenefitTypeChoices.Contains(parsed) ? parsed : BenefitType.Unspecified).ToList();
        if (benefits.Contains(BenefitType.Unspecified)) problems.Add(BenefitTypesField, text["BenefitTypeRequired"]);
        if (problems.Any) return null;
        return new Partnership
        {
            Name = this["name"],
            Kommune = new Organisation { Name = this["kommune.name"], Cvr = this["kommune.cvr"], Ean = this["kommune.ean"] },
            Provider = new Organisation { Name = this["provider.name"], Cvr = this["provider.cvr"] },
            Investor = new Organisation { Name = this["investor.name"], Cvr = this["investor.cvr"] },
            ContractStart = dates["contract_start"]!.Value.ToProto(),
            ContractEnd = dates["contract_end"]!.Value.ToProto(),
            HandoverWindowStart = dates["handover_window_start"]!.Value.ToProto(),
            HandoverWindowEnd = dates["handover_window_end"]!.Value.ToProto(),
            CohortCapacity = numbers["cohort_capacity"]!.Value,
            FollowUpMonths = numbers["follow_up_months"]!.Value,
            Eligibility = new Eligibility { MinWeeksSickListed = numbers["eligibility.min_weeks_sick_listed"]!.Value, AllowedBenefitTypes = { benefits } },
        };
    }

    /// <summary>Copies the terms into a create or amend request: every field of the request that the partnership has by the same name.</summary>
    public static TRequest Into<TRequest>(Partnership terms, TRequest request) where TRequest : IMessage
    {
        foreach (var field in request.Descriptor.Fields.InDeclarationOrder())
        {
            if (Partnership.Descriptor.FindFieldByName(field.Name) is not { } source || source.FieldType != field.FieldType) continue;
            var value = source.Accessor.GetValue(terms);
            if (field.IsRepeated)
            {
                var target = (IList)field.Accessor.GetValue(request);
                foreach (var item in (IEnumerable)value) target.Add(item);
            }
            else if (value is not null)
            {
                field.Accessor.SetValue(request, value);
            }
        }
        return request;
    }

    private static string Iso(Google.Type.Date? date) =>
        date is { Year: > 0 } ? new LocalDate(date.Year, date.Month, date.Day).ToString("uuuu-MM-dd", System.Globalization.CultureInfo.InvariantCulture) : "";
}
