using System.CommandLine;
using Partnerskab.Cli.CommandLine;
using Partnerskab.Tokens;

namespace Partnerskab.Cli.Tokens;

/// <summary>
/// `partnerskab token ...`: the suite's keys and tokens for local use and tests. In production
/// an identity provider issues the tokens; the services only need the trusted JWKS file.
/// </summary>
public static class TokenCommands
{
    private static readonly string[] Services = ["cohort", "outcome", "payment"];

    public static Command Create(CliConsole cli)
    {
        var directory = CliOptions.Required("--dir", "The key directory.");
        return new Command("token", "Signing keys and tokens for a local suite and tests.")
        {
            Keys(cli, directory), Rotate(cli, directory), Retire(cli, directory), Issue(cli, directory),
        };
    }

    private static Command Keys(CliConsole cli, Option<string> directory)
    {
        var command = new Command("keys", "Creates the keys the directory lacks: each service's, the token tool's, and the trusted JWKS.") { directory };
        cli.Action(command, async (result, _) =>
        {
            var keys = KeyDirectory.Ensure(result.GetValue(directory)!, Services);
            await cli.Output.WriteLineAsync($"trusted keys: {keys.TrustedKeysFile}");
            return 0;
        });
        return command;
    }

    private static Command Rotate(CliConsole cli, Option<string> directory)
    {
        var issuer = new Option<string>("--issuer") { Description = $"The issuer (default {SigningKeys.TokenServiceIssuer}).", DefaultValueFactory = _ => SigningKeys.TokenServiceIssuer };
        var command = new Command("rotate", "A new key for an issuer; the old one stays trusted until retired.") { directory, issuer };
        cli.Action(command, async (result, _) =>
        {
            var rotated = new KeyDirectory(result.GetValue(directory)!).Rotate(result.GetValue(issuer)!);
            await cli.Output.WriteLineAsync($"new key {rotated.Kid}; retire the old one once its tokens have expired");
            return 0;
        });
        return command;
    }

    private static Command Retire(CliConsole cli, Option<string> directory)
    {
        var keyId = CliOptions.Required("--key-id", "The key's id (kid).");
        var command = new Command("retire", "Stops trusting a key.") { directory, keyId };
        cli.Action(command, (result, _) =>
        {
            new KeyDirectory(result.GetValue(directory)!).Retire(result.GetValue(keyId)!);
            return Task.FromResult(0);
        });
        return command;
    }

    private static Command Issue(CliConsole cli, Option<string> directory)
    {
        var roles = CliOptions.Required("--role", $"The roles, comma-separated: {string.Join(", ", SuiteRoles.Outside)}.");
        var partnerships = CliOptions.Required("--partnerships", $"The partnership ids the token may act for, comma-separated, or {SuiteClaims.AllPartnerships}.");
        var organisation = CliOptions.Optional("--org", "The caller's organisation (CVR number).");
        var subject = CliOptions.Optional("--subject", "The caller's name (default: the roles).");
        var hours = new Option<int>("--hours") { Description = "How long the token is valid (default 8).", DefaultValueFactory = _ => 8 };
        hours.Validators.Add(result =>
        {
            if (result.GetValueOrDefault<int>() <= 0) result.AddError("--hours must be a positive number of hours");
        });
        var command = new Command("issue", "Prints a token signed with the token tool's key.") { directory, roles, partnerships, organisation, subject, hours };
        cli.Action(command, async (result, _) =>
        {
            var tokenSubject = Subject(result.GetValue(roles)!, result.GetValue(partnerships)!, result.GetValue(organisation), result.GetValue(subject));
            var issuer = new TokenIssuer(new KeyDirectory(result.GetValue(directory)!).PrivateKey(SigningKeys.TokenServiceIssuer));
            await cli.Output.WriteLineAsync(issuer.Issue(tokenSubject, TimeSpan.FromHours(result.GetValue(hours))));
            return 0;
        });
        return command;
    }

    private static TokenSubject Subject(string roleList, string partnershipList, string? organisation, string? subject)
    {
        var roles = roleList.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var partnerships = partnershipList.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        if (roles.Length == 0 || !roles.All(SuiteRoles.Outside.Contains))
        {
            throw new FormatException($"--role: give one or more of {string.Join(", ", SuiteRoles.Outside)}");
        }
        if (partnerships.Length == 0 || !partnerships.All(p => p == SuiteClaims.AllPartnerships || Guid.TryParse(p, out _)))
        {
            throw new FormatException($"--partnerships: give partnership ids or {SuiteClaims.AllPartnerships}");
        }
        return new TokenSubject(subject ?? string.Join('+', roles), roles, organisation, partnerships);
    }
}
