using System.Net;
using System.Text;
using Microsoft.Playwright;
using Partnerskab.Operations;
using Partnerskab.Protos.Cohort.V1;
using Partnerskab.Scenario;
using Partnerskab.Tokens;
using RabbitMQ.Client;
using Shouldly;

namespace Partnerskab.Portal.Tests;

[Collection(PortalCollection.Name)]
public sealed class OperationsTests(PortalSuite portal, Browser browser)
{
    private const string Queue = "payment-earn-deliverable-fee";

    [Fact]
    public async Task The_operator_sees_a_parked_message_and_replays_it_and_runs_the_retention_job()
    {
        var messageId = Guid.NewGuid();
        await using var broker = await new ConnectionFactory { Uri = new Uri(portal.RabbitMqUri), ClientProvidedName = "portal tests" }.CreateConnectionAsync();
        await ParkAsync(broker, messageId);

        var page = await browser.NewPageAsync();
        await page.GotoAsync(portal.Url.ToString());
        await Pages.SignInAsync(page, PortalSuite.UserName(SuiteRoles.Operator), portal.PasswordOf(SuiteRoles.Operator));
        await page.GetByRole(AriaRole.Navigation).GetByRole(AriaRole.Link, new() { Name = "Drift" }).ClickAsync();
        (await page.Locator("h1").InnerTextAsync()).ShouldBe("Drift");
        var row = page.Locator("table:has(#parked-caption) tbody tr", new() { HasText = messageId.ToString() });
        (await row.InnerTextAsync()).ShouldContain("System.InvalidOperationException: parked on purpose by the portal tests");
        (await row.InnerTextAsync()).ShouldContain(Queue);
        await Browser.CheckAndCaptureAsync(page, "operations");

        await page.GetByRole(AriaRole.Button, new() { Name = $"Send igen: besked {messageId}" }).ClickAsync();
        await page.WaitForURLAsync(url => url.Contains("sendtIgen="));
        (await page.Locator("#operations-notice").InnerTextAsync()).ShouldBe("1 beskeder sendt igen til deres kø.");
        (await row.CountAsync()).ShouldBe(0);
        (await new ErrorQueues(broker).ListAsync([Queue])).ShouldNotContain(m => m.MessageId == messageId);
        await Browser.CheckAndCaptureAsync(page, "operations-replayed");

        // The retention job as of a day after today is refused by cohort, with its reason; as of today it runs.
        var tomorrow = DateTime.UtcNow.AddDays(2).ToString("yyyy-MM-dd");
        await page.GetByLabel("Vurdér opbevaring pr. dag").FillAsync(tomorrow);
        var refused = page.WaitForResponseAsync(r => r.Request.Method == "POST");
        await page.GetByRole(AriaRole.Button, new() { Name = "Kør sletningen" }).ClickAsync();
        (await refused).Status.ShouldBe((int)HttpStatusCode.BadRequest);
        (await page.Locator("#operations-problems").InnerTextAsync()).ShouldStartWith("as_of:");
        await Browser.CheckAndCaptureAsync(page, "operations-retention-refused");

        var today = DateOnly.FromDateTime(TimeZoneInfo.ConvertTimeBySystemTimeZoneId(DateTime.UtcNow, "Europe/Copenhagen"));
        await page.GetByLabel("Vurdér opbevaring pr. dag").FillAsync(today.ToString("yyyy-MM-dd"));
        await page.GetByRole(AriaRole.Button, new() { Name = "Kør sletningen" }).ClickAsync();
        await page.WaitForURLAsync(url => url.Contains("slettet="));
        var again = await portal.Services.Clients.Cohort.EraseExpiredCitizenDataAsync(new EraseExpiredCitizenDataRequest { AsOf = ThinSlice.Day(today.Year, today.Month, today.Day) },
            deadline: SuiteClients.Deadline());
        again.CitizensErased.ShouldBe(0, "a second run erases nothing twice");
        var through = again.FollowUpEndedBy;
        var throughText = Formatting.PortalFormat.Date(new NodaTime.LocalDate(through.Year, through.Month, through.Day), Formatting.PortalFormat.Danish);
        (await page.Locator("#operations-notice").InnerTextAsync()).ShouldEndWith($"borgere slettet; det omfattede borgere, hvis opfølgning sluttede senest {throughText}.");
    }

    /// <summary>Parks a message in the consumer's error queue as MassTransit does after its retries: its envelope, with the fault in headers.</summary>
    private static async Task ParkAsync(IConnection broker, Guid messageId)
    {
        await using var channel = await broker.CreateChannelAsync();
        await channel.QueueDeclareAsync(ErrorQueues.ErrorQueue(Queue), durable: true, exclusive: false, autoDelete: false);
        var properties = new BasicProperties
        {
            MessageId = messageId.ToString(), ContentType = "application/vnd.masstransit+json", Persistent = true,
            Headers = new Dictionary<string, object?>
            {
                ["MT-Fault-Message"] = "parked on purpose by the portal tests",
                ["MT-Fault-ExceptionType"] = "System.InvalidOperationException",
                ["MT-Fault-Timestamp"] = DateTime.UtcNow.ToString("O"),
                ["MT-Fault-RetryCount"] = 3,
            },
        };
        // A contract no consumer knows: replayed, the endpoint sets it aside in its _skipped queue instead of parking it again.
        var body = Encoding.UTF8.GetBytes($$$"""{"messageId":"{{{messageId}}}","messageType":["urn:message:Partnerskab.Portal.Tests:NothingToDo"],"message":{}}""");
        await channel.BasicPublishAsync("", ErrorQueues.ErrorQueue(Queue), mandatory: true, properties, body);
    }
}
