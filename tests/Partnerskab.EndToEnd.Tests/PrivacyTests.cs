using Partnerskab.EndToEnd.Tests.Infrastructure;
using Partnerskab.Protos.Cohort.V1;
using Partnerskab.Scenario;
using Shouldly;

namespace Partnerskab.EndToEnd.Tests;

[Collection(SuiteCollection.Name)]
public sealed class PrivacyTests(SuiteFixture suite)
{
    [Fact]
    public async Task The_clear_CPR_number_is_in_no_log_no_message_no_trace_and_no_database()
    {
        var cpr = TestCitizens.Cpr(7);
        var digits = cpr.Replace("-", "");
        var imported = TestCitizens.Cpr(8);
        var slice = await ThinSlice.RunAsync(suite.Clients, TestCitizens.UniqueReference("privacy"), cpr, TextWriter.Null);
        slice.Ledger.Count.ShouldBe(2);
        using (var import = suite.Clients.Cohort.ImportCitizens(deadline: SuiteClients.Deadline()))
        {
            await import.RequestStream.WriteAsync(new ImportCitizensRequest
            {
                PartnershipId = slice.Partnership.PartnershipId,
                IdempotencyKey = "privacy",
                Row = new CitizenRow
                {
                    Cpr = imported, HandoverDate = ThinSlice.Day(2023, 4, 3), BenefitType = BenefitType.SicknessBenefit,
                    WeeksSickListed = 30, CaseReference = "HAD-PRIVACY",
                },
            });
            await import.RequestStream.CompleteAsync();
            (await import.ResponseAsync).Accepted.ShouldBe(1);
        }
        // The import's events travel through RabbitMQ into the other services: every outbox row sent and every count still.
        await suite.RowCountsAsync();
        string[] forbidden = [cpr, digits, imported, imported.Replace("-", "")];

        foreach (var service in suite.Services)
        {
            service.Output.ShouldNotContain(line => forbidden.Any(line.Contains), $"{service.Name} logged a CPR number");
        }
        // The outbox tables hold every message the services sent through RabbitMQ.
        foreach (var (table, text) in await suite.AllRowsAsTextAsync())
        {
            forbidden.Where(text.Contains).ShouldBeEmpty($"{table} stores a clear CPR number");
        }
        suite.Traces.Spans.ShouldNotContain(s => forbidden.Any(s.Name.Contains) || s.Attributes.Any(a => forbidden.Any(a.Contains)));
    }
}
