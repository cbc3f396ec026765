using Partnerskab.Cli.Finance;
using Partnerskab.Protos.Outcome.V1;

namespace Partnerskab.Cli.Outcome;

/// <summary>`partnerskab outcome claims list` and `get`: a page of claims as a table, and one claim's facts and history.</summary>
public static class ClaimsView
{
    public static string List(ListOutcomeClaimsResponse answer) => TextTable.Format(
        [
            new("claimed at"), new("reference"), new("citizen"), new("kind"), new("outcome date"), new("hours/week", RightAligned: true),
            new("employer"), new("evidence"), new("status"), new("decided by"), new("reason"), new("claim"),
        ],
        answer.Claims.Select(c => (IReadOnlyList<string>)
        [
            FinanceDates.Text(c.ClaimedAt), c.ClaimReference, c.CitizenId, StatusCsv.Name(c.Kind), FinanceDates.Text(c.OutcomeDate), Hours(c.HoursPerWeekHundredths),
            c.EmployerCvr, c.EvidenceReference, StatusCsv.Name(c.Status), c.DecidedBy, c.DecisionReason, c.ClaimId,
        ])) + TextTable.NextPage(answer.NextPageToken);

    public static string Report(GetOutcomeClaimResponse answer)
    {
        var c = answer.Claim;
        return $"  Claim {c.ClaimReference} ({c.ClaimId}) of citizen {c.CitizenId}: {StatusCsv.Name(c.Status)}\n"
            + TextTable.Terms(
            [
                ("kind", StatusCsv.Name(c.Kind)),
                ("outcome date", FinanceDates.Text(c.OutcomeDate)),
                ("hours per week", Hours(c.HoursPerWeekHundredths)),
                ("employer", c.EmployerCvr),
                ("evidence", c.EvidenceReference),
                ("claimed at", FinanceDates.Text(c.ClaimedAt)),
                ("decided by", c.DecidedBy),
                ("reason", c.DecisionReason),
            ])
            + "\n"
            + TextTable.Format(
                [
                    new("at"), new("action"), new("by"), new("reason"), new("outcome date"), new("hours/week", RightAligned: true), new("employer"),
                    new("evidence"),
                ],
                answer.History.Select(h => (IReadOnlyList<string>)
                [
                    FinanceDates.Text(h.At), StatusCsv.Name(h.Action), h.By, h.Reason, FinanceDates.Text(h.OutcomeDate), Hours(h.HoursPerWeekHundredths),
                    h.EmployerCvr, h.EvidenceReference,
                ]));
    }

    private static string Hours(int hundredths) => hundredths == 0 ? "" : TextTable.Hundredths(hundredths);
}
