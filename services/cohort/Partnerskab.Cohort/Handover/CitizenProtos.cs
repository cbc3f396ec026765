using NodaTime;
using Partnerskab.ServiceDefaults;

namespace Partnerskab.Cohort.Handover;

/// <summary>A citizen as the API shows one, with the status on a day.</summary>
public static class CitizenProtos
{
    public static Protos.Cohort.V1.Citizen ToProto(this Citizen c, LocalDate asOf) => new()
    {
        PartnershipId = c.PartnershipId.ToString(),
        CitizenId = c.CitizenId,
        HandoverDate = c.HandoverDate.ToProto(),
        FollowUpStart = c.FollowUp.Start.ToProto(),
        FollowUpEnd = c.FollowUp.End.ToProto(),
        BenefitType = (Protos.Cohort.V1.BenefitType)(int)c.BenefitType,
        WeeksSickListed = c.WeeksSickListed,
        CaseReference = c.CaseReference,
        Status = (Protos.Cohort.V1.CitizenStatus)(int)c.StatusOn(asOf),
        AdvisorId = c.AdvisorId ?? "",
        ExitDate = c.ExitDate?.ToProto(),
        ExitReason = c.ExitReason is { } reason ? (Protos.Cohort.V1.ExitReason)(int)reason : Protos.Cohort.V1.ExitReason.Unspecified,
    };
}
