using System.Globalization;
using Partnerskab.Cli.Finance;
using Partnerskab.Protos.Outcome.V1;
using Partnerskab.Protos.Payment.V1;
using Date = Google.Type.Date;

namespace Partnerskab.Cli.Outcome;

/// <summary>
/// `partnerskab outcome business-case`: did the partnership pay off. The cost is read from the
/// payment service first (as of and as known on the same day, without VAT, which the kommune
/// gets back) and handed to the outcome service's case, which weighs the weeks saved against it.
/// </summary>
public sealed class BusinessCaseView(OutcomeService.OutcomeServiceClient outcome, PaymentService.PaymentServiceClient? payment, TextWriter output,
    OutputFormat format = OutputFormat.Text)
{
    /// <param name="asOf">Unset: today.</param>
    /// <param name="knownOn">Unset: as known now.</param>
    public async Task<GetBusinessCaseResponse> ShowAsync(string partnershipId, Date? asOf, Date? knownOn, CancellationToken cancellationToken = default)
    {
        var request = new GetBusinessCaseRequest { PartnershipId = partnershipId, AsOf = asOf, KnownOn = knownOn };
        if (payment is not null)
        {
            var cost = await payment.GetPartnershipCostAsync(new GetPartnershipCostRequest { PartnershipId = partnershipId, AsOf = asOf, KnownOn = knownOn, ExcludingVat = true },
                deadline: DateTime.UtcNow.AddSeconds(30), cancellationToken: cancellationToken);
            request.CostToDateOre = cost.TotalToDateOre;
            request.CostExpectedOre = cost.TotalExpectedOre;
        }
        var answer = await outcome.GetBusinessCaseAsync(request, deadline: DateTime.UtcNow.AddSeconds(60), cancellationToken: cancellationToken);
        ReadOutput.Write(output, format, answer, () => Report(answer, request));
        return answer;
    }

    public static string Report(GetBusinessCaseResponse answer, GetBusinessCaseRequest request)
    {
        var lines = new List<string> { $"  Business case of partnership {answer.PartnershipId} as of {FinanceDates.Text(answer.AsOf)}" };
        if (answer.Inputs is not { } inputs)
        {
            lines.Add("  No business-case inputs (benefit rates, expected curve) are in force on that day.");
            return string.Join('\n', lines) + "\n";
        }
        lines.Add($"  inputs in force from {FinanceDates.Text(inputs.EffectiveFrom)}; rates: {inputs.RatesSource}"
            + (inputs.CurveSource.Length > 0 ? $"; expected curve: {inputs.CurveSource}" : ""));
        lines.Add(request.HasCostToDateOre
            ? $"  cost to date (without VAT): {TextTable.Kroner(request.CostToDateOre)}, expected in total: {TextTable.Kroner(request.CostExpectedOre)}"
            : "  without the partnership's cost");
        foreach (var @case in answer.Cases)
        {
            lines.Add("");
            lines.Add($"  Against the {Comparison(@case.Comparison)}: {@case.CohortCitizens} citizens of the cohort with a month completed"
                + (@case.Comparison == BusinessCaseComparison.Group ? $", {@case.ComparisonCitizens} of the comparison group" : ""));
            lines.Add(MonthsTable(@case.Months).TrimEnd('\n'));
            lines.AddRange(@case.Estimate is { } e ? Estimate(e, answer) : [$"  {@case.Reason}"]);
        }
        if (answer.Cases.Count == 0) lines.Add("  There is nothing to compare with: the inputs hold no expected curve and no comparison citizen is registered.");
        return string.Join('\n', lines) + "\n";
    }

    public static string MonthsTable(IEnumerable<BusinessCaseMonth> months) => TextTable.Format(
        [
            new("month", RightAligned: true), new("citizens", RightAligned: true), new("weeks", RightAligned: true), new("on benefit", RightAligned: true),
            new("self-sufficient", RightAligned: true), new("expected share", RightAligned: true),
            new("comparison citizens", RightAligned: true), new("comparison self-sufficient", RightAligned: true), new("additional", RightAligned: true),
            new("benefit cost", RightAligned: true), new("saving", RightAligned: true), new("cumulative saving", RightAligned: true),
        ],
        months.Select(m => (IReadOnlyList<string>)
        [
            Number(m.Month), Number(m.Cohort.Citizens), Number(m.Cohort.Weeks), Number(m.Cohort.BenefitWeeks), Number(m.Cohort.SelfSufficientWeeks),
            m.HasExpectedSelfSufficientBasisPoints ? PartnershipCost.Percent(m.ExpectedSelfSufficientBasisPoints) : "",
            m.Comparison is { } group ? Number(group.Citizens) : "", m.Comparison is { } same ? Number(same.SelfSufficientWeeks) : "",
            m.HasAdditionalSelfSufficientWeeksHundredths ? Weeks(m.AdditionalSelfSufficientWeeksHundredths) : "",
            TextTable.Kroner(m.Cohort.CostOre),
            m.HasGrossSavingOre ? TextTable.Kroner(m.GrossSavingOre) : "",
            m.HasCumulativeGrossSavingOre ? TextTable.Kroner(m.CumulativeGrossSavingOre) : "",
        ]));

    private static IEnumerable<string> Estimate(Protos.Outcome.V1.BusinessCaseEstimate e, GetBusinessCaseResponse answer)
    {
        var interval = $"95 % bootstrap interval over citizens, {answer.BootstrapReplicates} resamples, seed {answer.BootstrapSeed}";
        yield return $"  additional self-sufficient weeks: {Weeks(e.AdditionalSelfSufficientWeeksHundredths)} "
            + $"({Weeks(e.AdditionalSelfSufficientWeeksLowHundredths)} to {Weeks(e.AdditionalSelfSufficientWeeksHighHundredths)}; {interval})";
        yield return $"  weeks on benefit saved: {Weeks(e.BenefitWeeksSavedHundredths)}";
        yield return $"  gross saving: {TextTable.Kroner(e.GrossSavingOre)} ({TextTable.Kroner(e.GrossSavingLowOre)} to {TextTable.Kroner(e.GrossSavingHighOre)})";
        if (e.HasNetToDateOre) yield return $"  net to date: {TextTable.Kroner(e.NetToDateOre)}; net against the expected cost: {TextTable.Kroner(e.NetExpectedOre)}";
        if (e.HasBreakEvenMonth) yield return $"  break-even: month {e.BreakEvenMonth} since start";
        if (e.HasCostPerAdditionalSelfSufficientWeekOre) yield return $"  cost per additional self-sufficient week: {TextTable.Kroner(e.CostPerAdditionalSelfSufficientWeekOre)}";
    }

    private static string Comparison(BusinessCaseComparison comparison) => comparison switch
    {
        BusinessCaseComparison.ExpectedCurve => "expected curve",
        BusinessCaseComparison.Group => "comparison group",
        _ => comparison.ToString(),
    };

    private static string Weeks(long hundredths) => (hundredths / 100m).ToString("0.00", CultureInfo.InvariantCulture);

    private static string Number(int value) => value.ToString(CultureInfo.InvariantCulture);
}
