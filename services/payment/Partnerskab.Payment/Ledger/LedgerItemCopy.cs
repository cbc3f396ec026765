using NpgsqlTypes;
using Partnerskab.Payment.Persistence;
using Partnerskab.ServiceDefaults.Persistence;

namespace Partnerskab.Payment.Ledger;

/// <summary>
/// Writes a batch's new ledger items by one binary COPY: one statement, so the totals' statement
/// triggers run once for the batch instead of once per item. The caller holds the causes' locks.
/// A test holds <see cref="Columns"/> to the EF model's columns of ledger_items.
/// </summary>
public static class LedgerItemCopy
{
    public static CopyColumns<LedgerItem> Columns { get; } = new("ledger_items", leftToDefaults: [],
        ("id", (w, i, ct) => w.WriteAsync(i.Id, NpgsqlDbType.Uuid, ct)),
        ("partnership_id", (w, i, ct) => w.WriteAsync(i.PartnershipId, NpgsqlDbType.Uuid, ct)),
        ("citizen_id", (w, i, ct) => w.WriteNullableAsync(i.CitizenId, NpgsqlDbType.Varchar, ct)),
        ("kind", (w, i, ct) => w.WriteAsync((int)i.Kind, NpgsqlDbType.Integer, ct)),
        ("code", (w, i, ct) => w.WriteNullableAsync(i.Code, NpgsqlDbType.Varchar, ct)),
        ("quantity", (w, i, ct) => w.WriteAsync(i.Quantity, NpgsqlDbType.Integer, ct)),
        ("unit_price_ore", (w, i, ct) => w.WriteAsync(i.UnitPriceOre, NpgsqlDbType.Bigint, ct)),
        ("original_amount_ore", (w, i, ct) => w.WriteAsync(i.OriginalAmountOre, NpgsqlDbType.Bigint, ct)),
        ("amount_ore", (w, i, ct) => w.WriteAsync(i.AmountOre, NpgsqlDbType.Bigint, ct)),
        ("capped_by", (w, i, ct) => w.WriteAsync((int)i.CappedBy, NpgsqlDbType.Integer, ct)),
        ("credits_item_id", (w, i, ct) => w.WriteNullableAsync(i.CreditsItemId, NpgsqlDbType.Uuid, ct)),
        ("cause_key", (w, i, ct) => w.WriteAsync(i.CauseKey, NpgsqlDbType.Varchar, ct)),
        ("payer_id", (w, i, ct) => w.WriteAsync(i.PayerId, NpgsqlDbType.Varchar, ct)),
        ("lead", (w, i, ct) => w.WriteAsync(i.Lead, NpgsqlDbType.Boolean, ct)),
        ("cause_message_id", (w, i, ct) => w.WriteNullableAsync(i.CauseMessageId, NpgsqlDbType.Uuid, ct)),
        ("earned_on", (w, i, ct) => w.WriteAsync(i.EarnedOn.ToDateOnly(), NpgsqlDbType.Date, ct)),
        ("rate_card_version", (w, i, ct) => w.WriteNullableAsync(i.RateCardVersion, NpgsqlDbType.Integer, ct)),
        ("pricing_note", (w, i, ct) => w.WriteAsync(i.PricingNote, NpgsqlDbType.Varchar, ct)),
        ("recorded_at", (w, i, ct) => w.WriteAsync(i.RecordedAt.ToDateTimeUtc(), NpgsqlDbType.TimestampTz, ct)),
        ("unpriced", (w, i, ct) => w.WriteAsync(i.Unpriced, NpgsqlDbType.Boolean, ct)),
        ("booked_on", (w, i, ct) => w.WriteAsync(i.BookedOn.ToDateOnly(), NpgsqlDbType.Date, ct)),
        ("booked_after_closed_period", (w, i, ct) => w.WriteAsync(i.BookedAfterClosedPeriod, NpgsqlDbType.Boolean, ct)),
        ("correction_kind", (w, i, ct) => w.WriteNullableAsync(i.CorrectionKind, NpgsqlDbType.Varchar, ct)),
        ("correction_reference", (w, i, ct) => w.WriteNullableAsync(i.CorrectionReference, NpgsqlDbType.Varchar, ct)),
        ("correction_reported_by", (w, i, ct) => w.WriteNullableAsync(i.CorrectionReportedBy, NpgsqlDbType.Varchar, ct)),
        ("correction_known_at", (w, i, ct) => w.WriteNullableAsync(i.CorrectionKnownAt?.ToDateTimeUtc(), NpgsqlDbType.TimestampTz, ct)));

    public static Task InsertAsync(PaymentDbContext db, IReadOnlyCollection<LedgerItem> items, CancellationToken cancellationToken) =>
        Columns.InsertAsync(db, items, cancellationToken);
}
