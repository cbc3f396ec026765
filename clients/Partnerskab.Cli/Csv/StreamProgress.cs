using System.Globalization;

namespace Partnerskab.Cli.Csv;

/// <summary>
/// How far a bulk send has come, and what is shown of it: the rows sent and the rows the service
/// has answered, out of the rows to send. A terminal shows each count as a live bar
/// (<see cref="SentText"/>, <see cref="AnsweredText"/>); a log or a pipe gets a plain line whenever
/// either count reaches a new tenth of the total, and at the end (<see cref="PlainLine"/>).
/// </summary>
public sealed class StreamProgress(int total, string rows = "rows")
{
    private const int Steps = 10;
    private (int Sent, int Answered)? shown;

    public int Total { get; } = total >= 0 ? total : throw new ArgumentOutOfRangeException(nameof(total), total, "cannot be negative");

    public int Sent { get; private set; }

    public int Answered { get; private set; }

    public void RowSent() => Sent = Sent < Total ? Sent + 1 : throw new InvalidOperationException($"all {Total} {rows} were sent already");

    /// <summary>The service answered <paramref name="count"/> more rows.</summary>
    public void RowsAnswered(int count) => Answered = count >= 0 && Answered + count <= Total
        ? Answered + count
        : throw new ArgumentOutOfRangeException(nameof(count), count, $"{Answered} of {Total} {rows} are answered already");

    public string SentText => $"{rows} sent {Count(Sent)}/{Count(Total)}";

    public string AnsweredText => $"{rows} answered {Count(Answered)}/{Count(Total)}";

    /// <summary>The line to print now, or null when neither count has reached a new tenth since the last line.</summary>
    public string? PlainLine()
    {
        var step = (Step(Sent), Step(Answered));
        if (step == shown) return null;
        shown = step;
        return $"  {SentText}, {AnsweredText}";
    }

    private int Step(int done) => Total == 0 ? Steps : (int)((long)done * Steps / Total);

    private static string Count(int n) => n.ToString("N0", CultureInfo.InvariantCulture);
}
