using MassTransit;
using NodaTime;
using Partnerskab.Contracts.Cohort;
using Partnerskab.Payment.Persistence;
using Partnerskab.ServiceDefaults;
using Partnerskab.Contracts;

namespace Partnerskab.Payment.Ledger;

/// <summary>
/// A citizen exited as wrongly enrolled should never have been handed over: the handover fee is
/// taken back. (The outcome service revokes the citizen's milestones itself.) Other exits keep
/// what was earned.
/// </summary>
public sealed class CreditWronglyEnrolledHandover(PaymentDbContext db, IClock clock, ILogger<CreditWronglyEnrolledHandover> logger)
    : LedgerConsumer<CitizenExited>(db, clock, logger)
{
    protected override IEnumerable<(Guid, string?, string)> CausesOf(CitizenExited exit) =>
        exit.Reason == ExitReason.WronglyEnrolled ? [(exit.PartnershipId, exit.CitizenId, EarnHandoverFee.CauseKey(exit.PartnershipId, exit.CitizenId))] : [];

    protected override Task HandleAsync(ConsumeContext<CitizenExited> context, CancellationToken cancellationToken)
    {
        var exit = context.Message;
        if (exit.Reason == ExitReason.WronglyEnrolled)
        {
            Credit(context, exit.PartnershipId, EarnHandoverFee.CauseKey(exit.PartnershipId, exit.CitizenId), exit.CitizenId,
                exit.ExitDate.ToLocalDate(), "citizen exited as wrongly enrolled");
        }
        return Task.CompletedTask;
    }
}
