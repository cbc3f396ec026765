namespace Partnerskab.ServiceDefaults.Tests;

/// <summary>
/// Every process of the suite is built with the same runtime settings (Directory.Build.props), this
/// test project included: hot methods go from their first code to tier 1 without dynamic PGO's
/// instrumented tier in between.
/// </summary>
public sealed class TieredCompilationTests
{
    [Fact]
    public void Hot_methods_are_compiled_without_an_instrumented_tier() =>
        Assert.Equal("false", Convert.ToString(AppContext.GetData("System.Runtime.TieredPGO"))?.ToLowerInvariant());
}
