using Partnerskab.ServiceDefaults.Hosting;
using Shouldly;

namespace Partnerskab.ServiceDefaults.Tests;

/// <summary>Readiness waits for the JIT until enough samples in a row have seen no method compiled.</summary>
public sealed class JitSettlingTests
{
    [Fact]
    public void Settled_once_the_count_has_not_moved_for_the_quiet_samples()
    {
        long[] counts = [900, 950, .. Enumerable.Repeat(980L, JitSettling.QuietSamples + 1)];

        JitSettling.Settled(counts).ShouldBeTrue();
    }

    [Fact]
    public void Not_settled_while_a_method_was_compiled_within_the_quiet_samples()
    {
        long[] counts = [900, .. Enumerable.Repeat(980L, JitSettling.QuietSamples), 981];

        JitSettling.Settled(counts).ShouldBeFalse();
        JitSettling.Settled([.. counts, .. Enumerable.Repeat(981L, JitSettling.QuietSamples - 1)]).ShouldBeFalse();
    }

    [Fact]
    public void Not_settled_before_enough_samples_were_taken()
    {
        JitSettling.Settled(Enumerable.Repeat(980L, JitSettling.QuietSamples).ToList()).ShouldBeFalse();
    }

    [Fact]
    public async Task The_wait_ends_at_its_limit_however_busy_the_jit_is()
    {
        var stopwatch = System.Diagnostics.Stopwatch.StartNew();

        await JitSettling.WaitAsync(TimeSpan.Zero, CancellationToken.None);

        stopwatch.Elapsed.ShouldBeLessThan(TimeSpan.FromSeconds(5));
    }
}
