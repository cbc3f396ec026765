using Google.Protobuf.WellKnownTypes;
using Partnerskab.Protos.Outcome.V1;
using Partnerskab.ServiceDefaults;

namespace Partnerskab.Outcome.BusinessCase;

/// <summary>The business case and its inputs as the API shows them; weeks in hundredths.</summary>
public static class BusinessCaseProtos
{
    public static BusinessCaseInputs ToProto(this BusinessCaseInputsVersion version)
    {
        var inputs = new BusinessCaseInputs
        {
            EffectiveFrom = version.EffectiveFrom.ToProto(),
            RatesSource = version.RatesSource,
            CurveSource = version.CurveSource,
            RecordedAt = Timestamp.FromDateTimeOffset(version.RecordedAt.ToDateTimeOffset()),
            RecordedBy = version.RecordedBy,
        };
        inputs.Rates.AddRange(version.Rates().Select(r => new BenefitRate { Status = (WeeklyStatus)(int)r.Status, Year = r.Year, OrePerWeek = r.OrePerWeek }));
        inputs.Shares.AddRange(version.Shares().Select(s => new BenefitShare { Status = (WeeklyStatus)(int)s.Status, FromWeek = s.FromWeek, BasisPoints = s.BasisPoints }));
        inputs.ExpectedSelfSufficientBasisPoints.AddRange(version.CurveBasisPoints);
        return inputs;
    }

    public static Protos.Outcome.V1.BusinessCase ToProto(this BusinessCaseEstimate.Result result, BusinessCaseComparison comparison)
    {
        var proto = new Protos.Outcome.V1.BusinessCase
        {
            Comparison = comparison, CohortCitizens = result.CohortCitizens, ComparisonCitizens = result.ComparisonCitizens, Reason = result.Reason ?? "",
        };
        proto.Months.AddRange(result.Months.Select(m =>
        {
            var month = new BusinessCaseMonth { Month = m.Month, Cohort = ToProto(m.Cohort) };
            if (m.Comparison is { } group) month.Comparison = ToProto(group);
            if (m.ExpectedSelfSufficientBasisPoints is { } expected) month.ExpectedSelfSufficientBasisPoints = expected;
            if (m.AdditionalSelfSufficientWeeks is { } additional) month.AdditionalSelfSufficientWeeksHundredths = Hundredths(additional);
            if (m.BenefitWeeksSaved is { } saved) month.BenefitWeeksSavedHundredths = Hundredths(saved);
            if (m.GrossSavingOre is { } saving) month.GrossSavingOre = saving;
            if (m.CumulativeGrossSavingOre is { } cumulative) month.CumulativeGrossSavingOre = cumulative;
            return month;
        }));
        if (result.Estimate is { } e)
        {
            proto.Estimate = new Protos.Outcome.V1.BusinessCaseEstimate
            {
                AdditionalSelfSufficientWeeksHundredths = Hundredths(e.AdditionalSelfSufficientWeeks),
                AdditionalSelfSufficientWeeksLowHundredths = Hundredths(e.AdditionalSelfSufficientWeeksInterval.Low),
                AdditionalSelfSufficientWeeksHighHundredths = Hundredths(e.AdditionalSelfSufficientWeeksInterval.High),
                BenefitWeeksSavedHundredths = Hundredths(e.BenefitWeeksSaved),
                GrossSavingOre = e.GrossSavingOre,
                GrossSavingLowOre = (long)e.GrossSavingOreInterval.Low,
                GrossSavingHighOre = (long)e.GrossSavingOreInterval.High,
            };
            if (e.NetToDateOre is { } netToDate) proto.Estimate.NetToDateOre = netToDate;
            if (e.NetExpectedOre is { } netExpected) proto.Estimate.NetExpectedOre = netExpected;
            if (e.BreakEvenMonth is { } breakEven) proto.Estimate.BreakEvenMonth = breakEven;
            if (e.CostPerAdditionalSelfSufficientWeekOre is { } perWeek) proto.Estimate.CostPerAdditionalSelfSufficientWeekOre = perWeek;
        }
        return proto;
    }

    private static BusinessCaseGroupMonth ToProto(BusinessCaseEstimate.GroupMonth m) => new()
    {
        Citizens = m.Citizens, Weeks = m.Weeks, BenefitWeeks = m.BenefitWeeks, SelfSufficientWeeks = m.SelfSufficientWeeks, CostOre = m.CostOre,
    };

    /// <summary>Weeks already rounded to hundredths, as a whole number of hundredths.</summary>
    private static long Hundredths(decimal weeks) => (long)(weeks * 100);
}
