using System.Net;
using Partnerskab.EndToEnd.Tests.Infrastructure;
using Partnerskab.Protos.Cohort.V1;
using Partnerskab.Scenario;
using Shouldly;

namespace Partnerskab.EndToEnd.Tests;

[Collection(SuiteCollection.Name)]
public sealed class GracefulShutdownTests(SuiteFixture suite)
{
    private static readonly HttpClient Http = new() { Timeout = TimeSpan.FromSeconds(2) };

    [Fact]
    public async Task SIGTERM_makes_the_service_unready_first_and_lets_a_call_in_flight_finish()
    {
        var agreement = ThinSlice.HaderslevAgreement(TestCitizens.UniqueReference("shutdown"));
        var partnership = (await suite.Clients.Cohort.CreatePartnershipAsync(agreement, deadline: SuiteClients.Deadline())).Partnership;
        using var import = suite.Clients.Cohort.ImportCitizens(deadline: DateTime.UtcNow.AddMinutes(1));
        for (var n = 0; n < 100; n++) await import.RequestStream.WriteAsync(Message(partnership.PartnershipId, n));

        var exit = suite.Cohort.TerminateAsync();
        await WaitForAsync(async () => await StatusAsync("/health/ready") == HttpStatusCode.ServiceUnavailable);
        (await StatusAsync("/health/live")).ShouldBe(HttpStatusCode.OK);

        for (var n = 100; n < 150; n++) await import.RequestStream.WriteAsync(Message(partnership.PartnershipId, n));
        await import.RequestStream.CompleteAsync();
        var response = await import.ResponseAsync;

        response.Accepted.ShouldBe(150);
        (await exit).ShouldBe(0);
        await suite.Cohort.StartAsync();
        var restarted = await suite.Clients.Cohort.GetPartnershipAsync(new GetPartnershipRequest { PartnershipId = partnership.PartnershipId },
            deadline: SuiteClients.Deadline());
        restarted.Partnership.CitizensHandedOver.ShouldBe(150);
    }

    private static ImportCitizensRequest Message(string partnershipId, int n) => new()
    {
        PartnershipId = n == 0 ? partnershipId : "",
        IdempotencyKey = n == 0 ? "shutdown" : "",
        Row = new CitizenRow
        {
            Cpr = TestCitizens.Cpr(7000 + n),
            HandoverDate = ThinSlice.Day(2023, 4, 3),
            BenefitType = BenefitType.SicknessBenefit,
            WeeksSickListed = 30,
            CaseReference = $"HAD-SHUTDOWN-{n}",
        },
    };

    private async Task<HttpStatusCode?> StatusAsync(string path)
    {
        try
        {
            using var response = await Http.GetAsync(new Uri(suite.Cohort.HttpUrl, path));
            return response.StatusCode;
        }
        catch (HttpRequestException)
        {
            return null;
        }
    }

    private static async Task WaitForAsync(Func<Task<bool>> condition)
    {
        var until = DateTime.UtcNow.AddSeconds(10);
        while (!await condition())
        {
            if (DateTime.UtcNow > until) throw new TimeoutException("The condition never held.");
            await Task.Delay(50);
        }
    }
}
