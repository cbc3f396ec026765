using Partnerskab.ServiceDefaults.Calling;

namespace Partnerskab.ServiceDefaults.Tests;

/// <summary>Which instance a spread call goes to: round robin, an instance that refused a connection left out for a while.</summary>
public sealed class RotationTests
{
    private static readonly TimeSpan LeftOutFor = TimeSpan.FromSeconds(10);
    private static readonly string[] Up = ["a", "b", "c"];

    [Fact]
    public void Calls_go_round_robin_over_the_instances_that_are_up()
    {
        var rotation = new Rotation<string>(LeftOutFor);

        Picks(rotation, 6, TimeSpan.Zero).ShouldBe(["a", "b", "c", "a", "b", "c"]);
    }

    [Fact]
    public void An_instance_that_refused_a_connection_is_left_out_until_its_time_is_over()
    {
        var rotation = new Rotation<string>(LeftOutFor);
        rotation.Refused("b", TimeSpan.FromSeconds(100));

        Picks(rotation, 4, TimeSpan.FromSeconds(109.9)).ShouldNotContain("b");
        Picks(rotation, 3, TimeSpan.FromSeconds(110)).ShouldBe(Up, ignoreOrder: true);
    }

    [Fact]
    public void When_every_instance_refused_all_are_tried_again()
    {
        var rotation = new Rotation<string>(LeftOutFor);
        foreach (var instance in Up) rotation.Refused(instance, TimeSpan.FromSeconds(1));

        Picks(rotation, 3, TimeSpan.FromSeconds(2)).ShouldBe(Up, ignoreOrder: true);
    }

    [Fact]
    public void A_refusal_counts_again_after_the_instance_came_back()
    {
        var rotation = new Rotation<string>(LeftOutFor);
        rotation.Refused("a", TimeSpan.FromSeconds(1));
        Picks(rotation, 3, TimeSpan.FromSeconds(20)).ShouldContain("a");

        rotation.Refused("a", TimeSpan.FromSeconds(21));

        Picks(rotation, 4, TimeSpan.FromSeconds(22)).ShouldNotContain("a");
    }

    private static List<string> Picks(Rotation<string> rotation, int calls, TimeSpan at) =>
        [.. Enumerable.Range(0, calls).Select(_ => rotation.Next(Up, at))];
}
