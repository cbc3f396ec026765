using Partnerskab.Contracts;
using Partnerskab.Operations;
using RabbitMQ.Client;
using RabbitMQ.Client.Exceptions;

namespace Partnerskab.Cli.Ops;

/// <summary>`partnerskab ops errors list|replay`: the operator's view of parked messages, and the way back once fixed.</summary>
public static class OpsCommand
{
    public const string Usage = """
          partnerskab ops errors list [--queue <consumer queue>]...
          partnerskab ops errors replay --queue <consumer queue> [--message-id <id>]

        ops options:
          --rabbitmq <uri>     the broker (default: $PARTNERSKAB_RABBITMQ_URI or amqp://guest:guest@127.0.0.1:5672/)

        `errors list` prints every message parked in the error queue of each consumer queue (all of
        the suite's by default) with its message id, contract and the exception that parked it.
        `errors replay` moves the queue's parked messages (or only --message-id) back to the queue
        once the cause is fixed; a message already handled is not handled twice. Exit code 0: done
        (list: no message parked); 1: list found parked messages; 2: the command could not run.
        """;

    public static async Task<int> RunAsync(string[] args, TextWriter output, TextWriter error)
    {
        if (args is not ["errors", var action, .. var rest] || Options(rest) is not { } options
            || action is not ("list" or "replay") || (action == "replay" && options["queue"].Count() != 1))
        {
            await error.WriteLineAsync("usage:\n" + Usage);
            return 2;
        }
        Guid? messageId = null;
        if (options["message-id"].LastOrDefault() is { } idText)
        {
            if (!Guid.TryParse(idText, out var id))
            {
                await error.WriteLineAsync($"partnerskab: --message-id '{idText}' is not a message id");
                return 2;
            }
            messageId = id;
        }

        var uri = options["rabbitmq"].LastOrDefault() ?? Environment.GetEnvironmentVariable("PARTNERSKAB_RABBITMQ_URI") ?? "amqp://guest:guest@127.0.0.1:5672/";
        try
        {
            await using var connection = await new ConnectionFactory { Uri = new Uri(uri), ClientProvidedName = "partnerskab ops" }.CreateConnectionAsync();
            var queues = new ErrorQueues(connection);
            if (action == "replay")
            {
                var queue = options["queue"].Single();
                var replayed = await queues.ReplayAsync(queue, messageId);
                await output.WriteLineAsync($"replayed {replayed} message(s) from {ErrorQueues.ErrorQueue(queue)} to {queue}");
                return 0;
            }
            var parked = await queues.ListAsync(options["queue"].Any() ? options["queue"] : ConsumerQueues.All);
            await output.WriteLineAsync($"{parked.Count} parked message(s)");
            foreach (var message in parked)
            {
                await output.WriteLineAsync(
                    $"{message.Queue}\t{message.MessageId}\t{message.MessageType}\t{message.FaultedAt}\tretried {message.Retries ?? "?"} times\t{message.ExceptionType}: {message.Reason}");
            }
            return parked.Count == 0 ? 0 : 1;
        }
        catch (Exception e) when (e is BrokerUnreachableException or OperationInterruptedException or UriFormatException)
        {
            await error.WriteLineAsync($"partnerskab: {e.Message}");
            return 2;
        }
    }

    /// <summary>"--name value" pairs; a name may repeat. Null when the arguments are not such pairs.</summary>
    private static ILookup<string, string>? Options(string[] args)
    {
        var pairs = new List<(string Name, string Value)>();
        for (var i = 0; i < args.Length; i += 2)
        {
            if (!args[i].StartsWith("--", StringComparison.Ordinal) || i + 1 >= args.Length) return null;
            pairs.Add((args[i][2..], args[i + 1]));
        }
        return pairs.ToLookup(p => p.Name, p => p.Value);
    }
}
