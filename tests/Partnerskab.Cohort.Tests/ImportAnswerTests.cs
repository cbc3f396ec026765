using Google.Protobuf;
using Partnerskab.Cohort.Import;
using Partnerskab.Protos.Cohort.V1;

namespace Partnerskab.Cohort.Tests;

public sealed class ImportAnswerTests
{
    [Fact]
    public void The_answer_kept_as_bytes_is_the_whole_message_with_its_results_in_row_order()
    {
        var rows = Enumerable.Range(1, 2500).Select(Result).ToList();
        var answer = new ImportAnswer();

        // Rows refused on their own fields are answered before the rest of their batch.
        foreach (var batch in rows.Chunk(1000)) answer.AddBatch([.. batch.Where(r => r.RowNumber % 7 == 0), .. batch.Where(r => r.RowNumber % 7 != 0)]);

        var expected = Message(rows);
        answer.ToByteArray().ShouldBe(expected.ToByteArray());
        ImportCitizensResponse.Parser.ParseFrom(answer.ToByteArray()).ShouldBe(expected);
        (expected.Accepted, expected.Unchanged, expected.Rejected).ShouldBe((1786, 357, 357), "every outcome is counted");
    }

    [Fact]
    public void A_batch_written_before_the_stream_was_cut_off_answers_as_it_was_decided()
    {
        var rows = Enumerable.Range(1, 1500).Select(Result).ToList();
        var first = new ImportAnswer();
        var written = first.AddBatch(rows.Take(1000).Reverse());
        ImportCitizensResponse.Parser.ParseFrom(written).ShouldBe(Message(rows.Take(1000)), "a batch's answer is its results and counts");

        var resumed = new ImportAnswer();
        resumed.AddWritten(written);
        resumed.AddBatch(rows.Skip(1000));

        resumed.ToByteArray().ShouldBe(Message(rows).ToByteArray());
    }

    [Fact]
    public void A_stored_answer_is_replayed_as_the_same_message_marked_replayed()
    {
        var answer = new ImportAnswer();
        answer.AddBatch(Enumerable.Range(1, 30).Select(Result));
        var stored = answer.ToByteArray();

        var replay = ImportAnswer.Replayed(stored).SelectMany(part => part.ToArray()).ToArray();

        var expected = Message(Enumerable.Range(1, 30).Select(Result));
        expected.Replayed = true;
        replay.ShouldBe(expected.ToByteArray());
    }

    private static ImportCitizensResponse Message(IEnumerable<RowResult> results)
    {
        var message = new ImportCitizensResponse { Results = { results.Select(r => r.Clone()) } };
        message.Accepted = message.Results.Count(r => r.Outcome == RowOutcome.Accepted);
        message.Unchanged = message.Results.Count(r => r.Outcome == RowOutcome.Unchanged);
        message.Rejected = message.Results.Count(r => r.Outcome == RowOutcome.Rejected);
        return message;
    }

    // A seventh of the rows refused with violations, a seventh unchanged, the rest accepted.
    private static RowResult Result(int rowNumber) => (rowNumber % 7) switch
    {
        0 => new RowResult
        {
            RowNumber = rowNumber,
            CaseReference = $"REF-{rowNumber}",
            Outcome = RowOutcome.Rejected,
            Violations = { new RowViolation { Field = "cpr", Description = "is not a valid CPR number" } },
        },
        3 => new RowResult { RowNumber = rowNumber, CitizenId = $"{rowNumber:x32}", Outcome = RowOutcome.Unchanged },
        _ => new RowResult { RowNumber = rowNumber, CitizenId = $"{rowNumber:x32}", Outcome = RowOutcome.Accepted },
    };
}
