using Partnerskab.Protos.Outcome.V1;
using Partnerskab.Testing;
using Partnerskab.Testing.InProcess;

namespace Partnerskab.Outcome.Tests.InProcess;

/// <summary>The outcome service in the test process, shared by the tests of the <see cref="OutcomeServiceCollection"/>.</summary>
public class OutcomeHost() : InProcessService<OutcomeGrpcService, OutcomeService.OutcomeServiceClient>("outcome")
{
    /// <summary>
    /// The cohort service is not hosted beside it: nothing listens at this address, so a test that
    /// reached it would fail. What needs the cohort service runs end to end.
    /// </summary>
    protected override IReadOnlyDictionary<string, string> ServiceSettings => new Dictionary<string, string>
    {
        ["Services:CohortUrl"] = $"http://127.0.0.1:{TestEnvironment.FreePort()}",
    };

    protected override Task WarmUpAsync(OutcomeService.OutcomeServiceClient client) =>
        client.GetMilestoneDefinitionsAsync(new GetMilestoneDefinitionsRequest { PartnershipId = Guid.NewGuid().ToString() }, deadline: DateTime.UtcNow.AddSeconds(60)).ResponseAsync;
}

[CollectionDefinition(Name)]
public sealed class OutcomeServiceCollection : ICollectionFixture<OutcomeHost>
{
    public const string Name = "outcome service";
}
