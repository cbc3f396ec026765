using Google.Protobuf.WellKnownTypes;
using Microsoft.EntityFrameworkCore;
using NodaTime;
using Partnerskab.Payment.Persistence;
using Partnerskab.ServiceDefaults;
using Partnerskab.ServiceDefaults.Errors;

namespace Partnerskab.Payment.Periods;

/// <summary>What closing and reopening share: the period a request names, and the API's view of a closed period.</summary>
public static class ClosedPeriods
{
    /// <summary>The period the request names (as the partnership's rate cards invoice), or invalid input.</summary>
    public static async Task<(PeriodKind Kind, DateInterval Days)> RequestedAsync(PaymentDbContext db, RequestValidator v, Guid partnershipId,
        Google.Type.Date? periodStart, int year, CancellationToken cancellationToken)
    {
        LocalDate? start = periodStart is null ? null : v.Date(periodStart, "period_start");
        v.ThrowIfInvalid();
        var versions = await db.RateCards.AsNoTracking().Where(c => c.PartnershipId == partnershipId).ToListAsync(cancellationToken);
        var violations = new List<(string Field, string Description)>();
        var requested = PeriodClosing.Requested(start, year, versions, violations);
        foreach (var (field, description) in violations) v.Add(field, description);
        v.ThrowIfInvalid();
        return requested!.Value;
    }

    /// <summary>The partnership's periods closed now (not reopened).</summary>
    public static IQueryable<ClosedPeriod> Current(PaymentDbContext db, Guid partnershipId) =>
        db.ClosedPeriods.Where(c => c.PartnershipId == partnershipId && c.ReopenedAt == null);

    public static Protos.Payment.V1.ClosedPeriod ToProto(ClosedPeriod period)
    {
        var proto = new Protos.Payment.V1.ClosedPeriod
        {
            PartnershipId = period.PartnershipId.ToString(),
            Kind = (Protos.Payment.V1.PeriodKind)(int)period.Kind,
            Start = period.Start.ToProto(),
            End = period.End.ToProto(),
            ClosedAt = Timestamp.FromDateTimeOffset(period.ClosedAt.ToDateTimeOffset()),
            ClosedBy = period.ClosedBy,
            ReopenedBy = period.ReopenedBy ?? "",
            ReopenReason = period.ReopenReason ?? "",
        };
        if (period.ReopenedAt is { } reopened) proto.ReopenedAt = Timestamp.FromDateTimeOffset(reopened.ToDateTimeOffset());
        return proto;
    }
}
