using Partnerskab.Cli.Csv;

namespace Partnerskab.Cli.Tests;

public sealed class StreamProgressTests
{
    [Fact]
    public void A_plain_line_is_due_at_the_start_at_each_tenth_of_the_rows_sent_or_answered_and_never_twice()
    {
        var progress = new StreamProgress(20);
        var lines = new List<string?> { progress.PlainLine() };
        for (var i = 0; i < 20; i++)
        {
            progress.RowSent();
            lines.Add(progress.PlainLine());
        }
        progress.RowsAnswered(20);
        lines.Add(progress.PlainLine());
        lines.Add(progress.PlainLine());

        lines.OfType<string>().ShouldBe(
        [
            "  rows sent 0/20, rows answered 0/20",
            .. Enumerable.Range(1, 10).Select(tenth => $"  rows sent {tenth * 2}/20, rows answered 0/20"),
            "  rows sent 20/20, rows answered 20/20",
        ]);
        lines[1].ShouldBeNull();
        lines[^1].ShouldBeNull();
    }

    [Fact]
    public void The_bars_name_their_counts_with_thousands_separators_and_an_answer_as_it_comes()
    {
        var progress = new StreamProgress(12_500, "claims");
        for (var i = 0; i < 1_250; i++) progress.RowSent();
        progress.RowsAnswered(1_000);

        (progress.SentText, progress.AnsweredText).ShouldBe(("claims sent 1,250/12,500", "claims answered 1,000/12,500"));
        progress.PlainLine().ShouldBe("  claims sent 1,250/12,500, claims answered 1,000/12,500");
        progress.PlainLine().ShouldBeNull();
    }

    [Fact]
    public void More_rows_sent_or_answered_than_there_are_is_a_mistake_of_the_caller()
    {
        var progress = new StreamProgress(1);
        progress.RowSent();
        progress.RowsAnswered(1);

        Should.Throw<InvalidOperationException>(progress.RowSent);
        Should.Throw<ArgumentOutOfRangeException>(() => progress.RowsAnswered(1));
        Should.Throw<ArgumentOutOfRangeException>(() => new StreamProgress(-1));
    }

    [Fact]
    public async Task Plain_progress_writes_its_lines_as_the_work_reports_rows()
    {
        var output = new StringWriter { NewLine = "\n" };
        var view = ProgressView.Plain(output);

        var answer = await view.ShowAsync(new StreamProgress(2), report =>
        {
            report.RowSent();
            report.RowSent();
            report.RowsAnswered(2);
            return Task.FromResult("done");
        });

        answer.ShouldBe("done");
        output.ToString().ShouldBe(
            "  rows sent 0/2, rows answered 0/2\n  rows sent 1/2, rows answered 0/2\n  rows sent 2/2, rows answered 0/2\n  rows sent 2/2, rows answered 2/2\n");
        output.ToString().ShouldNotContain("\u001b");
    }
}
