using Grpc.Core;
using Partnerskab.Cli.Cohort;
using Partnerskab.Cli.Tokens;
using Partnerskab.Protos.Cohort.V1;
using Partnerskab.Tokens;

// partnerskab: the command-line client of the Partnerskab suite.
const string Usage = """
    usage:
      partnerskab cohort import --partnership <id> --file <citizens.csv> [--rejected <file>] [--key <idempotency key>]
    {0}
    options:
      --cohort-url <url>   the cohort service (default: $PARTNERSKAB_COHORT_URL or http://127.0.0.1:5101)
      --token <jwt>        the bearer token of the caller (default: $PARTNERSKAB_TOKEN)

    The CSV has a header line naming the columns cpr, handover_date (YYYY-MM-DD), benefit_type,
    weeks_sick_listed and case_reference, separated by ';' or ','. Rejected lines and their reasons
    go to --rejected (default: <file>.rejected.csv). Exit code 0: every line accepted or unchanged;
    1: some lines rejected; 2: the command could not run.
    """;

if (args is ["token", var tokenCommand, .. var tokenArgs] && Options(tokenArgs) is { } tokenOptions
    && TokenCommands.Run(tokenCommand, tokenOptions, Console.Out) is { } exitCode)
{
    return exitCode;
}
if (args is not ["cohort", "import", .. var rest] || Options(rest) is not { } options
    || !options.TryGetValue("partnership", out var partnershipId) || !options.TryGetValue("file", out var file)
    || (options.GetValueOrDefault("token") ?? Environment.GetEnvironmentVariable("PARTNERSKAB_TOKEN")) is not { Length: > 0 } token)
{
    Console.Error.WriteLine(string.Format(Usage, TokenCommands.Usage));
    return 2;
}

var url = options.GetValueOrDefault("cohort-url") ?? Environment.GetEnvironmentVariable("PARTNERSKAB_COHORT_URL") ?? "http://127.0.0.1:5101";
using var channel = new BearerChannel(new Uri(url), token);
var import = new CohortImport(new CohortService.CohortServiceClient(channel.Invoker), Console.Out, Console.Error);
try
{
    var summary = await import.RunAsync(partnershipId, file,
        options.GetValueOrDefault("rejected") ?? Path.ChangeExtension(file, ".rejected.csv"),
        options.GetValueOrDefault("key") ?? Guid.NewGuid().ToString());
    return summary.Rejected > 0 ? 1 : 0;
}
catch (Exception e) when (e is RpcException or FormatException or IOException)
{
    Console.Error.WriteLine($"partnerskab: {(e is RpcException rpc ? $"{rpc.StatusCode}: {rpc.Status.Detail}" : e.Message)}");
    return 2;
}

static Dictionary<string, string>? Options(string[] args)
{
    var options = new Dictionary<string, string>();
    for (var i = 0; i < args.Length; i += 2)
    {
        if (!args[i].StartsWith("--") || i + 1 >= args.Length) return null;
        options[args[i][2..]] = args[i + 1];
    }
    return options;
}
