using Partnerskab.Tokens;

namespace Partnerskab.Portal.Accounts;

/// <summary>
/// `Partnerskab.Portal add-account --user NAME --name "Full name" --org CVR --roles r1,r2 --partnerships id1,id2|*`
/// with the password on standard input (never on the command line, where the process list shows it).
/// Exits 0 when the account was created, 1 with the problems (a name already taken is one) when nothing was written.
/// </summary>
public static class AddAccountCommand
{
    public const string Name = "add-account";

    public static async Task<int> RunAsync(IServiceProvider services, string[] args, TextReader input, TextWriter output)
    {
        var options = new Dictionary<string, string>();
        for (var i = 0; i + 1 < args.Length; i += 2) options[args[i].TrimStart('-')] = args[i + 1];
        string Option(string name) => options.GetValueOrDefault(name) ?? "";
        var partnerships = Option("partnerships").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var everyPartnership = partnerships is [SuiteClaims.AllPartnerships];
        var ids = everyPartnership ? [] : partnerships.Select(p => Guid.TryParse(p, out var id) ? id : Guid.Empty).ToList();
        if (ids.Contains(Guid.Empty))
        {
            await output.WriteLineAsync("--partnerships: partnership ids (GUIDs), comma-separated, or *");
            return 1;
        }
        var account = new NewAccount(Option("user"), Option("name"), Option("org"),
            Option("roles").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries), ids, everyPartnership,
            await input.ReadLineAsync() ?? "");

        await using var scope = services.CreateAsyncScope();
        var problems = await scope.ServiceProvider.GetRequiredService<AccountRegistry>().CreateAsync(account);
        foreach (var problem in problems) await output.WriteLineAsync(problem);
        if (problems.Count == 0) await output.WriteLineAsync($"created {account.UserName}");
        return problems.Count == 0 ? 0 : 1;
    }
}
