using NodaTime;
using Partnerskab.Outcome.History;
using Partnerskab.Outcome.Timeline;

namespace Partnerskab.Outcome.BusinessCase;

/// <summary>
/// One version of a partnership's business-case inputs as entered, never changed: benefit rates
/// and shares (the refusion staircase) and the expected curve, each with its source. Rates,
/// shares and curve are kept as parallel arrays (PostgreSQL arrays), read whole with the version.
/// </summary>
public sealed class BusinessCaseInputsVersion
{
    public Guid Id { get; set; }
    public Guid PartnershipId { get; set; }
    public LocalDate EffectiveFrom { get; set; }
    public Instant RecordedAt { get; set; }
    public required string RecordedBy { get; set; }
    public int[] RateStatuses { get; set; } = [];
    public int[] RateYears { get; set; } = [];
    public long[] RateOrePerWeek { get; set; } = [];
    public int[] ShareStatuses { get; set; } = [];
    public int[] ShareFromWeeks { get; set; } = [];
    public int[] ShareBasisPoints { get; set; } = [];
    public required string RatesSource { get; set; }
    public int[] CurveBasisPoints { get; set; } = [];
    public required string CurveSource { get; set; }

    public IEnumerable<BenefitRates.Rate> Rates() =>
        RateStatuses.Select((status, i) => new BenefitRates.Rate((WeeklyStatusKind)status, RateYears[i], RateOrePerWeek[i]));

    public IEnumerable<BenefitRates.Share> Shares() =>
        ShareStatuses.Select((status, i) => new BenefitRates.Share((WeeklyStatusKind)status, ShareFromWeeks[i], ShareBasisPoints[i]));

    public BenefitRates BenefitRates() => new(Rates(), Shares());

    /// <summary>The same rates, shares, curve and sources in the same order (who entered them and when aside).</summary>
    public bool SameContentAs(BusinessCaseInputsVersion other) =>
        EffectiveFrom == other.EffectiveFrom && RatesSource == other.RatesSource && CurveSource == other.CurveSource
        && RateStatuses.SequenceEqual(other.RateStatuses) && RateYears.SequenceEqual(other.RateYears) && RateOrePerWeek.SequenceEqual(other.RateOrePerWeek)
        && ShareStatuses.SequenceEqual(other.ShareStatuses) && ShareFromWeeks.SequenceEqual(other.ShareFromWeeks)
        && ShareBasisPoints.SequenceEqual(other.ShareBasisPoints) && CurveBasisPoints.SequenceEqual(other.CurveBasisPoints);

    /// <summary>
    /// The version in force on <paramref name="asOf"/>: the latest effective on or before it, the
    /// later recorded of two effective the same day; only versions recorded by the end of the
    /// known-on day when one is asked for.
    /// </summary>
    public static BusinessCaseInputsVersion? InForce(IEnumerable<BusinessCaseInputsVersion> versions, LocalDate asOf, KnownOn? knownOn) =>
        versions
            .Where(v => v.EffectiveFrom <= asOf && (knownOn is not { } known || known.Knew(v.RecordedAt)))
            .OrderByDescending(v => v.EffectiveFrom).ThenByDescending(v => v.RecordedAt)
            .FirstOrDefault();
}
