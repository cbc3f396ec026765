using Grpc.Core;
using Microsoft.EntityFrameworkCore;
using Partnerskab.Payment.Persistence;
using Partnerskab.Protos.Payment.V1;
using Partnerskab.ServiceDefaults;
using Partnerskab.ServiceDefaults.Audit;
using Partnerskab.ServiceDefaults.Errors;

namespace Partnerskab.Payment.Ledger;

/// <summary>Every item of a partnership's ledger, in the order earned.</summary>
public sealed class GetLedgerHandler(PaymentDbContext db)
{
    public async Task<GetLedgerResponse> HandleAsync(GetLedgerRequest request, ServerCallContext context)
    {
        var v = new RequestValidator();
        var partnershipId = v.Id(request.PartnershipId, "partnership_id");
        v.ThrowIfInvalid();

        var items = await db.Ledger.AsNoTracking()
            .Where(i => i.PartnershipId == partnershipId)
            .OrderBy(i => i.EarnedOn).ThenBy(i => i.Id)
            .ToListAsync(context.CancellationToken);
        AuditCall.Citizens(partnershipId, items.Where(i => i.CitizenId is not null).Select(i => i.CitizenId!));
        var kinds = items.ToDictionary(i => i.Id, i => i.Kind);
        var response = new GetLedgerResponse();
        response.Items.AddRange(items.Select(i => new Protos.Payment.V1.LedgerItem
        {
            ItemId = i.Id.ToString(),
            PartnershipId = i.PartnershipId.ToString(),
            CitizenId = i.CitizenId ?? "",
            Kind = (Protos.Payment.V1.LedgerItemKind)(int)i.Kind,
            MilestoneCode = IsMilestone(i) ? i.Code : "",
            Code = i.Code ?? "",
            EarnedOn = i.EarnedOn.ToProto(),
            Quantity = i.Quantity,
            UnitPriceOre = i.UnitPriceOre,
            OriginalAmountOre = i.OriginalAmountOre,
            AmountOre = i.AmountOre,
            CappedBy = (Protos.Payment.V1.CapKind)(int)i.CappedBy,
            CreditsItemId = i.CreditsItemId?.ToString() ?? "",
            PricingNote = i.PricingNote,
            CauseKey = i.CauseKey,
            CauseMessageId = i.CauseMessageId?.ToString() ?? "",
            RateCardVersion = i.RateCardVersion ?? 0,
            Unpriced = i.Unpriced,
        }));
        return response;

        bool IsMilestone(LedgerItem item) =>
            item.Kind == LedgerItemKind.Milestone
            || item is { Kind: LedgerItemKind.Credit, CreditsItemId: { } credited } && kinds.GetValueOrDefault(credited) == LedgerItemKind.Milestone;
    }
}
