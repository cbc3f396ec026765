using System.CommandLine;
using Partnerskab.Cli.CommandLine;
using Partnerskab.Contracts;
using Partnerskab.Operations;
using RabbitMQ.Client;
using RabbitMQ.Client.Exceptions;

namespace Partnerskab.Cli.Ops;

/// <summary>`partnerskab ops errors list|replay`: the operator's view of parked messages, and the way back once fixed.</summary>
public static class OpsCommand
{
    public static Command Create(CliConsole cli)
    {
        var rabbitMq = new Option<Uri>("--rabbitmq")
        {
            Description = "The broker (default: $PARTNERSKAB_RABBITMQ_URI or amqp://guest:guest@127.0.0.1:5672/).",
            Recursive = true,
            DefaultValueFactory = _ => new Uri(Environment.GetEnvironmentVariable("PARTNERSKAB_RABBITMQ_URI") ?? "amqp://guest:guest@127.0.0.1:5672/"),
            CustomParser = CliOptions.Address,
        };
        var queues = new Option<string[]>("--queue") { Description = "A consumer queue (default: all of the suite's); may be given again." };
        var list = new Command("list", "Prints every message parked in the error queue of each consumer queue with its message id, contract and "
            + "the exception that parked it. Exit code 0: no message parked; 1: messages are parked; 2: the command could not run.") { queues };
        cli.Action(list, async (result, _) => await RunAsync(cli, result.GetValue(rabbitMq)!, async errorQueues =>
        {
            var wanted = result.GetValue(queues) is { Length: > 0 } named ? named : ConsumerQueues.All;
            var parked = await errorQueues.ListAsync(wanted);
            await cli.Output.WriteLineAsync($"{parked.Count} parked message(s)");
            foreach (var message in parked)
            {
                await cli.Output.WriteLineAsync(
                    $"{message.Queue}\t{message.MessageId}\t{message.MessageType}\t{message.FaultedAt}\tretried {message.Retries ?? "?"} times\t{message.ExceptionType}: {message.Reason}");
            }
            return parked.Count == 0 ? 0 : 1;
        }));

        var queue = CliOptions.Required("--queue", "The consumer queue whose parked messages go back.");
        var messageId = new Option<Guid?>("--message-id") { Description = "Only this message." };
        var replay = new Command("replay", "Moves the queue's parked messages (or only --message-id) back to the queue once the cause is fixed; "
            + "a message already handled is not handled twice.") { queue, messageId };
        cli.Action(replay, async (result, _) => await RunAsync(cli, result.GetValue(rabbitMq)!, async errorQueues =>
        {
            var name = result.GetValue(queue)!;
            var replayed = await errorQueues.ReplayAsync(name, result.GetValue(messageId));
            await cli.Output.WriteLineAsync($"replayed {replayed} message(s) from {ErrorQueues.ErrorQueue(name)} to {name}");
            return 0;
        }));

        return new Command("ops", "The operator's tools.") { new Command("errors", "Parked messages: list them, and replay them once fixed.") { rabbitMq, list, replay } };
    }

    private static async Task<int> RunAsync(CliConsole cli, Uri uri, Func<ErrorQueues, Task<int>> run)
    {
        try
        {
            await using var connection = await new ConnectionFactory { Uri = uri, ClientProvidedName = "partnerskab ops" }.CreateConnectionAsync();
            return await run(new ErrorQueues(connection));
        }
        catch (Exception e) when (e is BrokerUnreachableException or OperationInterruptedException)
        {
            await cli.Error.WriteLineAsync($"partnerskab: {e.Message}");
            return CliCommands.CouldNotRun;
        }
    }
}
