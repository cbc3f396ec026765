namespace Partnerskab.ServiceDefaults.Tests;

/// <summary>
/// Every process of the suite is built with the same runtime settings (Directory.Build.props), this
/// test project included: the youngest generation's budget is the one set there, not the one the GC
/// would derive from the host's cache, and the GC compacts to keep its free space small.
/// </summary>
public sealed class GarbageCollectorBudgetTests
{
    [Fact]
    public void The_youngest_generation_is_bounded_by_the_build()
    {
        var budget = Convert.ToInt64(GC.GetConfigurationVariables()["GCGen0MaxBudget"]);

        Assert.Equal(16 * 1024 * 1024, budget);
    }

    [Fact]
    public void Gen2_and_the_large_object_heap_are_compacted_once_30_percent_is_free()
    {
        var conserve = Convert.ToInt64(GC.GetConfigurationVariables()["GCConserveMem"]);

        Assert.Equal(7, conserve);
    }
}
