using Grpc.Core;
using Partnerskab.Cli.Cohort;
using Partnerskab.Cli.Finance;
using Partnerskab.Cli.Outcome;
using Partnerskab.Cli.Ops;
using Partnerskab.Cli.Tokens;
using Partnerskab.Protos.Cohort.V1;
using Partnerskab.Protos.Outcome.V1;
using Partnerskab.Protos.Payment.V1;
using Partnerskab.Tokens;

// partnerskab: the command-line client of the Partnerskab suite.
const string Usage = """
    usage:
      partnerskab cohort import --partnership <id> --file <citizens.csv> [--rejected <file>] [--key <idempotency key>]
      partnerskab outcome report-statuses --partnership <id> --source provider|register --file <statuses.csv> [--rejected <file>] [--key <idempotency key>]
      partnerskab outcome claim --partnership <id> --file <claims.csv> [--rejected <file>]
      partnerskab outcome timeline --partnership <id> --citizen <pseudonym>
      partnerskab outcome worklist --partnership <id> [--as-of <YYYY-MM-DD>]
      partnerskab outcome report --partnership <id> [--as-of <YYYY-MM-DD>]
      partnerskab finance run-invoices --partnership <id> --period-start <YYYY-MM-DD> --issue-date <YYYY-MM-DD> [--preview]
      partnerskab finance export --partnership <id> --dir <directory>
      partnerskab finance import-payments --issuer <provider CVR> --file <statement.csv|camt.053 .xml>
      partnerskab finance reconciliation --issuer <provider CVR> [--as-of <YYYY-MM-DD>] [--partnership <id>]
      partnerskab finance cost --partnership <id> [--as-of <YYYY-MM-DD>] [--excluding-vat]

    options of the commands that call the services:
      --cohort-url <url>    the cohort service (default: $PARTNERSKAB_COHORT_URL or http://127.0.0.1:5101)
      --outcome-url <url>   the outcome service (default: $PARTNERSKAB_OUTCOME_URL or http://127.0.0.1:5201)
      --payment-url <url>   the payment service (default: $PARTNERSKAB_PAYMENT_URL or http://127.0.0.1:5301)
      --token <jwt>         the caller's bearer token (default: $PARTNERSKAB_TOKEN; see `partnerskab token issue`)

    cohort import: the CSV has a header line naming the columns cpr, handover_date (YYYY-MM-DD),
    benefit_type, weeks_sick_listed and case_reference, separated by ';' or ','. Rejected lines and
    their reasons go to --rejected (default: <file>.rejected.csv). Exit code 0: every line accepted
    or unchanged; 1: some lines rejected; 2: the command could not run.

    outcome report-statuses: the CSV has a header line naming the columns citizen_id (the pseudonym),
    iso_week (e.g. 2023-W14), status (sickness_benefit, job_clarification_benefit, other_public_benefit,
    ordinary_employment, flex_job, education, work_placement, disability_pension, self_supporting_other,
    moved_away, deceased, unknown) and optionally paid_hours (15.5 or 15,5). outcome claim: the columns
    citizen_id, claim_reference, kind (job_start, flex_job_start, education_start, back_to_own_job,
    available_for_work), outcome_date (YYYY-MM-DD), evidence_reference, and optionally hours_per_week
    and employer_cvr; a line sent again with the same claim reference is unchanged. Both write the
    rejected lines and their reasons to --rejected (default: <file>.rejected.csv); exit codes as for
    cohort import. outcome timeline: the citizen's weeks and milestones as tables. outcome worklist:
    every overdue checkpoint and citizen left without contact as of a date (default today), all pages.
    outcome report: the committee report as of a date (default today): citizens by status per month,
    KPI targets against actuals, milestones, shares self-sufficient at months, final statuses.

    finance run-invoices: invoices the period starting on --period-start (a month or quarter, as the
    rate card says) and prints the invoices and credit notes; --preview issues nothing.
    finance export: saves every issued invoice and credit note of the partnership as Peppol BIS
    Billing 3.0 XML (invoice-<CVR>-<number>.xml, creditnote-<CVR>-<number>.xml) for NemHandel.
    finance import-payments: records the credit lines of the issuer's bank statement, a CSV file or
    ISO 20022 camt.053 XML as the bank delivers it (booked credit entries; debits are skipped). The
    CSV has a header line naming the columns bank_line_id, booked_on (YYYY-MM-DD), amount (kroner,
    e.g. 186250.00 or 186250,00) and reference (e.g. "Faktura 17"). Each bank line id is recorded
    once, so importing the same statement again changes nothing. If any line cannot be read,
    nothing is recorded and the exit code is 1.
    finance reconciliation: the issuer's invoices as of a date (default today) with what is wrong:
    underpaid, overpaid, paid twice, overdue; and payments whose reference names no invoice.
    finance cost: the partnership's cost per calendar year as of a date (default today): paid,
    invoiced unpaid, earned not invoiced, expected, budget, share spent, expected difference;
    with VAT unless --excluding-vat.
    Exit code 0: done; 2: the command could not run.

    """;

