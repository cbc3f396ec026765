using System.Net;
using Partnerskab.Tokens;
using Shouldly;
using Xunit.Abstractions;

namespace Partnerskab.EndToEnd.Tests;

/// <summary>
/// The gateway and the portal in front of two instances of each service, each given the instances as a static list
/// (Gateway__CohortUrls__0, Portal__CohortUrls__0, ...): their calls reach both, and go on without a failure when one is killed.
/// </summary>
public sealed class InstanceSpreadTests(ITestOutputHelper output) : IAsyncLifetime
{
    private const int Calls = 10;
    private LocalSuite suite = null!;
    private LocalGateway gateway = null!;
    private LocalPortal portal = null!;

    public async Task InitializeAsync()
    {
        // The cohort instances log every request, so the test can tell which one answered.
        suite = await LocalSuite.StartAsync("spread", new Dictionary<string, string>
        {
            ["Logging__LogLevel__Microsoft.AspNetCore.Hosting.Diagnostics"] = "Information",
        }, instances: 2);
        gateway = await LocalGateway.StartAsync(suite, Instances("Gateway"));
        portal = LocalPortal.Prepare(suite);
        await portal.StartAsync(Instances("Portal"));
    }

    [Fact]
    public async Task Gateway_and_portal_calls_reach_every_instance_and_go_on_when_one_is_killed()
    {
        using var api = gateway.Client(suite.TokenFor(LocalSuite.Operator));
        var password = $"Pw{Guid.NewGuid():N}X9";
        var (exitCode, added) = await portal.AddAccountAsync("spread-kommune", "Spredt Sagsbehandler", "29189420", SuiteRoles.Kommune, "*", password);
        exitCode.ShouldBe(0, added);
        using var pages = await portal.SignedInClientAsync("spread-kommune", password);

        var before = ListCalls();
        (await AnswersAsync(() => api.GetAsync("v1/partnerships"))).ShouldBe(Calls, "every call through the gateway answered");
        var throughGateway = await SinceAsync(before);
        output.WriteLine($"gateway: ListPartnerships per cohort instance {string.Join(", ", throughGateway)}");
        throughGateway.ShouldAllBe(n => n > 0, "the gateway spreads its calls over both cohort instances");

        before = ListCalls();
        (await AnswersAsync(() => pages.GetAsync(""))).ShouldBe(Calls, "every start page shown");
        var throughPortal = await SinceAsync(before);
        output.WriteLine($"portal: ListPartnerships per cohort instance {string.Join(", ", throughPortal)}");
        throughPortal.ShouldAllBe(n => n > 0, "the portal spreads its calls over both cohort instances");

        await suite.Cohorts[1].KillAsync();
        before = ListCalls();
        (await AnswersAsync(() => api.GetAsync("v1/partnerships"))).ShouldBe(Calls, "the gateway sends what the killed instance cannot take to the other");
        (await SinceAsync(before))[0].ShouldBe(Calls, "the instance left answered every call through the gateway");

        // The portal tries a read again on the next instance, and leaves out an instance that refused a connection:
        // no page fails, from the first one after the kill.
        (await AnswersAsync(() => pages.GetAsync(""))).ShouldBe(Calls, "every start page shown right after the kill");
        (await AnswersAsync(() => pages.GetAsync(""))).ShouldBe(Calls, "and every one after those");
    }

    /// <summary>Static lists of the suite's instances for the gateway's or the portal's settings section.</summary>
    private Dictionary<string, string> Instances(string section)
    {
        var settings = new Dictionary<string, string>();
        foreach (var (name, instances) in new[] { ("Cohort", suite.Cohorts), ("Outcome", suite.Outcomes), ("Payment", suite.Payments) })
        {
            for (var i = 0; i < instances.Count; i++) settings[$"{section}__{name}Urls__{i}"] = instances[i].GrpcUrl.ToString();
        }
        return settings;
    }

    /// <summary>How many of the calls, made one after another, were answered 200.</summary>
    private static async Task<int> AnswersAsync(Func<Task<HttpResponseMessage>> call)
    {
        var answered = 0;
        for (var n = 0; n < Calls; n++)
        {
            using var response = await call();
            if (response.StatusCode == HttpStatusCode.OK) answered++;
        }
        return answered;
    }

    /// <summary>The ListPartnerships calls each cohort instance has logged, over gRPC or REST.</summary>
    private int[] ListCalls() => [.. suite.Cohorts.Select(cohort => cohort.Output.Count(line => line.Contains("Request starting", StringComparison.Ordinal)
        && (line.Contains("/ListPartnerships", StringComparison.Ordinal) || line.Contains("/v1/partnerships ", StringComparison.Ordinal))))];

    /// <summary>
    /// The calls each instance has logged since <paramref name="before"/>, once the lines of all of them are read: an instance's
    /// console logger writes from a queue and its output is read as it comes, so the last line can trail the answer.
    /// </summary>
    private async Task<int[]> SinceAsync(int[] before)
    {
        await Poll.UntilAsync(() => Since(before).Sum() >= Calls, TimeSpan.FromSeconds(10));
        return Since(before);
    }

    private int[] Since(int[] before) => [.. ListCalls().Zip(before, (now, then) => now - then)];

    public async Task DisposeAsync()
    {
        await portal.DisposeAsync();
        await gateway.DisposeAsync();
        await suite.DisposeAsync();
    }
}
