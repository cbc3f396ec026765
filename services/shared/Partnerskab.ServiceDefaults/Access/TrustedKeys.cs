using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.Tokens;
using Partnerskab.Tokens;

namespace Partnerskab.ServiceDefaults.Access;

/// <summary>
/// The public keys of the trusted JWKS file. The file is checked for changes on every lookup
/// (one stat call) and re-read when it changed, so an operator rotates keys by rewriting the
/// file: a new key is trusted at once, a removed key no longer is.
/// </summary>
public sealed class TrustedKeys(IOptions<AuthOptions> options)
{
    private readonly Lock gate = new();
    private DateTime loadedWriteTime;
    private IReadOnlyList<JsonWebKey> keys = [];

    public IEnumerable<SecurityKey> Resolve(string? keyId)
    {
        var current = Current();
        return keyId is null ? current : current.Where(key => key.Kid == keyId);
    }

    private IReadOnlyList<JsonWebKey> Current()
    {
        var path = options.Value.TrustedKeysFile;
        var writeTime = File.GetLastWriteTimeUtc(path);
        lock (gate)
        {
            if (writeTime != loadedWriteTime)
            {
                keys = SigningKeys.ReadKeySet(path).Keys.ToList();
                loadedWriteTime = writeTime;
            }
            return keys;
        }
    }
}
