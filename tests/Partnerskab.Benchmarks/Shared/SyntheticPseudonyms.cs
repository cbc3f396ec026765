using System.Security.Cryptography;
using System.Text;
using Partnerskab.Scenario;

namespace Partnerskab.Benchmarks;

/// <summary>
/// Pseudonyms with the shape of the services' (32 lowercase hex digits) for rows the harness
/// writes itself; not the services' keyed pseudonyms, which only the cohort service can make.
/// </summary>
public static class SyntheticPseudonyms
{
    public static string Of(int n) => Convert.ToHexStringLower(SHA256.HashData(Encoding.ASCII.GetBytes(SyntheticCitizens.Cpr(n))), 0, 16);
}
