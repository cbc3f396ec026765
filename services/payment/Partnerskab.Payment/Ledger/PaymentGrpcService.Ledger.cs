using Grpc.Core;
using Microsoft.EntityFrameworkCore;
using Partnerskab.Protos.Payment.V1;
using Partnerskab.ServiceDefaults;
using Partnerskab.ServiceDefaults.Errors;

namespace Partnerskab.Payment;

public sealed partial class PaymentGrpcService
{
    public override async Task<GetLedgerResponse> GetLedger(GetLedgerRequest request, ServerCallContext context)
    {
        var v = new RequestValidator();
        var partnershipId = v.Id(request.PartnershipId, "partnership_id");
        v.ThrowIfInvalid();

        var items = await db.Ledger.AsNoTracking()
            .Where(i => i.PartnershipId == partnershipId)
            .OrderBy(i => i.EarnedOn).ThenBy(i => i.Id)
            .ToListAsync(context.CancellationToken);
        var response = new GetLedgerResponse();
        response.Items.AddRange(items.Select(i => new LedgerItem
        {
            ItemId = i.Id.ToString(),
            PartnershipId = i.PartnershipId.ToString(),
            CitizenId = i.CitizenId,
            Kind = (LedgerItemKind)(int)i.Kind,
            MilestoneCode = i.MilestoneCode ?? "",
            EarnedOn = i.EarnedOn.ToProto(),
            AmountOre = i.AmountOre,
            PricingNote = i.PricingNote,
            CauseMessageId = i.CauseMessageId.ToString(),
        }));
        return response;
    }
}
