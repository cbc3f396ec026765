using Grpc.Core;
using Microsoft.EntityFrameworkCore;
using NodaTime.Text;
using Partnerskab.Payment.Persistence;
using Partnerskab.Protos.Payment.V1;
using Partnerskab.ServiceDefaults.Audit;
using Partnerskab.ServiceDefaults.Errors;
using Partnerskab.ServiceDefaults.Paging;

namespace Partnerskab.Payment.Ledger;

/// <summary>A partnership's ledger items in the order earned, in pages: those earned by a date, as known on a day, when asked.</summary>
public sealed class GetLedgerHandler(PaymentDbContext db)
{
    private const string List = "ledger";

    public async Task<GetLedgerResponse> HandleAsync(GetLedgerRequest request, ServerCallContext context)
    {
        var v = new RequestValidator();
        var partnershipId = v.Id(request.PartnershipId, "partnership_id");
        var asOf = request.AsOf is null ? (NodaTime.LocalDate?)null : v.Date(request.AsOf, "as_of");
        var recordedBefore = KnownOn.RecordedBefore(v, request.KnownOn);
        var pageSize = ListPages.Size(v, request.PageSize);
        // The page token holds the sort key of the previous page's last item: the day earned and the item's id.
        var after = PageToken.Read<(NodaTime.LocalDate EarnedOn, Guid Id)?>(v, request.PageToken, List, 2,
            key => LocalDatePattern.Iso.Parse(key[0]) is { Success: true } day && Guid.TryParseExact(key[1], "D", out var id) ? (day.Value, id) : null);
        v.ThrowIfInvalid();

        // A page is one range of the index (partnership_id, earned_on, id) from the token on.
        var query = (after is var (afterDay, afterId)
            ? db.Ledger.FromSql($"SELECT * FROM ledger_items WHERE partnership_id = {partnershipId} AND (earned_on, id) > ({afterDay}, {afterId})")
            : db.Ledger.Where(i => i.PartnershipId == partnershipId)).AsNoTracking();
        if (asOf is { } day) query = query.Where(i => i.EarnedOn <= day);
        if (recordedBefore is { } before) query = query.Where(i => i.RecordedAt < before);
        var rows = await query.OrderBy(i => i.EarnedOn).ThenBy(i => i.Id).Take(pageSize + 1).ToListAsync(context.CancellationToken);
        var items = rows.Take(pageSize).ToList();
        AuditCall.Citizens(partnershipId, items.Where(i => i.CitizenId is not null).Select(i => i.CitizenId!));
        var creditsMilestone = await CreditedMilestonesAsync(items, context.CancellationToken);
        var response = new GetLedgerResponse();
        response.Items.AddRange(items.Select(i => LedgerItemMessages.ToProto(i, i.CreditsItemId is { } credited && creditsMilestone.Contains(credited))));
        if (rows.Count > pageSize)
        {
            var last = items[^1];
            response.NextPageToken = PageToken.Write(List, LocalDatePattern.Iso.Format(last.EarnedOn), last.Id.ToString("D"));
        }
        return response;
    }

    /// <summary>The items the page's credits take back that are milestones, wherever they stand in the ledger (often on an earlier page).</summary>
    private async Task<HashSet<Guid>> CreditedMilestonesAsync(IReadOnlyList<LedgerItem> items, CancellationToken cancellationToken)
    {
        var credited = items.Where(i => i.CreditsItemId is not null).Select(i => i.CreditsItemId!.Value).Distinct().ToList();
        if (credited.Count == 0) return [];
        return [.. await db.Ledger.AsNoTracking()
            .Where(i => credited.Contains(i.Id) && i.Kind == LedgerItemKind.Milestone).Select(i => i.Id).ToListAsync(cancellationToken)];
    }
}
