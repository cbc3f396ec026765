using NodaTime;
using NodaTime.Testing;
using Partnerskab.ServiceDefaults.Recording;
using Partnerskab.Tokens;

namespace Partnerskab.ServiceDefaults.Tests;

/// <summary>The moment a historical load gives: what the service's clock answers while it is given, and how it is written.</summary>
public sealed class RecordedTimeTests
{
    private static readonly Instant Now = Instant.FromUtc(2026, 12, 7, 9, 30);
    private static readonly Instant Past = Instant.FromUtc(2024, 4, 15, 12, 0);

    [Fact]
    public async Task The_clock_reads_the_given_moment_in_the_flow_that_gives_it_and_the_real_time_outside_and_after_it()
    {
        var clock = new RecordingClock(new FakeClock(Now));
        Instant? inside = null, beside = null;
        var elsewhere = Task.CompletedTask;
        using (RecordedTime.Use(Past))
        {
            await Task.Yield();
            inside = clock.GetCurrentInstant();
            clock.RealNow().ShouldBe(Now);
            using (ExecutionContext.SuppressFlow()) elsewhere = Task.Run(() => beside = clock.GetCurrentInstant());
        }
        await elsewhere;

        (inside, beside, clock.GetCurrentInstant()).ShouldBe((Past, Now, Now));
    }

    [Fact]
    public void Nothing_given_leaves_the_clock_as_it_is()
    {
        var clock = new RecordingClock(new FakeClock(Now));
        using (RecordedTime.Use(null)) clock.GetCurrentInstant().ShouldBe(Now);
    }

    [Theory]
    [InlineData("2024-04-15T12:00:00Z", true)]
    [InlineData("yesterday", false)]
    [InlineData("2024-04-15", false)]
    [InlineData("", false)]
    public void A_client_writes_the_moment_as_the_service_reads_it_and_anything_else_is_no_moment(string text, bool readable)
    {
        RecordedTime.Parse(text).HasValue.ShouldBe(readable);
        RecordedTime.Parse(RecordedAtHeader.Value(Past.ToDateTimeOffset())).ShouldBe(Past);
        RecordedTime.Format(Past).ShouldBe(RecordedAtHeader.Value(Past.ToDateTimeOffset()));
    }
}
