using System.CommandLine;
using Partnerskab.Cli.CommandLine;
using Partnerskab.Cli.Ops;
using Partnerskab.Protos.Outcome.V1;

namespace Partnerskab.Cli.Outcome;

/// <summary>`partnerskab outcome ...`: the provider's and the kommune's follow-up commands.</summary>
public static class OutcomeCommands
{
    public static Command Create(CliConsole cli)
    {
        var partnership = CliOptions.Required("--partnership", "The partnership's id.");
        var asOf = CliOptions.Day("--as-of", "The day to report as of, YYYY-MM-DD (default: today in Copenhagen).");
        var knownOn = CliOptions.Day("--known-on",
            "Answer as the suite knew the facts at the end of this day, YYYY-MM-DD (Copenhagen): later corrections left out; "
            + "--as-of defaults to it (default: as known now).");
        var calls = new UnaryCommands(cli, CliOptions.OutcomeUrl);
        return new Command("outcome", "Weekly statuses, outcome claims, timelines, the worklist, the follow-up plan, KPI targets, the committee report and the business case.")
        {
            ReportStatuses(cli, partnership), Claim(cli, partnership), Claims(calls), Timeline(cli, partnership, knownOn), Worklist(cli, partnership, asOf, knownOn),
            Report(cli, partnership, asOf, knownOn), BusinessCase(cli, partnership, asOf, knownOn), Settings(calls),
            calls.Create<RegisterComparisonCitizensRequest, RegisterComparisonCitizensResponse>("comparison-citizens",
                "Registers the business case's comparison group from --request: citizens of the target group not handed over, each with the "
                + "day it entered the target group (their weeks: report-statuses --source comparison-register).",
                (c, r, o) => Client(c).RegisterComparisonCitizensAsync(r, o), fromFile: true, Id with { Required = false }),
            calls.Create<RecordContactRequest, RecordContactResponse>("contact", "Records the provider's contact with a citizen.",
                (c, r, o) => Client(c).RecordContactAsync(r, o), fromFile: false,
                Id, Citizen, new("--reference", "contact_reference", "The contact's reference in the provider's systems."),
                new("--date", "contact_date", "The day of the contact, YYYY-MM-DD."), new("--channel", "channel", "in_person, phone, video, ...")),
            calls.Read<ListAuditEntriesRequest, ListAuditEntriesResponse>("audit", "The outcome service's audit log; --request holds the filter.",
                (c, r, o) => Client(c).ListAuditEntriesAsync(r, o), a => AuditView.Report(a.Entries, a.NextPageToken), fromFile: true),
        };
    }

    private static readonly RequestField Id = new("--partnership", "partnership_id", "The partnership's id.");
    private static readonly RequestField Citizen = new("--citizen", "citizen_id", "The citizen's pseudonym.");

    /// <summary>The kommune's decisions on claims, and a claim's history.</summary>
    private static Command Claims(UnaryCommands calls)
    {
        var claim = new RequestField("--claim", "claim_id", "The claim's id.");
        RequestField By(string field) => new("--by", field, "Who decides (name or initials, as the audit trail should show).");
        var reason = new RequestField("--reason", "reason", "Why.");
        return new Command("claims", "Outcome claims: the queue to verify, decisions and history.")
        {
            calls.Read<ListOutcomeClaimsRequest, ListOutcomeClaimsResponse>("list", "The partnership's claims, oldest first (one page; --page-token for the next).",
                (c, r, o) => Client(c).ListOutcomeClaimsAsync(r, o), ClaimsView.List, fromFile: false, Id,
                new("--status", "status", "claimed, verified, rejected, ...", Required: false), new("--page-token", "page_token", "The next page's token.", Required: false)),
            calls.Read<GetOutcomeClaimRequest, GetOutcomeClaimResponse>("get", "A claim with its history.", (c, r, o) => Client(c).GetOutcomeClaimAsync(r, o),
                ClaimsView.Report, fromFile: false, claim),
            calls.Create<VerifyOutcomeClaimRequest, VerifyOutcomeClaimResponse>("verify", "Verifies a claim.", (c, r, o) => Client(c).VerifyOutcomeClaimAsync(r, o), fromFile: false,
                claim, By("verified_by")),
            calls.Create<RejectOutcomeClaimRequest, RejectOutcomeClaimResponse>("reject", "Rejects a claim with a reason.", (c, r, o) => Client(c).RejectOutcomeClaimAsync(r, o),
                fromFile: false, claim, By("rejected_by"), reason),
            calls.Create<RevokeOutcomeClaimRequest, RevokeOutcomeClaimResponse>("revoke", "Revokes a verified claim with a reason (its milestones are credited).",
                (c, r, o) => Client(c).RevokeOutcomeClaimAsync(r, o), fromFile: false, claim, By("revoked_by"), reason),
            calls.Create<CorrectOutcomeClaimRequest, CorrectOutcomeClaimResponse>("correct", "Corrects a claim's facts: --request holds the corrected fields.",
                (c, r, o) => Client(c).CorrectOutcomeClaimAsync(r, o), fromFile: true, claim with { Required = false }, By("corrected_by") with { Required = false },
                reason with { Required = false }),
        };
    }

