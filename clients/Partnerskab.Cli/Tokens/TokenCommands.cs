using Partnerskab.Tokens;

namespace Partnerskab.Cli.Tokens;

/// <summary>
/// `partnerskab token ...`: the suite's keys and tokens for local use and tests. In production
/// an identity provider issues the tokens; the services only need the trusted JWKS file.
/// </summary>
public static class TokenCommands
{
    public const string Usage = """
          partnerskab token keys   --dir <key directory>                  create the keys the directory lacks
          partnerskab token rotate --dir <key directory> [--issuer <name>] new key for an issuer (default partnerskab-sts), old one still trusted
          partnerskab token retire --dir <key directory> --key-id <kid>   stop trusting a key
          partnerskab token issue  --dir <key directory> --role <r,r> --partnerships <id,id|*> [--org <cvr>] [--subject <name>] [--hours <n>]
                                   roles: kommune, provider, finance, committee, investor, auditor
        """;

    private static readonly string[] Services = ["cohort", "outcome", "payment"];

    /// <summary>Runs the command and returns its exit code, or null when the arguments do not make one.</summary>
    public static int? Run(string command, IReadOnlyDictionary<string, string> options, TextWriter output)
    {
        if (!options.TryGetValue("dir", out var dir)) return null;
        switch (command)
        {
            case "keys":
                var keys = KeyDirectory.Ensure(dir, Services);
                output.WriteLine($"trusted keys: {keys.TrustedKeysFile}");
                return 0;
            case "rotate":
                var rotated = new KeyDirectory(dir).Rotate(options.GetValueOrDefault("issuer") ?? SigningKeys.TokenServiceIssuer);
                output.WriteLine($"new key {rotated.Kid}; retire the old one once its tokens have expired");
                return 0;
            case "retire" when options.TryGetValue("key-id", out var keyId):
                new KeyDirectory(dir).Retire(keyId);
                return 0;
            case "issue" when Subject(options) is { } subject:
                var hours = options.TryGetValue("hours", out var text) && int.TryParse(text, out var value) && value > 0 ? value : 8;
                var issuer = new TokenIssuer(new KeyDirectory(dir).PrivateKey(SigningKeys.TokenServiceIssuer));
                output.WriteLine(issuer.Issue(subject, TimeSpan.FromHours(hours)));
                return 0;
            default:
                return null;
        }
    }

    private static TokenSubject? Subject(IReadOnlyDictionary<string, string> options)
    {
        if (!options.TryGetValue("role", out var roleList) || !options.TryGetValue("partnerships", out var partnershipList)) return null;
        var roles = roleList.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var partnerships = partnershipList.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var wellFormed = roles.Length > 0 && roles.All(SuiteRoles.Outside.Contains)
            && partnerships.Length > 0 && partnerships.All(p => p == SuiteClaims.AllPartnerships || Guid.TryParse(p, out _));
        return wellFormed
            ? new TokenSubject(options.GetValueOrDefault("subject") ?? string.Join('+', roles), roles, options.GetValueOrDefault("org"), partnerships)
            : null;
    }
}
