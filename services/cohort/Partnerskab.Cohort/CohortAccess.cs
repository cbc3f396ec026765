using Partnerskab.Protos.Cohort.V1;
using Partnerskab.ServiceDefaults.Access;
using Partnerskab.ServiceDefaults.Audit;
using static Partnerskab.Tokens.SuiteRoles;
using Rpc = Partnerskab.Protos.Cohort.V1.CohortService.CohortServiceBase;

namespace Partnerskab.Cohort;

/// <summary>Who may call which cohort RPC; the partnership scope is checked on top (see <see cref="AccessInterceptor"/>).</summary>
public static class CohortAccess
{
    public static AccessPolicy Policy { get; } = new(CohortService.Descriptor.FullName, new Dictionary<string, string[]>
    {
        [nameof(Rpc.CreatePartnership)] = [Kommune],
        [nameof(Rpc.AmendPartnership)] = [Kommune],
        [nameof(Rpc.GetPartnership)] = [Kommune, Provider, Finance, Committee, Investor, Service],
        [nameof(Rpc.ListPartnerships)] = [Kommune, Provider, Finance, Committee, Investor],
        [nameof(Rpc.ListPartnershipVersions)] = [Kommune, Provider, Finance, Committee, Investor],
        [nameof(Rpc.HandOverCitizen)] = [Kommune],
        [nameof(Rpc.ImportCitizens)] = [Kommune],
        [nameof(Rpc.RecordExit)] = [Kommune],
        [nameof(Rpc.AssignAdvisor)] = [Provider],
        [nameof(Rpc.GetCitizen)] = [Kommune, Provider],
        [nameof(Rpc.ListCitizens)] = [Kommune, Provider],
        [nameof(Rpc.GetFollowUpStatus)] = [Kommune, Provider, Service],
        [nameof(Rpc.CountCitizens)] = [Kommune, Provider, Finance, Committee, Investor],
        [nameof(Rpc.ListAuditEntries)] = [Auditor],
        [nameof(Rpc.EraseExpiredCitizenData)] = [Operator],
    });

    /// <summary>Every write, and every read of citizen-level data: every call to them is in the audit log.</summary>
    public static AuditPolicy Audited { get; } = new(CohortService.Descriptor.FullName,
    [
        nameof(Rpc.CreatePartnership),
        nameof(Rpc.AmendPartnership),
        nameof(Rpc.HandOverCitizen),
        nameof(Rpc.ImportCitizens),
        nameof(Rpc.RecordExit),
        nameof(Rpc.AssignAdvisor),
        nameof(Rpc.GetCitizen),
        nameof(Rpc.ListCitizens),
        nameof(Rpc.GetFollowUpStatus),
        nameof(Rpc.EraseExpiredCitizenData),
    ]);
}
