namespace Partnerskab.ServiceDefaults.Access;

public sealed class AuthOptions
{
    public const string Section = "Auth";

    /// <summary>JWKS file of every public key the service trusts; re-read when it changes, so keys rotate without a restart.</summary>
    public string TrustedKeysFile { get; set; } = "";

    /// <summary>This service's own private key (a JWK file), for the calls it makes to other services.</summary>
    public string? ServiceKeyFile { get; set; }

    /// <summary>Lifetime of the tokens a service issues itself for its own calls.</summary>
    public TimeSpan ServiceTokenLifetime { get; set; } = TimeSpan.FromMinutes(10);
}
