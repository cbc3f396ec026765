using Partnerskab.Cli.Csv;
using Partnerskab.Imports.Csv;
using Partnerskab.Protos.Outcome.V1;

namespace Partnerskab.Cli.Outcome;

/// <summary>
/// A provider's outcome claims (see <see cref="CsvFile"/>). Columns, in any order: citizen_id,
/// claim_reference, kind, outcome_date (YYYY-MM-DD), evidence_reference, and optionally
/// hours_per_week (e.g. 15.5) and employer_cvr.
/// </summary>
public static class ClaimCsv
{
    public static readonly string[] Columns = ["citizen_id", "claim_reference", "kind", "outcome_date", "evidence_reference"];
    public static readonly string[] OptionalColumns = ["hours_per_week", "employer_cvr"];

    /// <summary>Kinds as written in the file: the API's names without the OUTCOME_KIND_ prefix, in any case.</summary>
    public static readonly IReadOnlyDictionary<string, OutcomeKind> Kinds = Enum.GetValues<OutcomeKind>()
        .Where(k => k != OutcomeKind.Unspecified)
        .ToDictionary(k => StatusCsv.Snake(k.ToString()), k => k, StringComparer.OrdinalIgnoreCase);

    public static Dictionary<string, int> ReadHeader(IReadOnlyList<string> header) => CsvFile.ReadHeader(header, Columns, OptionalColumns);

    public static CsvLine<ClaimOutcomeRequest> ParseLine(CsvRow line, IReadOnlyDictionary<string, int> columns)
    {
        var record = new CsvRecord(line.Fields, columns);
        var claim = new ClaimOutcomeRequest
        {
            CitizenId = record["citizen_id"],
            ClaimReference = record["claim_reference"],
            EmployerCvr = record["employer_cvr"],
            EvidenceReference = record["evidence_reference"],
        };
        record.Read("kind", Kinds, kind => claim.Kind = kind);
        record.ReadDate("outcome_date", date => claim.OutcomeDate = date);
        record.Read("hours_per_week", CsvFile.Hundredths, hours => claim.HoursPerWeekHundredths = hours, CsvFile.HoursExpected);
        return new CsvLine<ClaimOutcomeRequest>(line.LineNumber, line.Fields, record.Problems.Count == 0 ? claim : null, record.Problems);
    }
}
