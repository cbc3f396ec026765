using Grpc.Core;
using Microsoft.EntityFrameworkCore;
using NodaTime;
using Partnerskab.Payment.Partnerships;
using Partnerskab.Payment.Persistence;
using Partnerskab.Protos.Payment.V1;
using Partnerskab.ServiceDefaults.Access;
using Partnerskab.ServiceDefaults.Errors;

namespace Partnerskab.Payment.Periods;

/// <summary>
/// Closes an invoiced period or year of a partnership. It holds the partnership's lock, which
/// invoice runs hold too; ledger writers take it shared (see <see cref="Ledger.LedgerStore"/>), so
/// no item is booked on the period's days once it is closed.
/// </summary>
public sealed class ClosePeriodHandler(PaymentDbContext db, IClock clock)
{
    public async Task<ClosePeriodResponse> HandleAsync(ClosePeriodRequest request, ServerCallContext context)
    {
        var v = new RequestValidator();
        var partnershipId = v.Id(request.PartnershipId, "partnership_id");
        var cancellationToken = context.CancellationToken;
        var (kind, days) = await ClosedPeriods.RequestedAsync(db, v, partnershipId, request.PeriodStart, request.Year, cancellationToken);

        await using var transaction = await PartnershipLock.BeginAsync(db, partnershipId, cancellationToken);
        var closed = await ClosedPeriods.Current(db, partnershipId).AsNoTracking()
            .FirstOrDefaultAsync(c => c.Kind == kind && c.Start == days.Start, cancellationToken);
        if (closed is not null) return new ClosePeriodResponse { ClosedPeriod = ClosedPeriods.ToProto(closed), Created = false };

        var lastInvoiced = await db.InvoiceRuns.Where(r => r.PartnershipId == partnershipId).MaxAsync(r => (LocalDate?)r.PeriodEnd, cancellationToken);
        if (PeriodClosing.RefusalToClose(days, lastInvoiced) is { } refusal) throw DomainException.FailedPrecondition(refusal);

        var period = new ClosedPeriod
        {
            Id = Guid.CreateVersion7(),
            PartnershipId = partnershipId,
            Kind = kind,
            Start = days.Start,
            End = days.End,
            ClosedAt = clock.GetCurrentInstant(),
            ClosedBy = context.Caller().Subject,
        };
        db.ClosedPeriods.Add(period);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return new ClosePeriodResponse { ClosedPeriod = ClosedPeriods.ToProto(period), Created = true };
    }
}
