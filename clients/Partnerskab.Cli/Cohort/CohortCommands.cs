using System.CommandLine;
using Grpc.Core;
using Partnerskab.Cli.CommandLine;
using Partnerskab.Cli.Ops;
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
        var (rejected, key) = (CliOptions.Rejected(), CliOptions.IdempotencyKey());
        var import = new Command("import", "Hands the file's citizens over (ImportCitizens). Exit code 0: every line accepted or unchanged; "
            + "1: some lines rejected; 2: the command could not run.") { partnership, file, rejected, key };
        cli.Action(import, async (result, cancellationToken) =>
        {
            using var channel = CliOptions.Channel(result, CliOptions.CohortUrl);
            var path = result.GetValue(file)!;
            var summary = await new CohortImport(new CohortService.CohortServiceClient(channel.Invoker), cli.Output, cli.Progress).RunAsync(
                result.GetValue(partnership)!, path, result.GetValue(rejected) ?? Path.ChangeExtension(path, ".rejected.csv"),
                result.GetValue(key) ?? Guid.NewGuid().ToString(), cancellationToken);
            return summary.Rejected > 0 ? 1 : 0;
        });
        var calls = new UnaryCommands(cli, CliOptions.CohortUrl);
        return new Command("cohort", "Partnerships and the citizens handed over to them.")
        {
            import, Partnership(calls), Exit(calls), Advisor(calls),
            calls.Read<ListAuditEntriesRequest, ListAuditEntriesResponse>("audit", "The cohort service's audit log (who read or wrote which citizens' data); "
                + "--request holds the filter.", (c, r, o) => Client(c).ListAuditEntriesAsync(r, o), a => AuditView.Report(a.Entries, a.NextPageToken), fromFile: true),
        };
    }

    private static Command Partnership(UnaryCommands calls)
    {
        var id = new RequestField("--partnership", "partnership_id", "The partnership's id.");
        return new Command("partnership", "The partnership agreement and its versions.")
        {
            calls.Create<CreatePartnershipRequest, CreatePartnershipResponse>("create", "Creates a partnership from the agreement in --request.",
                (c, r, o) => Client(c).CreatePartnershipAsync(r, o), fromFile: true),
            calls.Create<AmendPartnershipRequest, AmendPartnershipResponse>("amend", "Amends the agreement: --request holds the whole amended agreement "
                + "and the version it amends (expectedVersion).", (c, r, o) => Client(c).AmendPartnershipAsync(r, o), fromFile: true, id with { Required = false }),
            calls.Read<GetPartnershipRequest, GetPartnershipResponse>("get", "The agreement in force.", (c, r, o) => Client(c).GetPartnershipAsync(r, o),
                PartnershipView.Report, fromFile: false, id),
            calls.Read<ListPartnershipVersionsRequest, ListPartnershipVersionsResponse>("versions", "Every version of the agreement.",
                (c, r, o) => Client(c).ListPartnershipVersionsAsync(r, o), PartnershipView.Versions, fromFile: false, id),
        };
    }

    private static Command Exit(UnaryCommands calls) =>
        calls.Create<RecordExitRequest, RecordExitResponse>("exit", "Records a citizen's exit from the partnership.", (c, r, o) => Client(c).RecordExitAsync(r, o), fromFile: false,
            new("--partnership", "partnership_id", "The partnership's id."), new("--citizen", "citizen_id", "The citizen's pseudonym."),
            new("--exit-date", "exit_date", "The day of the exit, YYYY-MM-DD."),
            new("--reason", "reason", "moved_away, deceased, disability_pension, withdrew or wrongly_enrolled."));

    private static Command Advisor(UnaryCommands calls) =>
        calls.Create<AssignAdvisorRequest, AssignAdvisorResponse>("assign-advisor", "Assigns the provider's job advisor to a citizen.",
            (c, r, o) => Client(c).AssignAdvisorAsync(r, o), fromFile: false,
            new("--partnership", "partnership_id", "The partnership's id."), new("--citizen", "citizen_id", "The citizen's pseudonym."),
            new("--advisor", "advisor_id", "The advisor's id in the provider's systems."), new("--assigned-on", "assigned_on", "The day, YYYY-MM-DD."));

    private static CohortService.CohortServiceClient Client(CallInvoker invoker) => new(invoker);
}
