using Google.Protobuf.WellKnownTypes;
using Partnerskab.Protos.Outcome.V1;
using Partnerskab.ServiceDefaults;

namespace Partnerskab.Outcome.Milestones;

/// <summary>Milestones and their definitions as the API shows them.</summary>
public static class MilestoneProtos
{
    public static Protos.Outcome.V1.Milestone ToProto(this Milestone m) => new()
    {
        MilestoneId = m.Id.ToString(),
        PartnershipId = m.PartnershipId.ToString(),
        CitizenId = m.CitizenId,
        Code = m.Code,
        AchievedOn = m.AchievedOn.ToProto(),
        BasisClaimIds = { m.BasisClaimIds.Select(id => id.ToString()) },
        BasisWeekStarts = { m.BasisWeekStarts.Select(w => w.ToProto()) },
        Revoked = m.Revoked,
        RevokedOn = m.RevokedOn?.ToProto(),
        RevocationReason = m.RevocationReason ?? "",
        EffectiveOn = m.EffectiveOn?.ToProto(),
        Cause = m.CauseKind is null ? null : new RevocationCause
        {
            Kind = m.CauseKind,
            Reference = m.CauseReference ?? "",
            ReportedBy = m.CauseReportedBy ?? "",
            KnownAt = Timestamp.FromDateTimeOffset(m.RevokedAt!.Value.ToDateTimeOffset()),
        },
        RecordedAt = Timestamp.FromDateTimeOffset(m.RecordedAt.ToDateTimeOffset()),
        RevokedAt = m.RevokedAt is { } revokedAt ? Timestamp.FromDateTimeOffset(revokedAt.ToDateTimeOffset()) : null,
    };

    public static Protos.Outcome.V1.MilestoneDefinition ToProto(this MilestoneDefinition d) => new()
    {
        Code = d.Code,
        Description = d.Description,
        RuleKind = (Protos.Outcome.V1.MilestoneRuleKind)(int)d.RuleKind,
        OutcomeKind = d.OutcomeKind is { } kind ? (Protos.Outcome.V1.OutcomeKind)(int)kind : Protos.Outcome.V1.OutcomeKind.Unspecified,
        Weeks = d.Weeks ?? 0,
        Months = d.Months ?? 0,
    };
}
