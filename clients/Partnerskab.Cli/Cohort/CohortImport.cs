using Partnerskab.Cli.Csv;
using Partnerskab.Protos.Cohort.V1;

namespace Partnerskab.Cli.Cohort;

/// <summary>
/// `partnerskab cohort import`: streams a case system's CSV export to ImportCitizens, shows
/// progress, prints a summary table, and writes the rejected lines with their reasons to a file
/// the case worker can fix and send again.
/// </summary>
public sealed class CohortImport(CohortService.CohortServiceClient client, TextWriter output, ProgressView progress)
{
    private readonly CsvImport import = new(output, progress);

    public Task<CsvImport.Summary> RunAsync(string partnershipId, string csvPath, string rejectedPath, string idempotencyKey, CancellationToken cancellationToken = default) =>
        import.RunAsync<CitizenRow>(csvPath, rejectedPath, idempotencyKey, CitizenCsv.ReadHeader, CitizenCsv.ParseLine,
            async (rows, report, ct) =>
            {
                using var call = client.ImportCitizens(deadline: DateTime.UtcNow.AddMinutes(30), cancellationToken: ct);
                var response = await CsvImport.StreamAsync(call, rows.Select((row, i) => new ImportCitizensRequest
                {
                    PartnershipId = i == 0 ? partnershipId : "",
                    IdempotencyKey = i == 0 ? idempotencyKey : "",
                    Row = row,
                }).ToList(), report, ct);
                return new CsvImport.Answer(response.Accepted, response.Unchanged, response.Replayed, response.Results
                    .Where(r => r.Outcome == RowOutcome.Rejected)
                    .Select(r => (r.RowNumber, string.Join("; ", r.Violations.Select(v => $"{v.Field}: {v.Description}"))))
                    .ToList());
            }, cancellationToken);
}
