using Google.Protobuf.WellKnownTypes;
using Partnerskab.ServiceDefaults;

namespace Partnerskab.Payment.Ledger;

/// <summary>Ledger items as the API shows them.</summary>
public static class LedgerItemMessages
{
    /// <param name="creditsMilestone">For a credit: whether the item it takes back is a milestone.</param>
    public static Protos.Payment.V1.LedgerItem ToProto(LedgerItem item, bool creditsMilestone) => new()
    {
        ItemId = item.Id.ToString(),
        PartnershipId = item.PartnershipId.ToString(),
        CitizenId = item.CitizenId ?? "",
        Kind = (Protos.Payment.V1.LedgerItemKind)(int)item.Kind,
        MilestoneCode = item.Kind == LedgerItemKind.Milestone || (item.Kind == LedgerItemKind.Credit && creditsMilestone) ? item.Code : "",
        Code = item.Code ?? "",
        EarnedOn = item.EarnedOn.ToProto(),
        Quantity = item.Quantity,
        UnitPriceOre = item.UnitPriceOre,
        OriginalAmountOre = item.OriginalAmountOre,
        AmountOre = item.AmountOre,
        CappedBy = (Protos.Payment.V1.CapKind)(int)item.CappedBy,
        CreditsItemId = item.CreditsItemId?.ToString() ?? "",
        PricingNote = item.PricingNote,
        CauseKey = item.CauseKey,
        CauseMessageId = item.CauseMessageId?.ToString() ?? "",
        RateCardVersion = item.RateCardVersion ?? 0,
        Unpriced = item.Unpriced,
        BookedOn = item.BookedOn.ToProto(),
        RecordedAt = Timestamp.FromDateTimeOffset(item.RecordedAt.ToDateTimeOffset()),
        Correction = CorrectionOf(item),
        PayerId = item.PayerId,
        Lead = item.Lead,
    };

    /// <summary>The fact a credit names as its cause, with the day it took effect; null for other items.</summary>
    public static Protos.Payment.V1.Correction? CorrectionOf(LedgerItem item)
    {
        if (item.Kind != LedgerItemKind.Credit || item.CorrectionKind is null) return null;
        var correction = new Protos.Payment.V1.Correction
        {
            Kind = item.CorrectionKind,
            Reference = item.CorrectionReference ?? "",
            ReportedBy = item.CorrectionReportedBy ?? "",
            EffectiveOn = item.EarnedOn.ToProto(),
        };
        if (item.CorrectionKnownAt is { } knownAt) correction.KnownAt = Timestamp.FromDateTimeOffset(knownAt.ToDateTimeOffset());
        return correction;
    }
}
