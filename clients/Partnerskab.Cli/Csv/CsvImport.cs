using Grpc.Core;
using Partnerskab.Imports.Csv;

namespace Partnerskab.Cli.Csv;

/// <summary>
/// The shape of every import command: read a CSV file, send the lines that parse, show
/// progress, print a summary table, and write the rejected lines with their line numbers and
/// reasons to a file the sender can fix and send again.
/// </summary>
public sealed class CsvImport(TextWriter output, TextWriter progress)
{
    public sealed record Summary(int Lines, int Accepted, int Unchanged, int Rejected, string? IdempotencyKey, bool Replayed);

    /// <summary>What the service answered: counts, and the rejected rows (1 for the first row sent) with their reasons.</summary>
    public sealed record Answer(int Accepted, int Unchanged, bool Replayed, IReadOnlyList<(int RowNumber, string Reasons)> Rejected);

    public delegate CsvLine<TRow> LineParser<TRow>(CsvRow line, IReadOnlyDictionary<string, int> columns) where TRow : class;

    public async Task<Summary> RunAsync<TRow>(string csvPath, string rejectedPath, string? idempotencyKey,
        Func<IReadOnlyList<string>, Dictionary<string, int>> readHeader, LineParser<TRow> parse,
        Func<IReadOnlyList<TRow>, CancellationToken, Task<Answer>> send, CancellationToken cancellationToken = default) where TRow : class
    {
        var table = CsvTable.Read(await File.ReadAllTextAsync(csvPath, cancellationToken));
        var columns = readHeader(table.Header);
        var lines = table.Rows.Select(row => parse(row, columns)).ToList();

        var sent = lines.Where(l => l.Row is not null).ToList();
        var answer = sent.Count == 0 ? new Answer(0, 0, false, []) : await send(sent.Select(l => l.Row!).ToList(), cancellationToken);

        var rejected = lines.Where(l => l.Row is null).Select(l => (l.LineNumber, l.Fields, Reasons: string.Join("; ", l.Problems))).ToList();
        rejected.AddRange(answer.Rejected.Select(r => (sent[r.RowNumber - 1].LineNumber, sent[r.RowNumber - 1].Fields, r.Reasons)));
        await WriteRejectedAsync(rejectedPath, table, rejected.OrderBy(r => r.LineNumber).ToList(), cancellationToken);

        var summary = new Summary(lines.Count, answer.Accepted, answer.Unchanged, rejected.Count, idempotencyKey, answer.Replayed);
        WriteSummary(summary, rejectedPath);
        return summary;
    }

    /// <summary>Streams the messages with a progress bar, then waits for the service's one answer.</summary>
    public async Task<TResponse> StreamAsync<TRequest, TResponse>(AsyncClientStreamingCall<TRequest, TResponse> call, IReadOnlyList<TRequest> messages,
        string service, CancellationToken cancellationToken)
    {
        for (var i = 0; i < messages.Count; i++)
        {
            await call.RequestStream.WriteAsync(messages[i], cancellationToken);
            Progress(i + 1, messages.Count, "rows sent");
        }
        await call.RequestStream.CompleteAsync();
        progress.Write($"\n  waiting for the {service}'s answer...");
        var response = await call.ResponseAsync;
        progress.WriteLine(" done");
        return response;
    }

    /// <summary>Redraws the progress bar about 50 times over a run, and at its end.</summary>
    public void Progress(int done, int total, string what)
    {
        const int width = 40;
        if (done % Math.Max(1, total / 50) != 0 && done != total) return;
        var filled = (int)((long)done * width / total);
        progress.Write($"\r  [{new string('#', filled)}{new string('.', width - filled)}] {done:N0}/{total:N0} {what}");
        if (done == total) progress.WriteLine();
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
        if (summary.IdempotencyKey is not null)
        {
            output.WriteLine($"  Idempotency key: {summary.IdempotencyKey} (pass it with --key to retry this import safely)");
        }
    }
}
