using Partnerskab.Cli.Csv;
using Partnerskab.Protos.Outcome.V1;

namespace Partnerskab.Cli.Outcome;

/// <summary>`partnerskab outcome report-statuses`: streams a CSV of weekly statuses to ReportWeeklyStatuses, as `cohort import` does for citizens.</summary>
public sealed class StatusImport(OutcomeService.OutcomeServiceClient client, TextWriter output, ProgressView progress)
{
    private readonly CsvImport import = new(output, progress);

    public Task<CsvImport.Summary> RunAsync(string partnershipId, StatusSource source, string csvPath, string rejectedPath, string idempotencyKey,
        CancellationToken cancellationToken = default) =>
        import.RunAsync<WeeklyStatusRow>(csvPath, rejectedPath, idempotencyKey, StatusCsv.ReadHeader, StatusCsv.ParseLine,
            async (rows, report, ct) =>
            {
                using var call = client.ReportWeeklyStatuses(deadline: DateTime.UtcNow.AddMinutes(60), cancellationToken: ct);
                var response = await CsvImport.StreamAsync(call, rows.Select((row, i) => i == 0
                    ? new ReportWeeklyStatusesRequest { PartnershipId = partnershipId, IdempotencyKey = idempotencyKey, Source = source, Row = row }
                    : new ReportWeeklyStatusesRequest { Row = row }).ToList(), report, ct);
                return new CsvImport.Answer(response.Accepted, response.Unchanged, response.Replayed, response.Results
                    .Where(r => r.Outcome == StatusRowOutcome.Rejected)
                    .Select(r => (r.RowNumber, string.Join("; ", r.Violations.Select(v => $"{v.Field}: {v.Description}"))))
                    .ToList());
            }, cancellationToken);
}
