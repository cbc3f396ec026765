using Partnerskab.Cli;
using Partnerskab.Cli.CommandLine;
using Partnerskab.Protos.Payment.V1;

namespace Partnerskab.Cli.Tests;

/// <summary>The command tree as a person or a script meets it: help, refused arguments, exit codes, tokens, JSON output.</summary>
public sealed class CommandLineTests
{
    private static async Task<(int ExitCode, string Output, string Error)> RunAsync(params string[] args)
    {
        var (output, error) = (new StringWriter(), new StringWriter());
        var exitCode = await CliCommands.RunAsync(args, output, error);
        return (exitCode, output.ToString(), error.ToString());
    }

    [Fact]
    public async Task Help_lists_every_area_and_each_commands_options()
    {
        var (exitCode, output, _) = await RunAsync("--help");
        exitCode.ShouldBe(0);
        output.ShouldContain("cohort");
        output.ShouldContain("outcome");
        output.ShouldContain("finance");
        output.ShouldContain("token");
        output.ShouldContain("ops");

        (await RunAsync("finance", "cost", "--help")).Output.ShouldContain("--excluding-vat");
        (await RunAsync("finance", "cost", "--help")).Output.ShouldContain("--known-on");
        (await RunAsync("finance", "ledger", "--help")).Output.ShouldContain("--known-on");
        (await RunAsync("finance", "explain", "--help")).Output.ShouldContain("--item");
        (await RunAsync("finance", "close-period", "--help")).Output.ShouldContain("--year");
        (await RunAsync("finance", "reopen-period", "--help")).Output.ShouldContain("--reason");
        (await RunAsync("finance", "investor", "record", "--help")).Output.ShouldContain("--amount-ore");
        (await RunAsync("finance", "investor", "position", "--help")).Output.ShouldContain("--as-of");
        (await RunAsync("finance", "indigo", "disclose", "--help")).Output.ShouldContain("--request");
    }

    [Fact]
    public async Task A_missing_option_ends_the_command_with_exit_code_2_and_the_way_to_its_help()
    {
        var (exitCode, _, error) = await RunAsync("cohort", "import", "--partnership", "p");

        exitCode.ShouldBe(CliCommands.CouldNotRun);
        error.ShouldContain("'--file' is required");
        error.ShouldContain("see: partnerskab cohort import --help");
    }

    [Theory]
    [InlineData("2023-02-29")]
    [InlineData("01-04-2024")]
    public async Task A_day_that_is_not_a_date_as_yyyy_mm_dd_is_refused_by_name(string day)
    {
        var (exitCode, _, error) = await RunAsync("finance", "cost", "--partnership", "p", "--as-of", day, "--token", "t");

        exitCode.ShouldBe(CliCommands.CouldNotRun);
        error.ShouldContain($"--as-of: '{day}' is not a date (YYYY-MM-DD)");
    }

    [Theory]
    [InlineData("2024-04-15")]
    [InlineData("2024-04-15T12:00:00")]
    [InlineData("yesterday")]
    public async Task A_historical_loads_moment_must_be_an_instant_with_its_offset(string moment)
    {
        var (exitCode, _, error) = await RunAsync("cohort", "partnership", "get", "--partnership", "p", "--token", "t", "--recorded-at", moment);

        exitCode.ShouldBe(CliCommands.CouldNotRun);
        error.ShouldContain($"--recorded-at: '{moment}' is not an instant");
    }

    [Fact]
    public async Task A_service_address_that_is_not_absolute_is_refused_by_name()
    {
        var (exitCode, _, error) = await RunAsync("cohort", "partnership", "get", "--partnership", "p", "--token", "t", "--cohort-url", "nope");

        exitCode.ShouldBe(CliCommands.CouldNotRun);
        error.ShouldContain("--cohort-url: 'nope' is not an absolute address");
    }

    [Fact]
    public async Task An_enum_option_takes_the_values_short_name_and_lists_them_when_it_is_not_one()
    {
        var (exitCode, _, error) = await RunAsync("cohort", "exit", "--partnership", "p", "--citizen", "c", "--exit-date", "2024-01-01",
            "--reason", "retired", "--token", "t");

        exitCode.ShouldBe(CliCommands.CouldNotRun);
        error.ShouldBe("partnerskab: --reason: 'retired' is not one of moved_away, deceased, disability_pension, withdrew, wrongly_enrolled\n");
    }

    [Fact]
    public async Task A_service_command_without_a_token_says_how_to_give_one()
    {
        var previous = Environment.GetEnvironmentVariable("PARTNERSKAB_TOKEN");
        Environment.SetEnvironmentVariable("PARTNERSKAB_TOKEN", null);
        try
        {
            var (exitCode, _, error) = await RunAsync("outcome", "report", "--partnership", "p");
            exitCode.ShouldBe(CliCommands.CouldNotRun);
            error.ShouldBe("partnerskab: no token: pass --token or set PARTNERSKAB_TOKEN.\n");
        }
        finally
        {
            Environment.SetEnvironmentVariable("PARTNERSKAB_TOKEN", previous);
        }
    }

    [Fact]
    public async Task Keys_are_made_once_and_a_token_is_issued_only_for_known_roles_and_partnership_ids()
    {
        var dir = Directory.CreateTempSubdirectory("partnerskab-cli-keys-").FullName;
        try
        {
            (await RunAsync("token", "keys", "--dir", dir)).Output.ShouldStartWith("trusted keys: ");

            var issued = await RunAsync("token", "issue", "--dir", dir, "--role", "kommune,finance", "--partnerships", "*", "--hours", "1");
            issued.ExitCode.ShouldBe(0);
            issued.Output.Trim().Split('.').Length.ShouldBe(3);

            var unknownRole = await RunAsync("token", "issue", "--dir", dir, "--role", "mayor", "--partnerships", "*");
            unknownRole.ExitCode.ShouldBe(CliCommands.CouldNotRun);
            unknownRole.Error.ShouldContain("--role: give one or more of");
            (await RunAsync("token", "issue", "--dir", dir, "--role", "kommune", "--partnerships", "not-an-id")).Error.ShouldContain("--partnerships:");
            (await RunAsync("token", "issue", "--dir", dir, "--role", "kommune", "--partnerships", "*", "--hours", "0")).Error.ShouldContain("--hours");
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }

    [Fact]
    public void Json_output_is_the_answer_in_the_protobuf_json_mapping_with_every_field_written()
    {
        var output = new StringWriter();
        var cost = new GetPartnershipCostResponse { PartnershipId = "p", ExcludingVat = true };

        ReadOutput.Write(output, OutputFormat.Json, cost, () => "tables");

        output.ToString().ShouldStartWith("{ \"partnershipId\": \"p\"");
        output.ToString().ShouldContain("\"excludingVat\": true");
        output.ToString().ShouldContain("\"years\": [ ]");
        var text = new StringWriter();
        ReadOutput.Write(text, OutputFormat.Text, cost, () => "tables");
        text.ToString().ShouldBe("tables");
    }
}
