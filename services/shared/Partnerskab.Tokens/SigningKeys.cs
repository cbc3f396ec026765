using System.Security.Cryptography;
using System.Text.Json;
using Microsoft.IdentityModel.Tokens;

namespace Partnerskab.Tokens;

/// <summary>
/// ES256 signing keys kept as JSON Web Keys. Each issuer (the token tool, each service) holds
/// its private key; every service trusts the public keys listed in one JWKS file. A key's id
/// starts with its issuer's name, so a key can only vouch for tokens of its own issuer.
/// </summary>
public static class SigningKeys
{
    /// <summary>The issuer of tokens for people and outside systems (the token tool).</summary>
    public const string TokenServiceIssuer = "partnerskab-sts";

    /// <summary>The issuer of the web portal's tokens, each for one signed-in person.</summary>
    public const string PortalIssuer = "partnerskab-portal";

    /// <summary>
    /// The issuer of the gateway's tokens, each for the caller who posted a bulk job, while the
    /// gateway runs that job.
    /// </summary>
    public const string GatewayIssuer = "partnerskab-gateway";

    /// <summary>The issuers whose tokens speak for people and outside systems, never for a service.</summary>
    public static IReadOnlyList<string> PersonIssuers { get; } = [TokenServiceIssuer, PortalIssuer, GatewayIssuer];

    public const string Audience = "partnerskab";

    /// <summary>The issuer a service signs its own calls with, e.g. "partnerskab-service-outcome".</summary>
    public static string ServiceIssuer(string service) => $"partnerskab-service-{service}";

    /// <summary>The issuer a key id belongs to: key ids are "{issuer}.{suffix}".</summary>
    public static string IssuerOfKey(string keyId)
    {
        var dot = keyId.LastIndexOf('.');
        return dot > 0 ? keyId[..dot] : "";
    }

    public static JsonWebKey CreatePrivateKey(string issuer)
    {
        using var ecdsa = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var parameters = ecdsa.ExportParameters(includePrivateParameters: true);
        return new JsonWebKey
        {
            Kty = JsonWebAlgorithmsKeyTypes.EllipticCurve,
            Crv = JsonWebKeyECTypes.P256,
            X = Base64UrlEncoder.Encode(parameters.Q.X),
            Y = Base64UrlEncoder.Encode(parameters.Q.Y),
            D = Base64UrlEncoder.Encode(parameters.D),
            Kid = $"{issuer}.{Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(4))}",
            Alg = SecurityAlgorithms.EcdsaSha256,
            Use = "sig",
        };
    }

    public static JsonWebKey PublicPart(JsonWebKey privateKey) => new()
    {
        Kty = privateKey.Kty,
        Crv = privateKey.Crv,
        X = privateKey.X,
        Y = privateKey.Y,
        Kid = privateKey.Kid,
        Alg = privateKey.Alg,
        Use = privateKey.Use,
    };

    public static JsonWebKey ReadKey(string path) => new(File.ReadAllText(path));

    public static void WriteKey(string path, JsonWebKey key) => WriteJson(path, KeyJson(key));

    public static JsonWebKeySet ReadKeySet(string path) => new(File.ReadAllText(path));

    public static void WriteKeySet(string path, IEnumerable<JsonWebKey> publicKeys) =>
        WriteJson(path, new Dictionary<string, object> { ["keys"] = publicKeys.Select(KeyJson).ToList() });

    private static Dictionary<string, string> KeyJson(JsonWebKey key)
    {
        var json = new Dictionary<string, string> { ["kty"] = key.Kty, ["crv"] = key.Crv, ["x"] = key.X, ["y"] = key.Y, ["kid"] = key.Kid };
        if (key.D is not null) json["d"] = key.D;
        if (key.Alg is not null) json["alg"] = key.Alg;
        if (key.Use is not null) json["use"] = key.Use;
        return json;
    }

    // Written to a temporary file and moved into place, so a service reloading the key set never
    // reads half a file.
    private static void WriteJson(string path, object value)
    {
        var temporary = $"{path}.{Environment.ProcessId}.tmp";
        File.WriteAllText(temporary, JsonSerializer.Serialize(value, new JsonSerializerOptions { WriteIndented = true }));
        if (!OperatingSystem.IsWindows()) File.SetUnixFileMode(temporary, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        File.Move(temporary, path, overwrite: true);
    }
}
