using Partnerskab.Protos.Cohort.V1;

namespace Partnerskab.Cli.Cohort;

/// <summary>
/// `partnerskab cohort import`: streams a case system's CSV export to ImportCitizens, shows
/// progress, prints a summary table, and writes the rejected lines with their reasons to a file
/// the case worker can fix and send again.
/// </summary>
public sealed class CohortImport(CohortService.CohortServiceClient client, TextWriter output, TextWriter progress)
{
    public sealed record Summary(int Lines, int Accepted, int Unchanged, int Rejected, string IdempotencyKey, bool Replayed);

    public async Task<Summary> RunAsync(string partnershipId, string csvPath, string rejectedPath, string idempotencyKey, CancellationToken cancellationToken = default)
    {
        var text = await File.ReadAllLinesAsync(csvPath, cancellationToken);
        if (text.Length == 0) throw new FormatException($"{csvPath} is empty; it needs a header line");
        var separator = CitizenCsv.DetectSeparator(text[0]);
        var columns = CitizenCsv.ReadHeader(text[0], separator);
        var lines = text.Select((line, index) => (line, index))
            .Skip(1)
            .Where(l => l.line.Trim().Length > 0)
            .Select(l => CitizenCsv.ParseLine(l.index + 1, l.line, separator, columns))
            .ToList();

        var sent = lines.Where(l => l.Row is not null).ToList();
        var response = sent.Count == 0 ? new ImportCitizensResponse() : await SendAsync(partnershipId, idempotencyKey, sent, cancellationToken);

        var rejected = lines.Where(l => l.Row is null).Select(l => (l.LineNumber, l.Fields, Reasons: string.Join("; ", l.Problems))).ToList();
        foreach (var result in response.Results.Where(r => r.Outcome == RowOutcome.Rejected))
        {
            var line = sent[result.RowNumber - 1];
            rejected.Add((line.LineNumber, line.Fields, string.Join("; ", result.Violations.Select(v => $"{v.Field}: {v.Description}"))));
        }
        await WriteRejectedAsync(rejectedPath, text[0], separator, rejected.OrderBy(r => r.LineNumber).ToList(), cancellationToken);

        var summary = new Summary(lines.Count, response.Accepted, response.Unchanged, rejected.Count, idempotencyKey, response.Replayed);
        WriteSummary(summary, rejectedPath);
        return summary;
    }

    private async Task<ImportCitizensResponse> SendAsync(string partnershipId, string idempotencyKey, List<CitizenCsv.Line> sent, CancellationToken cancellationToken)
    {
        using var call = client.ImportCitizens(deadline: DateTime.UtcNow.AddMinutes(30), cancellationToken: cancellationToken);
        var step = Math.Max(1, sent.Count / 50);
        for (var i = 0; i < sent.Count; i++)
        {
            await call.RequestStream.WriteAsync(new ImportCitizensRequest
            {
                PartnershipId = i == 0 ? partnershipId : "",
                IdempotencyKey = i == 0 ? idempotencyKey : "",
                Row = sent[i].Row,
            }, cancellationToken);
            if ((i + 1) % step == 0 || i + 1 == sent.Count) DrawProgress(i + 1, sent.Count);
        }
        await call.RequestStream.CompleteAsync();
        progress.Write("\n  waiting for the cohort service's answer...");
        var response = await call.ResponseAsync;
        progress.WriteLine(" done");
        return response;
    }

    private void DrawProgress(int done, int total)
    {
        const int width = 40;
        var filled = (int)((long)done * width / total);
        progress.Write($"\r  [{new string('#', filled)}{new string('.', width - filled)}] {done:N0}/{total:N0} rows sent");
    }

    private static async Task WriteRejectedAsync(string path, string header, char separator,
        IReadOnlyList<(int LineNumber, IReadOnlyList<string> Fields, string Reasons)> rejected, CancellationToken cancellationToken)
    {
        var lines = new List<string> { $"line{separator}{header}{separator}reasons" };
        lines.AddRange(rejected.Select(r =>
            string.Join(separator, [r.LineNumber.ToString(), .. r.Fields.Select(f => CitizenCsv.Quote(f, separator)), CitizenCsv.Quote(r.Reasons, separator)])));
        await File.WriteAllLinesAsync(path, lines, cancellationToken);
    }

    private void WriteSummary(Summary summary, string rejectedPath)
    {
        output.WriteLine();
        output.WriteLine($"  {"rows",-10} {"count",8}");
        output.WriteLine($"  {new string('-', 10)} {new string('-', 8)}");
        output.WriteLine($"  {"accepted",-10} {summary.Accepted,8:N0}");
        output.WriteLine($"  {"unchanged",-10} {summary.Unchanged,8:N0}");
        output.WriteLine($"  {"rejected",-10} {summary.Rejected,8:N0}");
        output.WriteLine($"  {"total",-10} {summary.Lines,8:N0}");
        output.WriteLine();
        if (summary.Replayed) output.WriteLine($"  This is the stored answer of an earlier import with key {summary.IdempotencyKey}; nothing was written now.");
        output.WriteLine(summary.Rejected > 0
            ? $"  Rejected lines and their reasons: {rejectedPath}"
            : "  No line was rejected.");
        output.WriteLine($"  Idempotency key: {summary.IdempotencyKey} (pass it with --key to retry this import safely)");
    }
}