if (args is ["ops", .. var opsArgs])
{
    return await OpsCommand.RunAsync(opsArgs, Console.Out, Console.Error);
}
if (args is not [var area, var command, .. var rest] || Options(rest) is not { } options)
{
    return ShowUsage();
}
if (area == "token")
{
    return TokenCommands.Run(command, options, Console.Out) ?? ShowUsage();
}
if ((options.GetValueOrDefault("token") ?? Environment.GetEnvironmentVariable("PARTNERSKAB_TOKEN")) is not { Length: > 0 } token)
{
    Console.Error.WriteLine("partnerskab: no token: pass --token or set PARTNERSKAB_TOKEN.");
    return 2;
}

try
{
    switch (area, command)
    {
        case ("cohort", "import") when options.TryGetValue("partnership", out var partnershipId) && options.TryGetValue("file", out var file):
        {
            using var channel = Channel("cohort-url", "PARTNERSKAB_COHORT_URL", "http://127.0.0.1:5101");
            var summary = await new CohortImport(new CohortService.CohortServiceClient(channel.Invoker), Console.Out, Console.Error).RunAsync(partnershipId, file,
                options.GetValueOrDefault("rejected") ?? Path.ChangeExtension(file, ".rejected.csv"),
                options.GetValueOrDefault("key") ?? Guid.NewGuid().ToString());
            return summary.Rejected > 0 ? 1 : 0;
        }
        case ("outcome", "report-statuses") when options.TryGetValue("partnership", out var partnershipId) && options.TryGetValue("file", out var file)
            && options.TryGetValue("source", out var source):
        {
            using var channel = Channel("outcome-url", "PARTNERSKAB_OUTCOME_URL", "http://127.0.0.1:5201");
            var summary = await new StatusImport(new OutcomeService.OutcomeServiceClient(channel.Invoker), Console.Out, Console.Error).RunAsync(partnershipId,
                source switch
                {
                    "provider" => StatusSource.Provider,
                    "register" => StatusSource.Register,
                    _ => throw new FormatException($"--source: '{source}' is not provider or register"),
                },
                file, options.GetValueOrDefault("rejected") ?? Path.ChangeExtension(file, ".rejected.csv"), options.GetValueOrDefault("key") ?? Guid.NewGuid().ToString());
            return summary.Rejected > 0 ? 1 : 0;
        }
        case ("outcome", "claim") when options.TryGetValue("partnership", out var partnershipId) && options.TryGetValue("file", out var file):
        {
            using var channel = Channel("outcome-url", "PARTNERSKAB_OUTCOME_URL", "http://127.0.0.1:5201");
            var summary = await new ClaimImport(new OutcomeService.OutcomeServiceClient(channel.Invoker), Console.Out, Console.Error).RunAsync(partnershipId,
                file, options.GetValueOrDefault("rejected") ?? Path.ChangeExtension(file, ".rejected.csv"));
            return summary.Rejected > 0 ? 1 : 0;
        }
        case ("outcome", "timeline") when options.TryGetValue("partnership", out var partnershipId) && options.TryGetValue("citizen", out var citizenId):
        {
            using var channel = Channel("outcome-url", "PARTNERSKAB_OUTCOME_URL", "http://127.0.0.1:5201");
            await new TimelineView(new OutcomeService.OutcomeServiceClient(channel.Invoker), Console.Out).ShowAsync(partnershipId, citizenId);
            return 0;
        }
        case ("outcome", "worklist") when options.TryGetValue("partnership", out var partnershipId):
        {
            using var channel = Channel("outcome-url", "PARTNERSKAB_OUTCOME_URL", "http://127.0.0.1:5201");
            await new WorklistView(new OutcomeService.OutcomeServiceClient(channel.Invoker), Console.Out).ShowAsync(partnershipId,
                options.TryGetValue("as-of", out var asOf) ? FinanceDates.Parse(asOf, "as-of") : null);
            return 0;
        }
        case ("outcome", "report") when options.TryGetValue("partnership", out var partnershipId):
        {
            using var channel = Channel("outcome-url", "PARTNERSKAB_OUTCOME_URL", "http://127.0.0.1:5201");
            await new CommitteeReportView(new OutcomeService.OutcomeServiceClient(channel.Invoker), Console.Out).ShowAsync(partnershipId,
                options.TryGetValue("as-of", out var asOf) ? FinanceDates.Parse(asOf, "as-of") : null);
            return 0;
        }
        case ("finance", "run-invoices") when options.TryGetValue("partnership", out var partnershipId)
            && options.TryGetValue("period-start", out var periodStart) && options.TryGetValue("issue-date", out var issueDate):
        {
            using var channel = Channel("payment-url", "PARTNERSKAB_PAYMENT_URL", "http://127.0.0.1:5301");
            await new InvoiceDocuments(new PaymentService.PaymentServiceClient(channel.Invoker), Console.Out).RunAsync(partnershipId,
                FinanceDates.Parse(periodStart, "period-start"), FinanceDates.Parse(issueDate, "issue-date"), options.ContainsKey("preview"));
            return 0;
        }
        case ("finance", "export") when options.TryGetValue("partnership", out var partnershipId) && options.TryGetValue("dir", out var directory):
        {
            using var channel = Channel("payment-url", "PARTNERSKAB_PAYMENT_URL", "http://127.0.0.1:5301");
            await new InvoiceDocuments(new PaymentService.PaymentServiceClient(channel.Invoker), Console.Out).ExportAsync(partnershipId, directory);
            return 0;
        }
        case ("finance", "import-payments") when options.TryGetValue("issuer", out var issuer) && options.TryGetValue("file", out var file):
        {
            using var channel = Channel("payment-url", "PARTNERSKAB_PAYMENT_URL", "http://127.0.0.1:5301");
            var unreadable = await new BankPayments(new PaymentService.PaymentServiceClient(channel.Invoker), Console.Out).ImportAsync(issuer, file);
            return unreadable > 0 ? 1 : 0;
        }
        case ("finance", "reconciliation") when options.TryGetValue("issuer", out var issuer):
        {
            using var channel = Channel("payment-url", "PARTNERSKAB_PAYMENT_URL", "http://127.0.0.1:5301");
            await new BankPayments(new PaymentService.PaymentServiceClient(channel.Invoker), Console.Out).ReconcileAsync(issuer,
                options.TryGetValue("as-of", out var asOf) ? FinanceDates.Parse(asOf, "as-of") : null, options.GetValueOrDefault("partnership"));
            return 0;
        }
        case ("finance", "cost") when options.TryGetValue("partnership", out var partnershipId):
        {
            using var channel = Channel("payment-url", "PARTNERSKAB_PAYMENT_URL", "http://127.0.0.1:5301");
            await new PartnershipCost(new PaymentService.PaymentServiceClient(channel.Invoker), Console.Out).ShowAsync(partnershipId,
                options.TryGetValue("as-of", out var asOf) ? FinanceDates.Parse(asOf, "as-of") : null, options.ContainsKey("excluding-vat"));
            return 0;
        }
        default:
            return ShowUsage();
    }
}
catch (Exception e) when (e is RpcException or FormatException or IOException)
{
    Console.Error.WriteLine($"partnerskab: {(e is RpcException rpc ? $"{rpc.StatusCode}: {rpc.Status.Detail}" : e.Message)}");
    return 2;
}

int ShowUsage()
{
    Console.Error.WriteLine(Usage + TokenCommands.Usage + Environment.NewLine + OpsCommand.Usage);
    return 2;
}

BearerChannel Channel(string option, string variable, string fallback) =>
    new(new Uri(options.GetValueOrDefault(option) ?? Environment.GetEnvironmentVariable(variable) ?? fallback), token);

// --name value pairs; a --flag followed by another option or by nothing is "true".
static Dictionary<string, string>? Options(string[] args)
{
    var options = new Dictionary<string, string>();
    for (var i = 0; i < args.Length; i++)
    {
        if (!args[i].StartsWith("--")) return null;
        var hasValue = i + 1 < args.Length && !args[i + 1].StartsWith("--");
        options[args[i][2..]] = hasValue ? args[++i] : "true";
    }
    return options;
}
