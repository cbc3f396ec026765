using System.Text.Json.Nodes;
using Partnerskab.Gateway.Problems;

namespace Partnerskab.Gateway.Jobs;

/// <summary>
/// One data row of a bulk file (1 for the first row after a CSV header; for NDJSON its line): its
/// fields as the JSON of the row message, and why the row cannot be read, if it cannot.
/// </summary>
public sealed record FileRow(int RowNumber, JsonObject? Fields, IReadOnlyList<FieldViolation> Violations)
{
    public static FileRow Unreadable(int rowNumber, string field, string description) => new(rowNumber, null, [new FieldViolation(field, description)]);
}

/// <summary>The result of one row of a job, in file order.</summary>
/// <param name="Outcome">ACCEPTED, UNCHANGED or REJECTED, as the streams answer; READ in a validation of a kind without a dry run.</param>
/// <param name="Reference">The sender's reference of a rejected row where the kind has one (a case reference, a claim reference, a bank line id).</param>
/// <param name="CitizenId">The citizen's pseudonym, where the row names or made one.</param>
public sealed record JobRowResult(int RowNumber, string Outcome, string? CitizenId, string? Reference, IReadOnlyList<FieldViolation>? Violations)
{
    public const string Accepted = "ACCEPTED";
    public const string Unchanged = "UNCHANGED";
    public const string Rejected = "REJECTED";

    /// <summary>Validated as far as the gateway can: the row is readable; the service's rules have not judged it.</summary>
    public const string Read = "READ";

    public static JobRowResult Refused(FileRow row, string? reference = null) => new(row.RowNumber, Rejected, null, reference, row.Violations);
}
