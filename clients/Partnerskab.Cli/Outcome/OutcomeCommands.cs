using System.CommandLine;
using Partnerskab.Cli.CommandLine;
using Partnerskab.Protos.Outcome.V1;

namespace Partnerskab.Cli.Outcome;

/// <summary>`partnerskab outcome ...`: the provider's and the kommune's follow-up commands.</summary>
public static class OutcomeCommands
{
    public static Command Create(CliConsole cli)
    {
        var partnership = CliOptions.Required("--partnership", "The partnership's id.");
        var asOf = CliOptions.Day("--as-of", "The day to report as of, YYYY-MM-DD (default: today in Copenhagen).");
        return new Command("outcome", "Weekly statuses, outcome claims, timelines, the worklist and the committee report.")
        {
            ReportStatuses(cli, partnership), Claim(cli, partnership), Timeline(cli, partnership), Worklist(cli, partnership, asOf),
            Report(cli, partnership, asOf),
        };
    }

    private static Command ReportStatuses(CliConsole cli, Option<string> partnership)
    {
        var source = new Option<StatusSource>("--source")
        {
            Description = "provider or register.",
            Required = true,
            CustomParser = result => result.Tokens.Single().Value switch
            {
                "provider" => StatusSource.Provider,
                "register" => StatusSource.Register,
                var other => Refused(result, $"--source: '{other}' is not provider or register"),
            },
        };
        var file = CliOptions.Required("--file", "A header line naming the columns citizen_id (the pseudonym), iso_week (e.g. 2023-W14), status "
            + "(sickness_benefit, job_clarification_benefit, other_public_benefit, ordinary_employment, flex_job, education, work_placement, "
            + "disability_pension, self_supporting_other, moved_away, deceased, unknown) and optionally paid_hours (15.5 or 15,5).");
        var (rejected, key) = (Rejected(), Key());
        var command = new Command("report-statuses", "Reports the file's weekly statuses (ReportWeeklyStatuses). Exit code 0: every line accepted "
            + "or unchanged; 1: some lines rejected; 2: the command could not run.") { partnership, source, file, rejected, key };
        cli.Action(command, async (result, cancellationToken) =>
        {
            using var channel = CliOptions.Channel(result, CliOptions.OutcomeUrl);
            var path = result.GetValue(file)!;
            var summary = await new StatusImport(new OutcomeService.OutcomeServiceClient(channel.Invoker), cli.Output, cli.Error).RunAsync(
                result.GetValue(partnership)!, result.GetValue(source), path, result.GetValue(rejected) ?? Path.ChangeExtension(path, ".rejected.csv"),
                result.GetValue(key) ?? Guid.NewGuid().ToString(), cancellationToken);
            return summary.Rejected > 0 ? 1 : 0;
        });
        return command;
    }

    private static Command Claim(CliConsole cli, Option<string> partnership)
    {
        var file = CliOptions.Required("--file", "A header line naming the columns citizen_id, claim_reference, kind (job_start, flex_job_start, "
            + "education_start, back_to_own_job, available_for_work), outcome_date (YYYY-MM-DD), evidence_reference, and optionally "
            + "hours_per_week and employer_cvr; a line sent again with the same claim reference is unchanged.");
        var rejected = Rejected();
        var command = new Command("claim", "Claims the file's outcomes (ClaimOutcome per line). Exit codes as for report-statuses.")
        {
            partnership, file, rejected,
        };
        cli.Action(command, async (result, cancellationToken) =>
        {
            using var channel = CliOptions.Channel(result, CliOptions.OutcomeUrl);
            var path = result.GetValue(file)!;
            var summary = await new ClaimImport(new OutcomeService.OutcomeServiceClient(channel.Invoker), cli.Output, cli.Error).RunAsync(
                result.GetValue(partnership)!, path, result.GetValue(rejected) ?? Path.ChangeExtension(path, ".rejected.csv"), cancellationToken);
            return summary.Rejected > 0 ? 1 : 0;
        });
        return command;
    }

    private static Command Timeline(CliConsole cli, Option<string> partnership)
    {
        var citizen = CliOptions.Required("--citizen", "The citizen's pseudonym.");
        var command = new Command("timeline", "A citizen's weeks and milestones.") { partnership, citizen, CliOptions.Output };
        cli.Action(command, async (result, cancellationToken) =>
        {
            using var channel = CliOptions.Channel(result, CliOptions.OutcomeUrl);
            await new TimelineView(new OutcomeService.OutcomeServiceClient(channel.Invoker), cli.Output, result.GetValue(CliOptions.Output))
                .ShowAsync(result.GetValue(partnership)!, result.GetValue(citizen)!, cancellationToken);
            return 0;
        });
        return command;
    }

    private static Command Worklist(CliConsole cli, Option<string> partnership, Option<Google.Type.Date> asOf)
    {
        var command = new Command("worklist", "Every overdue checkpoint and citizen left without contact as of a day, all pages.")
        {
            partnership, asOf, CliOptions.Output,
        };
        cli.Action(command, async (result, cancellationToken) =>
        {
            using var channel = CliOptions.Channel(result, CliOptions.OutcomeUrl);
            await new WorklistView(new OutcomeService.OutcomeServiceClient(channel.Invoker), cli.Output, result.GetValue(CliOptions.Output))
                .ShowAsync(result.GetValue(partnership)!, result.GetValue(asOf), cancellationToken);
            return 0;
        });
        return command;
    }

    private static Command Report(CliConsole cli, Option<string> partnership, Option<Google.Type.Date> asOf)
    {
        var command = new Command("report", "The committee report as of a day: citizens by status per month, KPI targets against actuals, "
            + "milestones, shares self-sufficient at months, final statuses.") { partnership, asOf, CliOptions.Output };
        cli.Action(command, async (result, cancellationToken) =>
        {
            using var channel = CliOptions.Channel(result, CliOptions.OutcomeUrl);
            await new CommitteeReportView(new OutcomeService.OutcomeServiceClient(channel.Invoker), cli.Output, result.GetValue(CliOptions.Output))
                .ShowAsync(result.GetValue(partnership)!, result.GetValue(asOf), cancellationToken);
            return 0;
        });
        return command;
    }

    private static Option<string> Rejected() => CliOptions.Optional("--rejected", "Where the rejected lines and their reasons go (default: <file>.rejected.csv).");

    private static Option<string> Key() => CliOptions.Optional("--key", "The idempotency key (default: a new one).");

    private static StatusSource Refused(System.CommandLine.Parsing.ArgumentResult result, string error)
    {
        result.AddError(error);
        return StatusSource.Unspecified;
    }
}
