using System.Text.Json;
using Grpc.Core;
using Microsoft.EntityFrameworkCore;
using NodaTime;
using Partnerskab.Payment.Investments;
using Partnerskab.Payment.Invoicing;
using Partnerskab.Payment.Ledger;
using Partnerskab.Payment.Persistence;
using Partnerskab.Payment.RateCards;
using Partnerskab.Protos.Payment.V1;
using DocumentKind = Partnerskab.Payment.Invoicing.DocumentKind;
using LedgerItemKind = Partnerskab.Payment.Ledger.LedgerItemKind;
using Partnerskab.ServiceDefaults;
using Partnerskab.ServiceDefaults.Errors;

namespace Partnerskab.Payment.Indigo;

/// <summary>The partnership as an INDIGO project record as of a date (<see cref="IndigoRecord"/>): validate, read, build, map.</summary>
public sealed class ExportIndigoProjectHandler(PaymentDbContext db, IClock clock)
{
    public async Task<ExportIndigoProjectResponse> HandleAsync(ExportIndigoProjectRequest request, ServerCallContext context)
    {
        var v = new RequestValidator();
        var partnershipId = v.Id(request.PartnershipId, "partnership_id");
        var asOf = request.AsOf is null ? clock.Today() : v.Date(request.AsOf, "as_of");
        v.ThrowIfInvalid();

        var cancellationToken = context.CancellationToken;
        var settings = await DisclosureSettings.CurrentAsync(db, partnershipId, cancellationToken);
        var facts = await ReadFactsAsync(partnershipId, asOf, cancellationToken);
        var record = IndigoRecord.Build(facts, DisclosureSettings.Statuses(settings));

        var response = new ExportIndigoProjectResponse
        {
            RecordJson = record.ToJsonString(new JsonSerializerOptions { WriteIndented = true }),
            StandardVersion = IndigoRecord.StandardVersion,
            AsOf = asOf.ToProto(),
        };
        response.Fields.AddRange(DisclosureSettings.ToProto(settings));
        return response;
    }

    private async Task<IndigoRecord.Facts> ReadFactsAsync(Guid partnershipId, LocalDate asOf, CancellationToken cancellationToken)
    {
        var partnership = await db.Partnerships.AsNoTracking().FirstOrDefaultAsync(p => p.PartnershipId == partnershipId && p.Version > 0, cancellationToken);
        var versions = await db.RateCards.AsNoTracking().Where(c => c.PartnershipId == partnershipId).ToListAsync(cancellationToken);
        var card = Pricing.InForce(versions, asOf);
        var documents = await db.Invoices.AsNoTracking()
            .Where(d => d.PartnershipId == partnershipId && d.IssueDate <= asOf)
            .Select(d => new { d.PeriodStart, d.PeriodEnd, d.Kind, d.NetAmountOre })
            .ToListAsync(cancellationToken);
        var payments = documents.GroupBy(d => (d.PeriodStart, d.PeriodEnd)).OrderBy(g => g.Key.PeriodStart)
            .Select(g => new IndigoRecord.PeriodPayment(g.Key.PeriodStart, g.Key.PeriodEnd,
                g.Sum(d => d.Kind == DocumentKind.CreditNote ? -d.NetAmountOre : d.NetAmountOre)))
            .ToList();
        var engaged = await db.Ledger.Where(i => i.PartnershipId == partnershipId && i.Kind == LedgerItemKind.HandoverFee && i.EarnedOn <= asOf)
            .Select(i => i.CitizenId).Distinct().CountAsync(cancellationToken);
        var withMilestone = await db.Ledger
            .Where(i => i.PartnershipId == partnershipId && i.Kind == LedgerItemKind.Milestone && i.EarnedOn <= asOf
                && !db.Ledger.Any(c => c.CreditsItemId == i.Id && c.EarnedOn <= asOf))
            .Select(i => i.CitizenId).Distinct().CountAsync(cancellationToken);
        var committed = await db.InvestorCashFlows
            .Where(c => c.PartnershipId == partnershipId && c.Kind == CashFlowKind.Commitment && c.OccurredOn <= asOf)
            .SumAsync(c => c.AmountOre, cancellationToken);

        return new IndigoRecord.Facts(
            asOf,
            partnership?.Name,
            partnership?.ContractStart,
            partnership?.ContractEnd,
            partnership?.LastFollowUpDay,
            card?.MilestonePrices.OrderBy(p => p.MilestoneCode, StringComparer.Ordinal).Select(p => (p.MilestoneCode, p.AmountOre)).ToList() ?? [],
            card?.CapContractOre,
            payments,
            engaged,
            withMilestone,
            committed);
    }
}