    /// <summary>What is set per partnership: milestone definitions, the follow-up plan, KPI targets (the kommune), business-case inputs (finance).</summary>
    private static Command Settings(UnaryCommands calls)
    {
        var optionalId = Id with { Required = false };
        return new Command("settings", "The partnership's milestone definitions, follow-up plan, KPI targets and business-case inputs: set from --request, or read.")
        {
            new Command("milestone-definitions", "How milestones are reached.")
            {
                calls.Create<SetMilestoneDefinitionsRequest, SetMilestoneDefinitionsResponse>("set", "Sets them.",
                    (c, r, o) => Client(c).SetMilestoneDefinitionsAsync(r, o), fromFile: true, optionalId),
                calls.Read<GetMilestoneDefinitionsRequest, GetMilestoneDefinitionsResponse>("get", "Reads them.",
                    (c, r, o) => Client(c).GetMilestoneDefinitionsAsync(r, o), SettingsView.MilestoneDefinitions, fromFile: false, Id),
            },
            new Command("follow-up-plan", "Contacts and status checkpoints.")
            {
                calls.Create<SetFollowUpPlanRequest, SetFollowUpPlanResponse>("set", "Sets it.", (c, r, o) => Client(c).SetFollowUpPlanAsync(r, o), fromFile: true, optionalId),
                calls.Read<GetFollowUpPlanRequest, GetFollowUpPlanResponse>("get", "Reads it.", (c, r, o) => Client(c).GetFollowUpPlanAsync(r, o),
                    SettingsView.FollowUpPlan, fromFile: false, Id),
            },
            new Command("kpi-targets", "The committee's targets.")
            {
                calls.Create<SetKpiTargetsRequest, SetKpiTargetsResponse>("set", "Sets them.", (c, r, o) => Client(c).SetKpiTargetsAsync(r, o), fromFile: true, optionalId),
                calls.Read<GetKpiTargetsRequest, GetKpiTargetsResponse>("get", "Reads them.", (c, r, o) => Client(c).GetKpiTargetsAsync(r, o),
                    SettingsView.KpiTargets, fromFile: false, Id),
            },
            new Command("business-case-inputs", "Benefit rates by status and year, the refusion staircase and the expected curve, with their sources.")
            {
                calls.Create<SetBusinessCaseInputsRequest, SetBusinessCaseInputsResponse>("set", "Enters a new version in force from its effective_from day.",
                    (c, r, o) => Client(c).SetBusinessCaseInputsAsync(r, o), fromFile: true, optionalId),
            },
        };
    }

    private static OutcomeService.OutcomeServiceClient Client(Grpc.Core.CallInvoker invoker) => new(invoker);

