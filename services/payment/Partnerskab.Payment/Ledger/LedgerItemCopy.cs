using NpgsqlTypes;
using Partnerskab.Payment.Persistence;
using Partnerskab.ServiceDefaults.Persistence;

namespace Partnerskab.Payment.Ledger;

/// <summary>
/// Writes a batch's new ledger items by one binary COPY: one statement, so the totals' statement
/// triggers run once for the batch instead of once per item. The caller holds the causes' locks.
/// </summary>
public static class LedgerItemCopy
{
    public static Task InsertAsync(PaymentDbContext db, IReadOnlyCollection<LedgerItem> items, CancellationToken cancellationToken) =>
        BinaryCopy.InsertAsync(db, "ledger_items",
            "id, partnership_id, citizen_id, kind, code, quantity, unit_price_ore, original_amount_ore, amount_ore, capped_by, " +
            "credits_item_id, cause_key, cause_message_id, earned_on, rate_card_version, pricing_note, recorded_at, unpriced", items,
            async (writer, item, ct) =>
            {
                await writer.WriteAsync(item.Id, NpgsqlDbType.Uuid, ct);
                await writer.WriteAsync(item.PartnershipId, NpgsqlDbType.Uuid, ct);
                await writer.WriteNullableAsync(item.CitizenId, NpgsqlDbType.Varchar, ct);
                await writer.WriteAsync((int)item.Kind, NpgsqlDbType.Integer, ct);
                await writer.WriteNullableAsync(item.Code, NpgsqlDbType.Varchar, ct);
                await writer.WriteAsync(item.Quantity, NpgsqlDbType.Integer, ct);
                await writer.WriteAsync(item.UnitPriceOre, NpgsqlDbType.Bigint, ct);
                await writer.WriteAsync(item.OriginalAmountOre, NpgsqlDbType.Bigint, ct);
                await writer.WriteAsync(item.AmountOre, NpgsqlDbType.Bigint, ct);
                await writer.WriteAsync((int)item.CappedBy, NpgsqlDbType.Integer, ct);
                await writer.WriteNullableAsync(item.CreditsItemId, NpgsqlDbType.Uuid, ct);
                await writer.WriteAsync(item.CauseKey, NpgsqlDbType.Varchar, ct);
                await writer.WriteNullableAsync(item.CauseMessageId, NpgsqlDbType.Uuid, ct);
                await writer.WriteAsync(item.EarnedOn.ToDateOnly(), NpgsqlDbType.Date, ct);
                await writer.WriteNullableAsync(item.RateCardVersion, NpgsqlDbType.Integer, ct);
                await writer.WriteAsync(item.PricingNote, NpgsqlDbType.Varchar, ct);
                await writer.WriteAsync(item.RecordedAt.ToDateTimeUtc(), NpgsqlDbType.TimestampTz, ct);
                await writer.WriteAsync(item.Unpriced, NpgsqlDbType.Boolean, ct);
            }, cancellationToken);
}
