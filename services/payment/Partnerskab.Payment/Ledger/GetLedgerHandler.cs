using Grpc.Core;
using Microsoft.EntityFrameworkCore;
using Partnerskab.Payment.Persistence;
using Partnerskab.Protos.Payment.V1;
using Partnerskab.ServiceDefaults.Audit;
using Partnerskab.ServiceDefaults.Errors;

namespace Partnerskab.Payment.Ledger;

/// <summary>A partnership's ledger items in the order earned: those earned by a date, as known on a day, when asked.</summary>
public sealed class GetLedgerHandler(PaymentDbContext db)
{
    public async Task<GetLedgerResponse> HandleAsync(GetLedgerRequest request, ServerCallContext context)
    {
        var v = new RequestValidator();
        var partnershipId = v.Id(request.PartnershipId, "partnership_id");
        var asOf = request.AsOf is null ? (NodaTime.LocalDate?)null : v.Date(request.AsOf, "as_of");
        var recordedBefore = KnownOn.RecordedBefore(v, request.KnownOn);
        v.ThrowIfInvalid();

        var query = db.Ledger.AsNoTracking().Where(i => i.PartnershipId == partnershipId);
        if (asOf is { } day) query = query.Where(i => i.EarnedOn <= day);
        if (recordedBefore is { } before) query = query.Where(i => i.RecordedAt < before);
        var items = await query.OrderBy(i => i.EarnedOn).ThenBy(i => i.Id).ToListAsync(context.CancellationToken);
        AuditCall.Citizens(partnershipId, items.Where(i => i.CitizenId is not null).Select(i => i.CitizenId!));
        var kinds = items.ToDictionary(i => i.Id, i => i.Kind);
        var response = new GetLedgerResponse();
        response.Items.AddRange(items.Select(i => LedgerItemMessages.ToProto(i,
            i.CreditsItemId is { } credited && kinds.GetValueOrDefault(credited) == LedgerItemKind.Milestone)));
        return response;
    }
}
