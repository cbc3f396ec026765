using Google.Protobuf;

namespace Partnerskab.Cli;

public enum OutputFormat
{
    Text,
    Json,
}

/// <summary>
/// How a command shows the service's answer: as tables for people, or for scripts as the answer in
/// the protobuf JSON mapping (the REST API's shape: lowerCamelCase names, enums by name, money in
/// øre as strings), every field written, zeros and empty lists included.
/// </summary>
public static class ReadOutput
{
    public static readonly JsonFormatter Json = new(JsonFormatter.Settings.Default.WithFormatDefaultValues(true));

    public static void Write(TextWriter output, OutputFormat format, IMessage answer, Func<string> tables) =>
        output.Write(format == OutputFormat.Json ? Json.Format(answer) + "\n" : tables());

    /// <summary>Several answers as one JSON object, each under its name.</summary>
    public static void Write(TextWriter output, OutputFormat format, IReadOnlyList<(string Name, IMessage Answer)> answers, Func<string> tables) =>
        output.Write(format == OutputFormat.Json
            ? "{" + string.Join(", ", answers.Select(a => $"\"{a.Name}\": {Json.Format(a.Answer)}")) + "}\n"
            : tables());
}
