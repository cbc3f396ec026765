using Partnerskab.Cli.Finance;
using Partnerskab.Cli.Outcome;
using Partnerskab.Protos.Cohort.V1;

namespace Partnerskab.Cli.Cohort;

/// <summary>`partnerskab cohort partnership get` and `versions`: the agreement's terms as a table, and its versions one a line.</summary>
public static class PartnershipView
{
    public static string Report(GetPartnershipResponse answer)
    {
        var p = answer.Partnership;
        return $"  Partnership {p.PartnershipId}, version {p.Version}\n" + TextTable.Terms(
        [
            ("reference", p.Reference),
            ("name", p.Name),
            ("kommune", Party(p.Kommune)),
            ("provider", Party(p.Provider)),
            ("investor", Party(p.Investor)),
            ("contract", Period(p.ContractStart, p.ContractEnd)),
            ("handover window", Period(p.HandoverWindowStart, p.HandoverWindowEnd)),
            ("cohort capacity", TextTable.Number(p.CohortCapacity)),
            ("citizens handed over", TextTable.Number(p.CitizensHandedOver)),
            ("follow-up months", TextTable.Number(p.FollowUpMonths)),
            ("eligibility", Eligibility(p.Eligibility)),
        ]);
    }

    public static string Versions(ListPartnershipVersionsResponse answer) => TextTable.Format(
        [
            new("version", RightAligned: true), new("recorded at"), new("reason"), new("name"), new("contract"), new("handover window"),
            new("capacity", RightAligned: true), new("follow-up months", RightAligned: true),
        ],
        answer.Versions.Select(v => (IReadOnlyList<string>)
        [
            TextTable.Number(v.Partnership.Version), FinanceDates.Text(v.RecordedAt), v.Reason, v.Partnership.Name,
            Period(v.Partnership.ContractStart, v.Partnership.ContractEnd), Period(v.Partnership.HandoverWindowStart, v.Partnership.HandoverWindowEnd),
            TextTable.Number(v.Partnership.CohortCapacity), TextTable.Number(v.Partnership.FollowUpMonths),
        ]));

    private static string Party(Organisation? party) => party is null || party.Cvr.Length == 0
        ? ""
        : $"{party.Name}, CVR {party.Cvr}" + (party.Ean.Length > 0 ? $", EAN {party.Ean}" : "");

    private static string Period(Google.Type.Date start, Google.Type.Date end) => $"{FinanceDates.Text(start)} to {FinanceDates.Text(end)}";

    private static string Eligibility(Eligibility? rules) => rules is null
        ? ""
        : $"sick-listed more than {rules.MinWeeksSickListed} weeks; {string.Join(", ", rules.AllowedBenefitTypes.Select(StatusCsv.Name))}";
}
