using Partnerskab.Cli.CommandLine;

// partnerskab: the command-line client of the Partnerskab suite; `partnerskab --help` lists its commands.
return await CliCommands.RunAsync(args, Console.Out, Console.Error);
