using Google.Protobuf.WellKnownTypes;
using NodaTime;
using Partnerskab.ServiceDefaults;
using Partnerskab.ServiceDefaults.Errors;
using Proto = Partnerskab.Protos.Payment.V1;

namespace Partnerskab.Payment.Investments;

/// <summary>The investor's cash flows to and from the wire.</summary>
public static class InvestorCashFlowMessages
{
    public static InvestorCashFlow Read(Proto.RecordInvestorCashFlowRequest request, RequestValidator v, Instant now, string recordedBy) => new()
    {
        Id = Guid.CreateVersion7(),
        PartnershipId = v.Id(request.PartnershipId, "partnership_id"),
        Kind = ByHand(request.Kind, v),
        OccurredOn = v.Date(request.OccurredOn, "occurred_on"),
        AmountOre = v.Amount(request.AmountOre, "amount_ore", minimumOre: 1),
        Reference = v.Text(request.Reference, "reference", maxLength: 100),
        Note = v.OptionalText(request.Note, "note", maxLength: 500),
        RecordedAt = now,
        RecordedBy = recordedBy,
    };

    private static CashFlowKind ByHand(Proto.InvestorCashFlowKind kind, RequestValidator v)
    {
        v.Check(kind != Proto.InvestorCashFlowKind.OutcomePayment, "kind",
            "an outcome payment passed through to the investor is derived from the payments of the partnership's invoices, never recorded by hand");
        return (CashFlowKind)v.Enum(kind, "kind");
    }

    public static Proto.InvestorCashFlow ToProto(InvestorCashFlow cashFlow) => new()
    {
        CashFlowId = cashFlow.Id.ToString(),
        PartnershipId = cashFlow.PartnershipId.ToString(),
        Kind = (Proto.InvestorCashFlowKind)cashFlow.Kind,
        OccurredOn = cashFlow.OccurredOn.ToProto(),
        AmountOre = cashFlow.AmountOre,
        Reference = cashFlow.Reference,
        Note = cashFlow.Note,
        RecordedAt = Timestamp.FromDateTimeOffset(cashFlow.RecordedAt.ToDateTimeOffset()),
        RecordedBy = cashFlow.RecordedBy,
    };
}
