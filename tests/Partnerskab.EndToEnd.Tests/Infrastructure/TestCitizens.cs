using Partnerskab.Scenario;

namespace Partnerskab.EndToEnd.Tests.Infrastructure;

public static class TestCitizens
{
    public static string Cpr(int n) => SyntheticCitizens.Cpr(n);

    public static string UniqueReference(string prefix) => $"{prefix}-{Guid.NewGuid():N}";
}
