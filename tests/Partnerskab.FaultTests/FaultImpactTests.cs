using Partnerskab.Testing.Load;
using Shouldly;

namespace Partnerskab.FaultTests;

/// <summary>How the fault scenarios measure what a fault did to a load, on calls made up here (no infrastructure).</summary>
public sealed class FaultImpactTests
{
    private static readonly DateTime Start = new(2026, 1, 5, 9, 0, 0, DateTimeKind.Utc);

    [Fact]
    public void The_calls_are_split_at_the_fault_and_at_the_first_answer_to_a_call_begun_after_it_began()
    {
        var calls = new[]
        {
            Call(0.0, 0.1), Call(1.0, 1.3), // before the fault (at 2 s)
            Call(1.9, 6.5, attempts: 4), // in flight when the fault began, answered after retries
            Call(6.6, 7.0), // the first call begun after the fault began: the suite answers again at 7 s
            Call(7.5, 7.7), Call(8.5, 8.6), // after
        };

        var impact = FaultImpact.Measure(calls, At(2), At(5));

        impact.Outage.ShouldBe(TimeSpan.FromSeconds(5));
        impact.Lasted.ShouldBe(TimeSpan.FromSeconds(3));
        var (before, during, after) = (impact.Phases[0], impact.Phases[1], impact.Phases[2]);
        (before.Calls, before.Span, before.Slowest, before.Retries).ShouldBe((2, TimeSpan.FromSeconds(2), TimeSpan.FromMilliseconds(300), 0));
        before.CallsPerSecond.ShouldBe(1.0);
        (during.Calls, during.Span, during.Retries, during.Slowest).ShouldBe((2, TimeSpan.FromSeconds(5), 3, TimeSpan.FromMilliseconds(4600)));
        (after.Calls, after.Retries, after.Median).ShouldBe((2, 0, TimeSpan.FromMilliseconds(200)));
        after.Span.ShouldBe(TimeSpan.FromMilliseconds(1600));
    }

    [Fact]
    public void A_load_that_ended_before_the_fault_began_cannot_tell_what_it_did() =>
        Should.Throw<InvalidOperationException>(() => FaultImpact.Measure([Call(0, 1), Call(2, 3)], At(3.5), At(4)));

    [Fact]
    public void The_table_has_a_row_per_phase_and_the_outage()
    {
        var table = FaultImpact.Measure([Call(0, 1), Call(3, 4)], At(1.5), At(2)).ToString().Split('\n');

        table.Length.ShouldBe(2 + 3 + 1);
        table[^1].ShouldBe("Calls were answered again 2.5 s after the fault began; the fault lasted 0.5 s.");
    }

    private static DateTime At(double seconds) => Start.AddTicks((long)Math.Round(seconds * TimeSpan.TicksPerSecond));

    private static CallTiming Call(double began, double ended, int attempts = 1) => new(At(began), At(ended), attempts);
}
