using System.Globalization;
using System.Text.RegularExpressions;
using Partnerskab.Cli.Csv;
using Partnerskab.Imports.Csv;
using Partnerskab.Protos.Outcome.V1;

namespace Partnerskab.Cli.Outcome;

/// <summary>
/// A provider's or register's weekly statuses (see <see cref="CsvFile"/>). Columns, in any
/// order: citizen_id (the pseudonym), iso_week (e.g. 2023-W14), status, and optionally
/// paid_hours (e.g. 15.5 or 15,5; empty for none).
/// </summary>
public static partial class StatusCsv
{
    public static readonly string[] Columns = ["citizen_id", "iso_week", "status"];
    public static readonly string[] OptionalColumns = ["paid_hours"];

    /// <summary>Statuses as written in the file: the API's names without the WEEKLY_STATUS_ prefix, in any case.</summary>
    public static readonly IReadOnlyDictionary<string, WeeklyStatus> Statuses = Enum.GetValues<WeeklyStatus>()
        .Where(s => s != WeeklyStatus.Unspecified)
        .ToDictionary(s => Snake(s.ToString()), s => s, StringComparer.OrdinalIgnoreCase);

    public static Dictionary<string, int> ReadHeader(IReadOnlyList<string> header) => CsvFile.ReadHeader(header, Columns, OptionalColumns);

    public static CsvLine<WeeklyStatusRow> ParseLine(CsvRow line, IReadOnlyDictionary<string, int> columns)
    {
        var record = new CsvRecord(line.Fields, columns);
        var row = new WeeklyStatusRow { CitizenId = record["citizen_id"] };
        record.Read("iso_week", text => IsoWeek().Match(text) is { Success: true } week
                ? (int.Parse(week.Groups[1].Value, CultureInfo.InvariantCulture), int.Parse(week.Groups[2].Value, CultureInfo.InvariantCulture))
                : ((int, int)?)null,
            week => (row.IsoWeekYear, row.IsoWeek) = week, "an ISO week as YYYY-Www, e.g. 2023-W14");
        record.Read("status", Statuses, status => row.Status = status);
        record.Read("paid_hours", CsvFile.Hundredths, hours => row.PaidHoursHundredths = hours, CsvFile.HoursExpected);
        return new CsvLine<WeeklyStatusRow>(line.LineNumber, line.Fields, record.Problems.Count == 0 ? row : null, record.Problems);
    }

    /// <summary>An API enum value as the CLI prints it: WEEKLY_STATUS_SICKNESS_BENEFIT as "sickness_benefit", unspecified as "-".</summary>
    public static string Name<TEnum>(TEnum value) where TEnum : struct, Enum =>
        Convert.ToInt32(value) == 0 ? "-" : Snake(value.ToString());

    /// <summary>"SicknessBenefit" as "sickness_benefit".</summary>
    public static string Snake(string pascal) => PascalBoundary().Replace(pascal, "_$1").ToLowerInvariant();

    [GeneratedRegex(@"^(\d{4})-W(\d{2})$")]
    private static partial Regex IsoWeek();

    [GeneratedRegex("(?<!^)([A-Z])")]
    private static partial Regex PascalBoundary();
}
