using MassTransit;
using NodaTime;
using Partnerskab.Contracts.Outcome;
using Partnerskab.Payment.Persistence;
using Partnerskab.ServiceDefaults;

namespace Partnerskab.Payment.Ledger;

/// <summary>A revoked milestone takes back what it earned; once invoiced, the credit goes on a credit note.</summary>
public sealed class CreditRevokedMilestone(PaymentDbContext db, IClock clock, ILogger<CreditRevokedMilestone> logger)
    : LedgerConsumer<MilestoneRevoked>(db, clock, logger)
{
    protected override IEnumerable<(Guid, string?, string)> CausesOf(MilestoneRevoked revoked) =>
        [(revoked.PartnershipId, revoked.CitizenId, EarnMilestonePayment.CauseKey(revoked.MilestoneId))];

    protected override Task HandleAsync(ConsumeContext<MilestoneRevoked> context, CancellationToken cancellationToken)
    {
        var revoked = context.Message;
        Credit(context, revoked.PartnershipId, EarnMilestonePayment.CauseKey(revoked.MilestoneId), revoked.CitizenId,
            revoked.RevokedOn.ToLocalDate(), $"milestone {revoked.MilestoneCode} revoked: {revoked.Reason}", CorrectionOf(revoked));
        return Task.CompletedTask;
    }

    /// <summary>What the revocation says it corrects; a sender that predates effective days and causes is taken as effective when revoked.</summary>
    public static Correction? CorrectionOf(MilestoneRevoked revoked) => revoked is { EffectiveOn: null, Cause: null }
        ? null
        : new Correction((revoked.EffectiveOn ?? revoked.RevokedOn).ToLocalDate(), revoked.Cause?.Kind, revoked.Cause?.Reference,
            revoked.Cause?.ReportedBy, revoked.Cause is { } cause ? Instant.FromDateTimeOffset(cause.KnownAt) : null);
}
