using System.CommandLine;
using System.Text.Json;
using System.Text.Json.Nodes;
using Google.Protobuf;
using Google.Protobuf.Reflection;
using Grpc.Core;
using Partnerskab.Imports.Csv;

namespace Partnerskab.Cli.CommandLine;

/// <summary>A request field a command sets from an option: `--citizen` for citizen_id, and so on.</summary>
public sealed record RequestField(string Option, string Field, string Description, bool Required = true);

/// <summary>
/// A command that makes one unary call. The request is built from the command's options (each the
/// field it names: text as given, a day as YYYY-MM-DD, an enum value by its short name, e.g.
/// `moved_away`) over a JSON file in the protobuf JSON mapping (`--request`, the REST API's body)
/// where the command takes one. A read's answer is written as tables, a write's as indented JSON;
/// either on one line of JSON with `--output json`.
/// </summary>
public sealed class UnaryCommands(CliConsole cli, Option<Uri> service)
{
    private static readonly JsonParser Parser = new(JsonParser.Settings.Default);

    /// <summary>A write: the answer as indented JSON.</summary>
    public Command Create<TRequest, TResponse>(string name, string description,
        Func<CallInvoker, TRequest, CallOptions, AsyncUnaryCall<TResponse>> call, bool fromFile, params RequestField[] fields)
        where TRequest : IMessage<TRequest>, new()
        where TResponse : IMessage<TResponse> =>
        Build<TRequest, TResponse>(name, description, (c, r, o) => call(c, r, o).ResponseAsync, answer => IndentedJson(answer), fromFile, fields);

    /// <summary>A read: the answer as the tables <paramref name="tables"/> lays out.</summary>
    public Command Read<TRequest, TResponse>(string name, string description,
        Func<CallInvoker, TRequest, CallOptions, AsyncUnaryCall<TResponse>> call, Func<TResponse, string> tables, bool fromFile, params RequestField[] fields)
        where TRequest : IMessage<TRequest>, new()
        where TResponse : IMessage<TResponse> =>
        Build<TRequest, TResponse>(name, description, (c, r, o) => call(c, r, o).ResponseAsync, tables, fromFile, fields);

    /// <summary>A read of several calls (every page of a list) answered as one: the answer as the tables <paramref name="tables"/> lays out.</summary>
    public Command Read<TRequest, TResponse>(string name, string description,
        Func<CallInvoker, TRequest, CallOptions, Task<TResponse>> calls, Func<TResponse, string> tables, bool fromFile, params RequestField[] fields)
        where TRequest : IMessage<TRequest>, new()
        where TResponse : IMessage<TResponse> =>
        Build(name, description, calls, tables, fromFile, fields);

    private static string IndentedJson(IMessage answer) =>
        JsonNode.Parse(ReadOutput.Json.Format(answer))!.ToJsonString(new JsonSerializerOptions { WriteIndented = true }) + "\n";

    private Command Build<TRequest, TResponse>(string name, string description,
        Func<CallInvoker, TRequest, CallOptions, Task<TResponse>> call, Func<TResponse, string> text, bool fromFile, RequestField[] fields)
        where TRequest : IMessage<TRequest>, new()
        where TResponse : IMessage<TResponse>
    {
        var requestFile = new Option<FileInfo>("--request")
        {
            Description = "The request as JSON in the protobuf JSON mapping (the REST API's body); the options override its fields.",
            Required = fromFile && fields.Length == 0,
        };
        // Each field is found once, when the command is built: a misspelt field name fails at start, not at a call.
        var descriptor = new TRequest().Descriptor;
        var options = fields.Select(f => (
            Field: descriptor.FindFieldByName(f.Field) ?? throw new ArgumentException($"{descriptor.Name} has no field {f.Field}", nameof(fields)),
            Option: new Option<string>(f.Option) { Description = f.Description, Required = f.Required })).ToList();
        var command = new Command(name, description);
        if (fromFile) command.Options.Add(requestFile);
        foreach (var (_, option) in options) command.Options.Add(option);
        command.Options.Add(CliOptions.Output);
        cli.Action(command, async (result, cancellationToken) =>
        {
            var body = fromFile && result.GetValue(requestFile) is { } file ? await ReadBodyAsync(file, cancellationToken) : new JsonObject();
            foreach (var (field, option) in options)
            {
                if (result.GetValue(option) is { } value) Set(body, field, option.Name, value);
            }
            var request = Parse<TRequest>(body);
            using var channel = CliOptions.Channel(result, service);
            var answer = await call(channel.Invoker, request, new CallOptions(deadline: DateTime.UtcNow.AddSeconds(30), cancellationToken: cancellationToken));
            ReadOutput.Write(cli.Output, result.GetValue(CliOptions.Output), answer, () => text(answer));
            return 0;
        });
        return command;
    }

    /// <summary>Sets the field as the JSON mapping writes it; throws <see cref="FormatException"/> naming the option when the value does not fit.</summary>
    private static void Set(JsonObject body, FieldDescriptor field, string option, string value)
    {
        body[field.JsonName] = field.FieldType switch
        {
            FieldType.Message when field.MessageType.FullName == "google.type.Date" => CsvFile.Date(value) is { } day
                ? new JsonObject { ["year"] = day.Year, ["month"] = day.Month, ["day"] = day.Day }
                : throw new FormatException($"{option}: '{value}' is not a date (YYYY-MM-DD)"),
            FieldType.Enum => EnumValue(field.EnumType, option, value),
            FieldType.Int32 or FieldType.Int64 => long.TryParse(value, out var number)
                ? number
                : throw new FormatException($"{option}: '{value}' is not a whole number"),
            _ => value,
        };
    }

    /// <summary>An enum value by its short name (`moved_away` for EXIT_REASON_MOVED_AWAY) or its full name.</summary>
    private static string EnumValue(EnumDescriptor type, string option, string value)
    {
        var prefix = type.Values.Single(v => v.Number == 0).Name.Replace("UNSPECIFIED", "");
        var values = type.Values.Where(v => v.Number != 0).ToList();
        return values.FirstOrDefault(v => v.Name.Equals(prefix + value, StringComparison.OrdinalIgnoreCase) || v.Name.Equals(value, StringComparison.OrdinalIgnoreCase))?.Name
            ?? throw new FormatException($"{option}: '{value}' is not one of {string.Join(", ", values.Select(v => v.Name[prefix.Length..].ToLowerInvariant()))}");
    }

    private static async Task<JsonObject> ReadBodyAsync(FileInfo file, CancellationToken cancellationToken)
    {
        try
        {
            return JsonNode.Parse(await File.ReadAllTextAsync(file.FullName, cancellationToken)) as JsonObject
                ?? throw new FormatException($"--request: {file.Name} does not hold a JSON object");
        }
        catch (JsonException e)
        {
            throw new FormatException($"--request: {file.Name} is not JSON: {e.Message}");
        }
    }

    private static TRequest Parse<TRequest>(JsonObject body) where TRequest : IMessage<TRequest>, new()
    {
        try
        {
            return Parser.Parse<TRequest>(body.ToJsonString());
        }
        catch (Exception e) when (e is InvalidProtocolBufferException or InvalidJsonException)
        {
            throw new FormatException($"--request: {e.Message}");
        }
    }
}
