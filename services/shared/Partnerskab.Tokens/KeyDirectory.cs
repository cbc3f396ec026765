using Microsoft.IdentityModel.Tokens;

namespace Partnerskab.Tokens;

/// <summary>
/// A deployment's keys in one directory: each issuer's private key ("{issuer}.jwk") and the JWKS
/// file every service trusts ("trusted.jwks"). Rotating an issuer's key writes a new private key
/// and trusts its public part next to the old one; retiring the old key id later stops its tokens.
/// </summary>
public sealed class KeyDirectory(string path)
{
    public string Path { get; } = path;

    public string TrustedKeysFile => System.IO.Path.Combine(Path, "trusted.jwks");

    public string PrivateKeyFile(string issuer) => System.IO.Path.Combine(Path, $"{issuer}.jwk");

    /// <summary>Keys for the token service, the portal and each named service, unless the directory has them already.</summary>
    public static KeyDirectory Ensure(string path, IEnumerable<string> services)
    {
        var directory = new KeyDirectory(path);
        Directory.CreateDirectory(path);
        var issuers = SigningKeys.PersonIssuers.Concat(services.Select(SigningKeys.ServiceIssuer));
        foreach (var issuer in issuers.Where(issuer => !File.Exists(directory.PrivateKeyFile(issuer))))
        {
            directory.Rotate(issuer);
        }
        return directory;
    }

    public JsonWebKey PrivateKey(string issuer) => SigningKeys.ReadKey(PrivateKeyFile(issuer));

    public IReadOnlyList<JsonWebKey> TrustedKeys() =>
        File.Exists(TrustedKeysFile) ? SigningKeys.ReadKeySet(TrustedKeysFile).Keys.ToList() : [];

    /// <summary>A new private key for the issuer, trusted alongside its older keys; returns it.</summary>
    public JsonWebKey Rotate(string issuer)
    {
        var key = SigningKeys.CreatePrivateKey(issuer);
        Trust(key);
        SigningKeys.WriteKey(PrivateKeyFile(issuer), key);
        return key;
    }

    /// <summary>Trusts the key's public part from now on.</summary>
    public void Trust(JsonWebKey key) =>
        SigningKeys.WriteKeySet(TrustedKeysFile, TrustedKeys().Append(SigningKeys.PublicPart(key)));

    /// <summary>Stops trusting a key: tokens it signed are refused from then on.</summary>
    public void Retire(string keyId)
    {
        var trusted = TrustedKeys();
        if (trusted.All(key => key.Kid != keyId)) throw new ArgumentException($"No trusted key has id {keyId}.", nameof(keyId));
        SigningKeys.WriteKeySet(TrustedKeysFile, trusted.Where(key => key.Kid != keyId));
    }
}
