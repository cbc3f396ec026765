using Spectre.Console;

namespace Partnerskab.Cli.Csv;

/// <summary>
/// Where a bulk send shows its <see cref="StreamProgress"/>: live bars on a terminal (Spectre.Console),
/// or plain lines without control codes where a script or a log reads the output.
/// </summary>
public abstract class ProgressView
{
    /// <summary>Runs the work; the work reports each row sent and answered to the report it is given.</summary>
    public abstract Task<T> ShowAsync<T>(StreamProgress progress, Func<ProgressReport, Task<T>> work);

    public static ProgressView Plain(TextWriter writer) => new PlainView(writer);

    public static ProgressView Live(IAnsiConsole console) => new LiveView(console);

    private sealed class PlainView(TextWriter writer) : ProgressView
    {
        public override async Task<T> ShowAsync<T>(StreamProgress progress, Func<ProgressReport, Task<T>> work)
        {
            var report = new ProgressReport(progress, Refresh);
            Refresh();
            return await work(report);

            void Refresh()
            {
                if (progress.PlainLine() is { } line) writer.WriteLine(line);
            }
        }
    }

    private sealed class LiveView(IAnsiConsole console) : ProgressView
    {
        public override Task<T> ShowAsync<T>(StreamProgress progress, Func<ProgressReport, Task<T>> work) =>
            console.Progress()
                .AutoClear(false)
                .Columns(new TaskDescriptionColumn { Alignment = Justify.Left }, new ProgressBarColumn(), new PercentageColumn(), new ElapsedTimeColumn())
                .StartAsync(async context =>
                {
                    var sent = context.AddTask(progress.SentText, maxValue: Math.Max(1, progress.Total));
                    var answered = context.AddTask(progress.AnsweredText, maxValue: Math.Max(1, progress.Total));
                    return await work(new ProgressReport(progress, () =>
                    {
                        (sent.Value, sent.Description) = (progress.Sent, progress.SentText);
                        (answered.Value, answered.Description) = (progress.Answered, progress.AnsweredText);
                    }));
                });
    }
}

/// <summary>What a bulk send tells its <see cref="ProgressView"/>: a row sent, rows answered.</summary>
public sealed class ProgressReport(StreamProgress progress, Action refresh)
{
    public void RowSent()
    {
        progress.RowSent();
        refresh();
    }

    public void RowsAnswered(int count)
    {
        progress.RowsAnswered(count);
        refresh();
    }
}
