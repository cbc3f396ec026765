using Partnerskab.EndToEnd.Tests.Infrastructure;
using Partnerskab.Scenario;
using Shouldly;

namespace Partnerskab.EndToEnd.Tests;

[Collection(SuiteCollection.Name)]
public sealed class PrivacyTests(SuiteFixture suite)
{
    [Fact]
    public async Task The_clear_CPR_number_is_in_no_log_and_no_database()
    {
        var cpr = TestCitizens.Cpr(7);
        var digits = cpr.Replace("-", "");
        var slice = await ThinSlice.RunAsync(suite.Clients, TestCitizens.UniqueReference("privacy"), cpr, TextWriter.Null);
        slice.Ledger.Count.ShouldBe(2);

        foreach (var service in suite.Services)
        {
            service.Output.ShouldNotContain(line => line.Contains(cpr) || line.Contains(digits), $"{service.Name} logged the CPR number");
        }
        foreach (var (table, text) in await suite.AllRowsAsTextAsync())
        {
            text.ShouldNotContain(digits, customMessage: $"{table} stores the clear CPR number");
            text.ShouldNotContain(cpr, customMessage: $"{table} stores the clear CPR number");
        }
        suite.Traces.Spans.ShouldNotContain(s => s.Name.Contains(digits));
    }
}
