using System.CommandLine;
using System.Globalization;
using System.CommandLine.Parsing;
using Partnerskab.Imports.Csv;
using Partnerskab.Tokens;
using Date = Google.Type.Date;

namespace Partnerskab.Cli.CommandLine;

/// <summary>The options several commands share: where the services are, the caller's token, the output format, dates.</summary>
public static class CliOptions
{
    public static readonly Option<string> Token = new("--token")
    {
        Description = "The caller's bearer token ($PARTNERSKAB_TOKEN when not given; see `partnerskab token issue`).",
        Recursive = true,
    };

    public static readonly Option<Uri> CohortUrl = ServiceUrl("cohort", "PARTNERSKAB_COHORT_URL", "http://127.0.0.1:5101");
    public static readonly Option<Uri> OutcomeUrl = ServiceUrl("outcome", "PARTNERSKAB_OUTCOME_URL", "http://127.0.0.1:5201");
    public static readonly Option<Uri> PaymentUrl = ServiceUrl("payment", "PARTNERSKAB_PAYMENT_URL", "http://127.0.0.1:5301");

    public static readonly Option<DateTimeOffset?> RecordedAt = new("--recorded-at")
    {
        Description = "A historical load (operator role only): the instant the call's facts were learnt, e.g. 2024-04-15T12:00:00Z; "
            + "see docs/operations.md.",
        HelpName = "instant",
        Recursive = true,
        CustomParser = result =>
        {
            var text = result.Tokens.Single().Value;
            if (DateTimeOffset.TryParseExact(text, ["yyyy-MM-dd'T'HH:mm:ss'Z'", "yyyy-MM-dd'T'HH:mm:sszzz"], CultureInfo.InvariantCulture,
                    DateTimeStyles.AssumeUniversal, out var at)) return at;
            result.AddError($"--recorded-at: '{text}' is not an instant (YYYY-MM-DDTHH:MM:SSZ, or with an offset such as +02:00)");
            return null;
        },
    };

    public static readonly Option<OutputFormat> Output = new("--output")
    {
        Description = "text: tables for people; json: the service's answer, for scripts.",
        HelpName = "text|json",
        DefaultValueFactory = _ => OutputFormat.Text,
    };

    public static Option<string> Required(string name, string description) => new(name) { Description = description, Required = true };

    public static Option<string> Optional(string name, string description) => new(name) { Description = description };

    /// <summary>Where an import writes the lines it could not send and why.</summary>
    public static Option<string> Rejected() => Optional("--rejected", "Where the rejected lines and their reasons go (default: <file>.rejected.csv).");

    public static Option<string> IdempotencyKey() =>
        Optional("--key", "The idempotency key: the same key sends the import once however often it is retried (default: a new one).");

    /// <summary>A day written YYYY-MM-DD.</summary>
    public static Option<Date> Day(string name, string description, bool required = false) => new(name)
    {
        Description = description,
        Required = required,
        CustomParser = result =>
        {
            var text = result.Tokens.Single().Value;
            var date = CsvFile.Date(text);
            if (date is null) result.AddError($"{name}: '{text}' is not a date (YYYY-MM-DD)");
            return date!;
        },
    };

    /// <summary>A channel to the service at the option's address, carrying the caller's token.</summary>
    public static BearerChannel Channel(ParseResult result, Option<Uri> service) =>
        new(result.GetValue(service)!, CallerToken(result), result.GetValue(RecordedAt));

    /// <summary>The caller's token: --token, else $PARTNERSKAB_TOKEN.</summary>
    public static string CallerToken(ParseResult result)
    {
        var token = result.GetValue(Token) ?? Environment.GetEnvironmentVariable("PARTNERSKAB_TOKEN");
        if (string.IsNullOrEmpty(token)) throw new FormatException("no token: pass --token or set PARTNERSKAB_TOKEN.");
        return token;
    }

    public static Option<Uri> ServiceUrl(string service, string variable, string fallback) => new($"--{service}-url")
    {
        Description = $"The {service} service (${variable} when it is set).",
        Recursive = true,
        DefaultValueFactory = _ => new Uri(Environment.GetEnvironmentVariable(variable) ?? fallback),
        CustomParser = Address,
    };

    /// <summary>An absolute address (System.CommandLine has no parser of its own for <see cref="Uri"/>).</summary>
    public static Uri Address(ArgumentResult result)
    {
        var text = result.Tokens.Single().Value;
        if (Uri.TryCreate(text, UriKind.Absolute, out var address)) return address;
        result.AddError($"--{((OptionResult)result.Parent!).Option.Name.TrimStart('-')}: '{text}' is not an absolute address");
        return null!;
    }
}
