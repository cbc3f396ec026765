using Partnerskab.Gateway.Jobs;
using Shouldly;

namespace Partnerskab.Gateway.Tests;

/// <summary>Unit tests of which chunks a job still has to run when several run at once and it was interrupted.</summary>
public sealed class JobChunksTests
{
    [Theory]
    [InlineData(1, 1000, new int[0], new[] { 0 })]
    [InlineData(1000, 1000, new int[0], new[] { 0 })]
    [InlineData(1001, 1000, new int[0], new[] { 0, 1 })]
    [InlineData(5000, 1000, new[] { 0, 2 }, new[] { 1, 3, 4 })]
    [InlineData(3, 1, new[] { 0, 1, 2 }, new int[0])]
    public void Pending_are_the_chunks_without_results_in_file_order(int rows, int chunkRows, int[] kept, int[] pending) =>
        JobChunks.Pending(rows, chunkRows, kept.ToHashSet()).ShouldBe(pending);

    [Theory]
    [InlineData(0, new int[0], 0)]
    [InlineData(0, new[] { 0, 1, 3 }, 2)]
    [InlineData(2, new[] { 0, 1, 2, 3, 4 }, 5)]
    [InlineData(1, new[] { 0, 3 }, 1)]
    public void The_first_chunk_without_results_moves_past_every_chunk_kept_before_a_gap(int from, int[] kept, int first) =>
        JobChunks.FirstWithoutResults(from, kept.ToHashSet()).ShouldBe(first);
}
