using Google.Protobuf;
using Partnerskab.Protos.Cohort.V1;

namespace Partnerskab.Cohort.Import;

/// <summary>
/// An import stream's answer, kept as protobuf bytes batch by batch. A row's result is a message
/// only while its batch is decided; the stream then holds its bytes (some 45 a row) rather than
/// its objects (some 200). A message's bytes are its fields' one after the other, so the batches'
/// results in row order followed by the counts are the very bytes Google.Protobuf writes for the
/// whole answer: built once, stored for a retried stream and sent as they are.
/// </summary>
public sealed class ImportAnswer
{
    private static readonly byte[] ReplayedMark = new ImportCitizensResponse { Replayed = true }.ToByteArray();

    private readonly List<(byte[] Answer, int ResultsLength)> batches = [];
    private int accepted, rejected, unchanged;

    /// <summary>
    /// Adds a batch's results, in whatever order they were decided (the answer has them in row order),
    /// and returns the batch's own answer, as kept for a stream cut off after the batch.
    /// </summary>
    public byte[] AddBatch(IEnumerable<RowResult> results)
    {
        var batch = new ImportCitizensResponse { Results = { results.OrderBy(r => r.RowNumber) } };
        batch.Accepted = batch.Results.Count(r => r.Outcome == RowOutcome.Accepted);
        batch.Unchanged = batch.Results.Count(r => r.Outcome == RowOutcome.Unchanged);
        batch.Rejected = batch.Results.Count(r => r.Outcome == RowOutcome.Rejected);
        var answer = batch.ToByteArray();
        batches.Add((answer, answer.Length - Counts(batch.Accepted, batch.Rejected, batch.Unchanged).CalculateSize()));
        accepted += batch.Accepted;
        rejected += batch.Rejected;
        unchanged += batch.Unchanged;
        return answer;
    }

    /// <summary>Adds a batch's answer as <see cref="AddBatch"/> returned it.</summary>
    public void AddWritten(byte[] batchAnswer) => AddBatch(ImportCitizensResponse.Parser.ParseFrom(batchAnswer).Results);

    /// <summary>The whole answer: every batch's results, then the counts.</summary>
    public byte[] ToByteArray()
    {
        var counts = Counts(accepted, rejected, unchanged).ToByteArray();
        var answer = new byte[batches.Sum(b => b.ResultsLength) + counts.Length];
        var at = 0;
        foreach (var (batch, resultsLength) in batches)
        {
            batch.AsSpan(0, resultsLength).CopyTo(answer.AsSpan(at));
            at += resultsLength;
        }
        counts.CopyTo(answer, at);
        return answer;
    }

    /// <summary>A stored answer as a retried stream gets it: marked as replayed, the mark being its last field.</summary>
    public static ReadOnlyMemory<byte>[] Replayed(byte[] stored) => [stored, ReplayedMark];

    private static ImportCitizensResponse Counts(int accepted, int rejected, int unchanged) =>
        new() { Accepted = accepted, Rejected = rejected, Unchanged = unchanged };
}
