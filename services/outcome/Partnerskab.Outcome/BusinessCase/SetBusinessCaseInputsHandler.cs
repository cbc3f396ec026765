using Grpc.Core;
using Microsoft.EntityFrameworkCore;
using NodaTime;
using Partnerskab.Outcome.FollowUp;
using Partnerskab.Outcome.Milestones;
using Partnerskab.Outcome.Persistence;
using Partnerskab.Outcome.Timeline;
using Partnerskab.Protos.Outcome.V1;
using Partnerskab.ServiceDefaults.Access;
using Partnerskab.ServiceDefaults.Errors;

namespace Partnerskab.Outcome.BusinessCase;

/// <summary>
/// Finance enters a new version of a partnership's business-case inputs; earlier versions stay.
/// The same content entered again for the same day is the latest version already: nothing is written.
/// </summary>
public sealed class SetBusinessCaseInputsHandler(OutcomeDbContext db, CohortLookup cohort, IClock clock)
{
    private const int MaxRows = 1000;
    private const int MaxCurveMonths = 120;
    private const long MaxOrePerWeek = 100_000_000;
    private const int MaxWeekOfSpell = 10_000;

    public async Task<SetBusinessCaseInputsResponse> HandleAsync(SetBusinessCaseInputsRequest request, ServerCallContext context)
    {
        var v = new RequestValidator();
        var partnershipId = v.Id(request.PartnershipId, "partnership_id");
        var inputs = request.Inputs ?? new BusinessCaseInputs();
        v.Check(request.Inputs is not null, "inputs", "is required");
        var effectiveFrom = v.Date(inputs.EffectiveFrom, "inputs.effective_from");
        v.Check(inputs.Rates.Count is >= 1 and <= MaxRows, "inputs.rates", $"must hold between 1 and {MaxRows} rates");
        v.Check(inputs.Shares.Count <= MaxRows, "inputs.shares", $"must hold at most {MaxRows} shares");
        var rates = new HashSet<(WeeklyStatus, int)>();
        for (var i = 0; i < inputs.Rates.Count; i++)
        {
            var rate = inputs.Rates[i];
            var field = $"inputs.rates[{i}]";
            v.Enum(rate.Status, $"{field}.status");
            v.Check(rate.Year is >= 1900 and <= 2199, $"{field}.year", "must be between 1900 and 2199");
            v.Check(rate.OrePerWeek is >= 0 and <= MaxOrePerWeek, $"{field}.ore_per_week", $"must be between 0 and {MaxOrePerWeek} øre");
            v.Check(rates.Add((rate.Status, rate.Year)), $"{field}.year", "has a rate for this status already");
        }
        var shares = new HashSet<(WeeklyStatus, int)>();
        for (var i = 0; i < inputs.Shares.Count; i++)
        {
            var share = inputs.Shares[i];
            var field = $"inputs.shares[{i}]";
            v.Enum(share.Status, $"{field}.status");
            v.Check(share.FromWeek is >= 1 and <= MaxWeekOfSpell, $"{field}.from_week", $"must be between 1 and {MaxWeekOfSpell}");
            v.Check(share.BasisPoints is >= 0 and <= 10_000, $"{field}.basis_points", "must be between 0 and 10000 (100 %)");
            v.Check(shares.Add((share.Status, share.FromWeek)), $"{field}.from_week", "has a share for this status already");
        }
        var ratesSource = v.Text(inputs.RatesSource, "inputs.rates_source", 500);
        var curve = inputs.ExpectedSelfSufficientBasisPoints;
        v.Check(curve.Count <= MaxCurveMonths, "inputs.expected_self_sufficient_basis_points", $"must hold at most {MaxCurveMonths} months");
        v.Check(curve.All(share => share is >= 0 and <= 10_000), "inputs.expected_self_sufficient_basis_points", "must be between 0 and 10000 (100 %)");
        var curveSource = curve.Count > 0 ? v.Text(inputs.CurveSource, "inputs.curve_source", 500) : v.OptionalText(inputs.CurveSource, "inputs.curve_source", 500);
        v.ThrowIfInvalid();

        var cancellationToken = context.CancellationToken;
        await cohort.EnsurePartnershipExistsAsync(partnershipId, cancellationToken);
        var version = new BusinessCaseInputsVersion
        {
            Id = Guid.NewGuid(),
            PartnershipId = partnershipId,
            EffectiveFrom = effectiveFrom,
            // PostgreSQL keeps microseconds: the answer carries the moment as stored, so it reads back the same.
            RecordedAt = Instant.FromUnixTimeTicks(clock.GetCurrentInstant().ToUnixTimeTicks() / 10 * 10),
            RecordedBy = FactChange.ReporterOf(context.Caller()),
            RateStatuses = inputs.Rates.Select(r => (int)r.Status).ToArray(),
            RateYears = inputs.Rates.Select(r => r.Year).ToArray(),
            RateOrePerWeek = inputs.Rates.Select(r => r.OrePerWeek).ToArray(),
            ShareStatuses = inputs.Shares.Select(s => (int)s.Status).ToArray(),
            ShareFromWeeks = inputs.Shares.Select(s => s.FromWeek).ToArray(),
            ShareBasisPoints = inputs.Shares.Select(s => s.BasisPoints).ToArray(),
            RatesSource = ratesSource,
            CurveBasisPoints = curve.ToArray(),
            CurveSource = curveSource,
        };
        var latest = await db.BusinessCaseInputs.AsNoTracking()
            .Where(i => i.PartnershipId == partnershipId && i.EffectiveFrom == effectiveFrom)
            .OrderByDescending(i => i.RecordedAt).FirstOrDefaultAsync(cancellationToken);
        if (latest is not null && latest.SameContentAs(version)) return new SetBusinessCaseInputsResponse { Inputs = latest.ToProto() };
        db.BusinessCaseInputs.Add(version);
        await db.SaveChangesAsync(cancellationToken);
        return new SetBusinessCaseInputsResponse { Inputs = version.ToProto() };
    }
}
