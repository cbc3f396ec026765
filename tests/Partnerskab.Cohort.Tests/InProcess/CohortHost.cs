using System.Security.Cryptography;
using Partnerskab.Protos.Cohort.V1;
using Partnerskab.Testing.InProcess;

namespace Partnerskab.Cohort.Tests.InProcess;

/// <summary>The cohort service in the test process, shared by the tests of the <see cref="CohortServiceCollection"/>.</summary>
public sealed class CohortHost() : InProcessService<CohortGrpcService, CohortService.CohortServiceClient>("cohort")
{
    protected override IReadOnlyDictionary<string, string> ServiceSettings => new Dictionary<string, string>
    {
        ["Pseudonym:Key"] = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)),
    };

    protected override Task WarmUpAsync(CohortService.CohortServiceClient client) =>
        client.ListPartnershipsAsync(new ListPartnershipsRequest(), deadline: DateTime.UtcNow.AddSeconds(60)).ResponseAsync;
}

[CollectionDefinition(Name)]
public sealed class CohortServiceCollection : ICollectionFixture<CohortHost>
{
    public const string Name = "cohort service";
}
