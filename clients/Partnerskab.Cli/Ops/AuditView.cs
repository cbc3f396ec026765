using Partnerskab.Cli.Finance;
using Partnerskab.Protos.Audit.V1;

namespace Partnerskab.Cli.Ops;

/// <summary>`partnerskab cohort|outcome|finance audit`: a page of a service's audit log, a call a line.</summary>
public static class AuditView
{
    /// <summary>Citizens a line names in full; a call that touched more says how many more.</summary>
    private const int CitizensShown = 3;

    public static string Report(IEnumerable<AuditEntry> entries, string nextPageToken) => TextTable.Format(
        [
            new("recorded at"), new("subject"), new("roles"), new("organisation"), new("call"), new("status"), new("partnership"),
            new("records", RightAligned: true), new("citizens"),
        ],
        entries.Select(e => (IReadOnlyList<string>)
        [
            FinanceDates.Text(e.RecordedAt), e.Subject, string.Join(",", e.Roles), e.Organisation, e.Rpc[(e.Rpc.LastIndexOf('/') + 1)..], e.StatusCode,
            e.PartnershipId, TextTable.Number(e.CitizenRecords), Citizens(e.CitizenIds),
        ])) + TextTable.NextPage(nextPageToken);

    private static string Citizens(IReadOnlyList<string> citizens) =>
        string.Join(" ", citizens.Take(CitizensShown)) + (citizens.Count > CitizensShown ? $" and {citizens.Count - CitizensShown} more" : "");
}
