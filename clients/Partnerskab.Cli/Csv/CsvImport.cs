using Grpc.Core;
using Partnerskab.Cli.Finance;
using Partnerskab.Imports.Csv;

namespace Partnerskab.Cli.Csv;

/// <summary>
/// The shape of every import command: read a CSV file, send the lines that parse, show
/// progress (rows sent and answered), print a summary table, and write the rejected lines with their line numbers and
/// reasons to a file the sender can fix and send again.
/// </summary>
public sealed class CsvImport(TextWriter output, ProgressView progress)
{
    public sealed record Summary(int Lines, int Accepted, int Unchanged, int Rejected, string? IdempotencyKey, bool Replayed);

    /// <summary>What the service answered: counts, and the rejected rows (1 for the first row sent) with their reasons.</summary>
    public sealed record Answer(int Accepted, int Unchanged, bool Replayed, IReadOnlyList<(int RowNumber, string Reasons)> Rejected);

    public delegate CsvLine<TRow> LineParser<TRow>(CsvRow line, IReadOnlyDictionary<string, int> columns) where TRow : class;

    public async Task<Summary> RunAsync<TRow>(string csvPath, string rejectedPath, string? idempotencyKey,
        Func<IReadOnlyList<string>, Dictionary<string, int>> readHeader, LineParser<TRow> parse,
        Func<IReadOnlyList<TRow>, ProgressReport, CancellationToken, Task<Answer>> send, CancellationToken cancellationToken = default) where TRow : class
    {
        var table = CsvTable.Read(await File.ReadAllTextAsync(csvPath, cancellationToken));
        var columns = readHeader(table.Header);
        var lines = table.Rows.Select(row => parse(row, columns)).ToList();

        var sent = lines.Where(l => l.Row is not null).ToList();
        var answer = sent.Count == 0
            ? new Answer(0, 0, false, [])
            : await progress.ShowAsync(new StreamProgress(sent.Count), report => send(sent.Select(l => l.Row!).ToList(), report, cancellationToken));

        var rejected = lines.Where(l => l.Row is null).Select(l => (l.LineNumber, l.Fields, Reasons: string.Join("; ", l.Problems))).ToList();
        rejected.AddRange(answer.Rejected.Select(r => (sent[r.RowNumber - 1].LineNumber, sent[r.RowNumber - 1].Fields, r.Reasons)));
        await WriteRejectedAsync(rejectedPath, table, rejected.OrderBy(r => r.LineNumber).ToList(), cancellationToken);

        var summary = new Summary(lines.Count, answer.Accepted, answer.Unchanged, rejected.Count, idempotencyKey, answer.Replayed);
        WriteSummary(summary, rejectedPath);
        return summary;
    }

    /// <summary>Streams the messages, each reported as sent, then waits for the service's one answer, which answers them all.</summary>
    public static async Task<TResponse> StreamAsync<TRequest, TResponse>(AsyncClientStreamingCall<TRequest, TResponse> call,
        IReadOnlyList<TRequest> messages, ProgressReport report, CancellationToken cancellationToken)
    {
        foreach (var message in messages)
        {
            await call.RequestStream.WriteAsync(message, cancellationToken);
            report.RowSent();
        }
        await call.RequestStream.CompleteAsync();
        var response = await call.ResponseAsync;
        report.RowsAnswered(messages.Count);
        return response;
    }

    private static async Task WriteRejectedAsync(string path, CsvTable table,
        IReadOnlyList<(int LineNumber, IReadOnlyList<string> Fields, string Reasons)> rejected, CancellationToken cancellationToken)
    {
        var separator = table.Separator;
        var lines = new List<string> { string.Join(separator, ["line", .. table.Header.Select(f => CsvFile.Quote(f, separator)), "reasons"]) };
        lines.AddRange(rejected.Select(r =>
            string.Join(separator, [r.LineNumber.ToString(), .. r.Fields.Select(f => CsvFile.Quote(f, separator)), CsvFile.Quote(r.Reasons, separator)])));
        await File.WriteAllLinesAsync(path, lines, cancellationToken);
    }

    private void WriteSummary(Summary summary, string rejectedPath)
    {
        output.WriteLine();
        output.Write(TextTable.Format([new("rows"), new("count", RightAligned: true)],
        [
            ["accepted", Count(summary.Accepted)], ["unchanged", Count(summary.Unchanged)], ["rejected", Count(summary.Rejected)],
            ["total", Count(summary.Lines)],
        ]));
        output.WriteLine();
        if (summary.Replayed) output.WriteLine($"  This is the stored answer of an earlier import with key {summary.IdempotencyKey}; nothing was written now.");
        output.WriteLine(summary.Rejected > 0
            ? $"  Rejected lines and their reasons: {rejectedPath}"
            : "  No line was rejected.");
        if (summary.IdempotencyKey is not null)
        {
            output.WriteLine($"  Idempotency key: {summary.IdempotencyKey} (pass it with --key to retry this import safely)");
        }
    }

    private static string Count(int n) => n.ToString("N0", System.Globalization.CultureInfo.InvariantCulture);
}
