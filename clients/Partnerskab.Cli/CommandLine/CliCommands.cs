using System.CommandLine;
using Grpc.Core;
using Partnerskab.Cli.Cohort;
using Partnerskab.Cli.Csv;
using Partnerskab.Cli.Finance;
using Partnerskab.Cli.Ops;
using Partnerskab.Cli.Outcome;
using Partnerskab.Cli.Tokens;

namespace Partnerskab.Cli.CommandLine;

/// <summary>
/// `partnerskab`: the command tree, its options and help (System.CommandLine). Exit codes: 0 done;
/// 1 done, but some lines were rejected or something needs attention (as each command says);
/// 2 the command could not run (bad arguments, a service's refusal, a file that cannot be read).
/// </summary>
public static class CliCommands
{
    public const int CouldNotRun = 2;

    public static RootCommand Root(TextWriter output, TextWriter error, ProgressView progress)
    {
        var root = new RootCommand("The command-line client of the Partnerskab suite: kommune systems, providers, finance and operators.")
        {
            CliOptions.Token, CliOptions.CohortUrl, CliOptions.OutcomeUrl, CliOptions.PaymentUrl, CliOptions.RecordedAt,
        };
        var cli = new CliConsole(output, error, progress);
        root.Subcommands.Add(CohortCommands.Create(cli));
        root.Subcommands.Add(OutcomeCommands.Create(cli));
        root.Subcommands.Add(FinanceCommands.Create(cli));
        root.Subcommands.Add(TokenCommands.Create(cli));
        root.Subcommands.Add(OpsCommand.Create(cli));
        return root;
    }

    /// <summary>Parses and runs; a parse error is written with the way to the command's help and ends with <see cref="CouldNotRun"/>.</summary>
    /// <param name="progress">Where the bulk sends show their progress; unset: plain lines on <paramref name="error"/>.</param>
    public static async Task<int> RunAsync(string[] args, TextWriter output, TextWriter error, ProgressView? progress = null)
    {
        var result = Root(output, error, progress ?? ProgressView.Plain(error)).Parse(args);
        if (result.Errors.Count == 0) return await result.InvokeAsync(new InvocationConfiguration { Output = output, Error = error });
        foreach (var parseError in result.Errors) await error.WriteLineAsync($"partnerskab: {parseError.Message}");
        var command = string.Join(' ', args.TakeWhile(a => !a.StartsWith('-')).Prepend("partnerskab"));
        await error.WriteLineAsync($"see: {command} --help");
        return CouldNotRun;
    }
}

/// <summary>
/// Where commands write (the bulk sends' progress to <paramref name="Progress"/>), and how each command's work is run: a service's
/// refusal or an unreadable file ends it with its reason.
/// </summary>
public sealed record CliConsole(TextWriter Output, TextWriter Error, ProgressView Progress)
{
    public void Action(Command command, Func<System.CommandLine.ParseResult, CancellationToken, Task<int>> run) =>
        command.SetAction(async (result, cancellationToken) =>
        {
            try
            {
                return await run(result, cancellationToken);
            }
            catch (Exception e) when (e is RpcException or FormatException or IOException)
            {
                await Error.WriteLineAsync($"partnerskab: {(e is RpcException rpc ? $"{rpc.StatusCode}: {rpc.Status.Detail}" : e.Message)}");
                return CliCommands.CouldNotRun;
            }
        });
}
