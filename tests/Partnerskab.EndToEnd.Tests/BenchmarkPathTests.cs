using Partnerskab.Benchmarks;
using Partnerskab.EndToEnd.Tests.Infrastructure;
using Shouldly;

namespace Partnerskab.EndToEnd.Tests;

/// <summary>
/// The benchmark's paths at small sizes, so the harness cannot rot unnoticed. Nothing here is
/// about time: the figures come from tests/bench.sh.
/// </summary>
[Collection(SuiteCollection.Name)]
public sealed class BenchmarkPathTests(SuiteFixture suite)
{
    [Fact]
    public async Task The_import_benchmark_and_its_COPY_ceiling_run_end_to_end()
    {
        var import = await ImportBenchmark.RunAsync(suite.Clients, 300);
        import.Accepted.ShouldBe(300);
        import.Rejected.ShouldBe(0);

        var copy = await CopyCeiling.RunAsync(suite.ConnectionString("cohort"), 300);
        copy.ShouldBeGreaterThan(TimeSpan.Zero);
    }
}
