using Google.Protobuf.WellKnownTypes;
using Partnerskab.ServiceDefaults;

namespace Partnerskab.Outcome.Claims;

/// <summary>Claims and their history as the API shows them.</summary>
public static class ClaimProtos
{
    public static Protos.Outcome.V1.OutcomeClaim ToProto(this OutcomeClaim c) => new()
    {
        ClaimId = c.Id.ToString(),
        PartnershipId = c.PartnershipId.ToString(),
        CitizenId = c.CitizenId,
        ClaimReference = c.ClaimReference,
        Kind = (Protos.Outcome.V1.OutcomeKind)(int)c.Kind,
        OutcomeDate = c.OutcomeDate.ToProto(),
        HoursPerWeekHundredths = c.HoursPerWeekHundredths,
        EmployerCvr = c.EmployerCvr,
        EvidenceReference = c.EvidenceReference,
        Status = (Protos.Outcome.V1.ClaimStatus)(int)c.Status,
        DecidedBy = c.DecidedBy ?? "",
        DecisionReason = c.DecisionReason ?? "",
        ClaimedAt = Timestamp.FromDateTimeOffset(c.ClaimedAt.ToDateTimeOffset()),
    };

    public static Protos.Outcome.V1.ClaimHistoryEntry ToProto(this ClaimHistoryEntry e) => new()
    {
        Action = (Protos.Outcome.V1.ClaimAction)(int)e.Action,
        By = e.By,
        Reason = e.Reason,
        At = Timestamp.FromDateTimeOffset(e.At.ToDateTimeOffset()),
        OutcomeDate = e.OutcomeDate.ToProto(),
        HoursPerWeekHundredths = e.HoursPerWeekHundredths,
        EmployerCvr = e.EmployerCvr,
        EvidenceReference = e.EvidenceReference,
    };
}
