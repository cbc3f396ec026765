using MassTransit;
using Microsoft.EntityFrameworkCore;
using NodaTime;
using Partnerskab.Contracts.Cohort;
using Partnerskab.Messaging.Inbox;
using Partnerskab.Payment.Persistence;
using Partnerskab.ServiceDefaults;
using Partnerskab.ServiceDefaults.Persistence;

namespace Partnerskab.Payment.Partnerships;

/// <summary>
/// Keeps the parties and period of the newest agreement version. Events may arrive in any
/// order: an older version never overwrites a newer one, and the registration's reference is
/// kept whenever it comes.
/// </summary>
public static class PartnershipParties
{
    public sealed record Version(int Number, string? Reference, string Name, string KommuneName, string KommuneCvr, string KommuneEan,
        string ProviderName, string ProviderCvr, DateOnly ContractStart, DateOnly ContractEnd, int FollowUpMonths);

    public static async Task KeepAsync(PaymentDbContext db, Guid partnershipId, Version version, Instant now, CancellationToken cancellationToken)
    {
        // Registration and amendment of one partnership are ordered, so neither overwrites the other's news.
        await AdvisoryLocks.LockAsync(db, $"parties:{partnershipId}", cancellationToken);
        var partnership = await db.Partnerships.FirstOrDefaultAsync(p => p.PartnershipId == partnershipId, cancellationToken);
        if (partnership is null)
        {
            partnership = new Partnership
            {
                PartnershipId = partnershipId, Name = "", KommuneName = "", KommuneCvr = "", KommuneEan = "", ProviderName = "", ProviderCvr = "",
            };
            db.Partnerships.Add(partnership);
        }
        partnership.Reference ??= version.Reference;
        if (partnership.Version >= version.Number) return;

        partnership.Version = version.Number;
        partnership.Name = version.Name;
        partnership.KommuneName = version.KommuneName;
        partnership.KommuneCvr = version.KommuneCvr;
        partnership.KommuneEan = version.KommuneEan;
        partnership.ProviderName = version.ProviderName;
        partnership.ProviderCvr = version.ProviderCvr;
        partnership.ContractStart = version.ContractStart.ToLocalDate();
        partnership.ContractEnd = version.ContractEnd.ToLocalDate();
        partnership.FollowUpMonths = version.FollowUpMonths;
        partnership.UpdatedAt = now;
    }
}

public sealed class KeepRegisteredPartnership(PaymentDbContext db, IClock clock, ILogger<KeepRegisteredPartnership> logger)
    : InboxConsumer<PartnershipRegistered, PaymentDbContext>(db, clock, logger)
{
    protected override Task HandleAsync(ConsumeContext<PartnershipRegistered> context, CancellationToken cancellationToken)
    {
        var m = context.Message;
        return PartnershipParties.KeepAsync(Db, m.PartnershipId, new PartnershipParties.Version(1, m.Reference, m.Name, m.KommuneName,
            m.KommuneCvr, m.KommuneEan, m.ProviderName, m.ProviderCvr, m.ContractStart, m.ContractEnd, m.FollowUpMonths), Clock.GetCurrentInstant(), cancellationToken);
    }
}

public sealed class KeepAmendedPartnership(PaymentDbContext db, IClock clock, ILogger<KeepAmendedPartnership> logger)
    : InboxConsumer<PartnershipAmended, PaymentDbContext>(db, clock, logger)
{
    protected override Task HandleAsync(ConsumeContext<PartnershipAmended> context, CancellationToken cancellationToken)
    {
        var m = context.Message;
        return PartnershipParties.KeepAsync(Db, m.PartnershipId, new PartnershipParties.Version(m.Version, null, m.Name, m.KommuneName,
            m.KommuneCvr, m.KommuneEan, m.ProviderName, m.ProviderCvr, m.ContractStart, m.ContractEnd, m.FollowUpMonths), Clock.GetCurrentInstant(), cancellationToken);
    }
}
