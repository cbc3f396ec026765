using System.CommandLine;
using Partnerskab.Cli.CommandLine;
using Partnerskab.Protos.Cohort.V1;

namespace Partnerskab.Cli.Cohort;

/// <summary>`partnerskab cohort ...`: the kommune's commands.</summary>
public static class CohortCommands
{
    public static Command Create(CliConsole cli)
    {
        var partnership = CliOptions.Required("--partnership", "The partnership's id.");
        var file = CliOptions.Required("--file", "The case system's export: a header line naming the columns cpr, handover_date (YYYY-MM-DD), "
            + "benefit_type, weeks_sick_listed and case_reference, separated by ';' or ',', quoted as RFC 4180 says.");
        var rejected = CliOptions.Optional("--rejected", "Where the rejected lines and their reasons go (default: <file>.rejected.csv).");
        var key = CliOptions.Optional("--key", "The idempotency key: the same key sends the import once however often it is retried (default: a new one).");
        var import = new Command("import", "Hands the file's citizens over (ImportCitizens). Exit code 0: every line accepted or unchanged; "
            + "1: some lines rejected; 2: the command could not run.") { partnership, file, rejected, key };
        cli.Action(import, async (result, cancellationToken) =>
        {
            using var channel = CliOptions.Channel(result, CliOptions.CohortUrl);
            var path = result.GetValue(file)!;
            var summary = await new CohortImport(new CohortService.CohortServiceClient(channel.Invoker), cli.Output, cli.Error).RunAsync(
                result.GetValue(partnership)!, path, result.GetValue(rejected) ?? Path.ChangeExtension(path, ".rejected.csv"),
                result.GetValue(key) ?? Guid.NewGuid().ToString(), cancellationToken);
            return summary.Rejected > 0 ? 1 : 0;
        });
        return new Command("cohort", "Citizens handed over to the partnership.") { import };
    }
}
