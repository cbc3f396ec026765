using Grpc.Core;
using Microsoft.EntityFrameworkCore;
using NodaTime;
using Partnerskab.Payment.Partnerships;
using Partnerskab.Payment.Persistence;
using Partnerskab.Protos.Payment.V1;
using Partnerskab.ServiceDefaults.Access;
using Partnerskab.ServiceDefaults.Errors;

namespace Partnerskab.Payment.Periods;

/// <summary>Reopens a closed period or year for a reason, unless the following period (or one around it) is closed.</summary>
public sealed class ReopenPeriodHandler(PaymentDbContext db, IClock clock)
{
    public async Task<ReopenPeriodResponse> HandleAsync(ReopenPeriodRequest request, ServerCallContext context)
    {
        var v = new RequestValidator();
        var partnershipId = v.Id(request.PartnershipId, "partnership_id");
        var reason = v.Text(request.Reason, "reason", maxLength: 500);
        var cancellationToken = context.CancellationToken;
        var (kind, days) = await ClosedPeriods.RequestedAsync(db, v, partnershipId, request.PeriodStart, request.Year, cancellationToken);

        await using var transaction = await PartnershipLock.BeginAsync(db, partnershipId, cancellationToken);
        var closed = await ClosedPeriods.Current(db, partnershipId).ToListAsync(cancellationToken);
        var period = closed.FirstOrDefault(c => c.Kind == kind && c.Start == days.Start)
            ?? throw DomainException.FailedPrecondition($"The period {days.Start:uuuu-MM-dd} to {days.End:uuuu-MM-dd} is not closed.");
        if (PeriodClosing.RefusalToReopen(period, closed) is { } refusal) throw DomainException.FailedPrecondition(refusal);

        period.ReopenedAt = clock.GetCurrentInstant();
        period.ReopenedBy = context.Caller().Subject;
        period.ReopenReason = reason;
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return new ReopenPeriodResponse { ReopenedPeriod = ClosedPeriods.ToProto(period) };
    }
}