    private static Command ReportStatuses(CliConsole cli, Option<string> partnership)
    {
        var source = new Option<StatusSource>("--source")
        {
            Description = "provider, register, or comparison-register (the register's weeks of the comparison group, kept apart from the cohort).",
            Required = true,
            CustomParser = result => result.Tokens.Single().Value switch
            {
                "provider" => StatusSource.Provider,
                "register" => StatusSource.Register,
                "comparison-register" => StatusSource.ComparisonRegister,
                var other => Refused(result, $"--source: '{other}' is not provider, register or comparison-register"),
            },
        };
        var file = CliOptions.Required("--file", "A header line naming the columns citizen_id (the pseudonym), iso_week (e.g. 2023-W14), status "
            + "(sickness_benefit, job_clarification_benefit, other_public_benefit, ordinary_employment, flex_job, education, work_placement, "
            + "disability_pension, self_supporting_other, moved_away, deceased, unknown) and optionally paid_hours (15.5 or 15,5).");
        var (rejected, key) = (CliOptions.Rejected(), CliOptions.IdempotencyKey());
        var command = new Command("report-statuses", "Reports the file's weekly statuses (ReportWeeklyStatuses). Exit code 0: every line accepted "
            + "or unchanged; 1: some lines rejected; 2: the command could not run.") { partnership, source, file, rejected, key };
        cli.Action(command, async (result, cancellationToken) =>
        {
            using var channel = CliOptions.Channel(result, CliOptions.OutcomeUrl);
            var path = result.GetValue(file)!;
            var summary = await new StatusImport(new OutcomeService.OutcomeServiceClient(channel.Invoker), cli.Output, cli.Progress).RunAsync(
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
        var rejected = CliOptions.Rejected();
        var command = new Command("claim", "Claims the file's outcomes (ClaimOutcome per line). Exit codes as for report-statuses.")
        {
            partnership, file, rejected,
        };
        cli.Action(command, async (result, cancellationToken) =>
        {
            using var channel = CliOptions.Channel(result, CliOptions.OutcomeUrl);
            var path = result.GetValue(file)!;
            var summary = await new ClaimImport(new OutcomeService.OutcomeServiceClient(channel.Invoker), cli.Output, cli.Progress).RunAsync(
                result.GetValue(partnership)!, path, result.GetValue(rejected) ?? Path.ChangeExtension(path, ".rejected.csv"), cancellationToken);
            return summary.Rejected > 0 ? 1 : 0;
        });
        return command;
    }

    private static Command Timeline(CliConsole cli, Option<string> partnership, Option<Google.Type.Date> knownOn)
    {
        var citizen = CliOptions.Required("--citizen", "The citizen's pseudonym.");
        var command = new Command("timeline", "A citizen's weeks and milestones; --known-on: the milestones as known on a day (the weeks as known now).")
        {
            partnership, citizen, knownOn, CliOptions.Output,
        };
        cli.Action(command, async (result, cancellationToken) =>
        {
            using var channel = CliOptions.Channel(result, CliOptions.OutcomeUrl);
            await new TimelineView(new OutcomeService.OutcomeServiceClient(channel.Invoker), cli.Output, result.GetValue(CliOptions.Output))
                .ShowAsync(result.GetValue(partnership)!, result.GetValue(citizen)!, result.GetValue(knownOn), cancellationToken);
            return 0;
        });
        return command;
    }

    private static Command Worklist(CliConsole cli, Option<string> partnership, Option<Google.Type.Date> asOf, Option<Google.Type.Date> knownOn)
    {
        var command = new Command("worklist", "Every overdue checkpoint and citizen left without contact as of a day, all pages.")
        {
            partnership, asOf, knownOn, CliOptions.Output,
        };
        cli.Action(command, async (result, cancellationToken) =>
        {
            using var channel = CliOptions.Channel(result, CliOptions.OutcomeUrl);
            await new WorklistView(new OutcomeService.OutcomeServiceClient(channel.Invoker), cli.Output, result.GetValue(CliOptions.Output))
                .ShowAsync(result.GetValue(partnership)!, result.GetValue(asOf), cancellationToken, result.GetValue(knownOn));
            return 0;
        });
        return command;
    }

    private static Command Report(CliConsole cli, Option<string> partnership, Option<Google.Type.Date> asOf, Option<Google.Type.Date> knownOn)
    {
        var command = new Command("report", "The committee report as of a day: citizens by status per month, KPI targets against actuals, "
            + "milestones, shares self-sufficient at months, final statuses; --pdf: the committee pack as the portal prints it.")
        {
            partnership, asOf, knownOn, CliOptions.Output, CommitteePackPdf.File, CommitteePackPdf.PortalUrl, CommitteePackPdf.PortalCertificate,
        };
        cli.Action(command, async (result, cancellationToken) =>
        {
            if (result.GetValue(CommitteePackPdf.File) is not null)
            {
                if (result.GetValue(knownOn) is not null)
                {
                    await cli.Error.WriteLineAsync("partnerskab: the committee pack is printed as known now; --known-on goes with the tables only");
                    return CliCommands.CouldNotRun;
                }
                return await CommitteePackPdf.DownloadAsync(result, result.GetValue(partnership)!, result.GetValue(asOf), cli, cancellationToken);
            }
            using var channel = CliOptions.Channel(result, CliOptions.OutcomeUrl);
            await new CommitteeReportView(new OutcomeService.OutcomeServiceClient(channel.Invoker), cli.Output, result.GetValue(CliOptions.Output))
                .ShowAsync(result.GetValue(partnership)!, result.GetValue(asOf), cancellationToken, result.GetValue(knownOn));
            return 0;
        });
        return command;
    }

    private static Command BusinessCase(CliConsole cli, Option<string> partnership, Option<Google.Type.Date> asOf, Option<Google.Type.Date> knownOn)
    {
        var withoutCost = new Option<bool>("--without-cost") { Description = "Do not read the partnership's cost from the payment service (no net, break-even or cost per week)." };
        var command = new Command("business-case", "Did it pay off: the cohort's weeks on benefit and self-sufficient by month since start against the "
            + "expected curve and against the comparison group, the additional self-sufficient weeks and the saving with a bootstrap interval, and against the cost "
            + "(read from the payment service first, without VAT) the net, break-even month and cost per additional week.")
        {
            partnership, asOf, knownOn, withoutCost, CliOptions.Output,
        };
        cli.Action(command, async (result, cancellationToken) =>
        {
            using var channel = CliOptions.Channel(result, CliOptions.OutcomeUrl);
            using var paymentChannel = result.GetValue(withoutCost) ? null : CliOptions.Channel(result, CliOptions.PaymentUrl);
            var payment = paymentChannel is null ? null : new Protos.Payment.V1.PaymentService.PaymentServiceClient(paymentChannel.Invoker);
            await new BusinessCaseView(new OutcomeService.OutcomeServiceClient(channel.Invoker), payment, cli.Output, result.GetValue(CliOptions.Output))
                .ShowAsync(result.GetValue(partnership)!, result.GetValue(asOf), result.GetValue(knownOn), cancellationToken);
            return 0;
        });
        return command;
    }

    private static StatusSource Refused(System.CommandLine.Parsing.ArgumentResult result, string error)
    {
        result.AddError(error);
        return StatusSource.Unspecified;
    }
}
