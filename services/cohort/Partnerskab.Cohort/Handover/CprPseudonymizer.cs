using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Configuration;

namespace Partnerskab.Cohort.Handover;

/// <summary>
/// Turns a CPR number into the citizen's identity everywhere outside this service: an
/// HMAC-SHA256 of the ten digits under a secret key from configuration, as 32 lowercase hex
/// characters (128 bits). Without the key the pseudonym cannot be linked back to the CPR number
/// by trying all 10^10 candidates.
/// </summary>
public sealed class CprPseudonymizer
{
    public const string ConfigurationKey = "Pseudonym:Key";

    private readonly byte[] key;

    public CprPseudonymizer(byte[] key)
    {
        if (key.Length < 32) throw new ArgumentException("The pseudonym key must be at least 32 bytes.", nameof(key));
        this.key = key;
    }

    public static CprPseudonymizer FromConfiguration(IConfiguration configuration)
    {
        var base64 = configuration[ConfigurationKey];
        if (string.IsNullOrWhiteSpace(base64))
        {
            throw new InvalidOperationException(
                $"Configure {ConfigurationKey} (environment Pseudonym__Key): base64 of at least 32 random bytes.");
        }
        return new CprPseudonymizer(Convert.FromBase64String(base64));
    }

    public string Pseudonym(CprNumber cpr)
    {
        var mac = HMACSHA256.HashData(key, Encoding.ASCII.GetBytes(cpr.Digits));
        return Convert.ToHexStringLower(mac, 0, 16);
    }
}
