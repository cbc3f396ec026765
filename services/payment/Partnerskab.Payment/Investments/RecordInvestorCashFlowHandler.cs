using Grpc.Core;
using Microsoft.EntityFrameworkCore;
using NodaTime;
using Partnerskab.Payment.Persistence;
using Partnerskab.Protos.Payment.V1;
using Partnerskab.ServiceDefaults.Access;
using Partnerskab.ServiceDefaults.Errors;
using Partnerskab.ServiceDefaults.Persistence;

namespace Partnerskab.Payment.Investments;

/// <summary>Records one of the investor's cash flows, once per reference, unless it would repay more capital than was drawn.</summary>
public sealed class RecordInvestorCashFlowHandler(PaymentDbContext db, IClock clock)
{
    public async Task<RecordInvestorCashFlowResponse> HandleAsync(RecordInvestorCashFlowRequest request, ServerCallContext context)
    {
        var v = new RequestValidator();
        // PostgreSQL keeps microseconds: the answer says the moment a later read will.
        var now = Instant.FromUnixTimeTicks(clock.GetCurrentInstant().ToUnixTimeTicks() / 10 * 10);
        var cashFlow = InvestorCashFlowMessages.Read(request, v, now, context.Caller().Subject);
        v.ThrowIfInvalid();

        var cancellationToken = context.CancellationToken;
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        // Two records of one partnership at once must not both pass the repayment check, nor both insert one reference.
        await AdvisoryLocks.LockAsync(db, $"investor:{cashFlow.PartnershipId}", cancellationToken);
        var recorded = await db.InvestorCashFlows.AsNoTracking().Where(c => c.PartnershipId == cashFlow.PartnershipId).ToListAsync(cancellationToken);
        if (recorded.FirstOrDefault(c => c.Reference == cashFlow.Reference) is { } earlier)
        {
            if (!earlier.SameMovementAs(cashFlow))
            {
                throw DomainException.AlreadyExists(
                    $"The investor cash flow {cashFlow.Reference} was recorded before with other data; a recorded cash flow never changes.");
            }
            return new RecordInvestorCashFlowResponse { CashFlow = InvestorCashFlowMessages.ToProto(earlier), Created = false };
        }
        if (InvestorPosition.RefusalToRecord(recorded, cashFlow) is { } refusal) throw DomainException.FailedPrecondition(refusal);

        db.InvestorCashFlows.Add(cashFlow);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return new RecordInvestorCashFlowResponse { CashFlow = InvestorCashFlowMessages.ToProto(cashFlow), Created = true };
    }
}
