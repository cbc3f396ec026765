using Partnerskab.Cli.CommandLine;
using Partnerskab.Cli.Csv;
using Spectre.Console;

// partnerskab: the command-line client of the Partnerskab suite; `partnerskab --help` lists its commands.
// Progress is drawn live only on a terminal; where the output goes to a file or a pipe it is written as plain lines.
var terminal = !Console.IsOutputRedirected && !Console.IsErrorRedirected;
return await CliCommands.RunAsync(args, Console.Out, Console.Error,
    terminal ? ProgressView.Live(AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(Console.Error) })) : null);
