using System.Globalization;
using Partnerskab.Protos.Cohort.V1;

namespace Partnerskab.Cli.Cohort;

/// <summary>
/// Reads a case system's export of citizens to hand over: a header line, then one citizen a
/// line, separated by ';' (as Danish spreadsheets write it) or ','. Columns, in any order:
/// cpr, handover_date (YYYY-MM-DD), benefit_type, weeks_sick_listed, case_reference.
/// Fields may be quoted with '"'; a quote inside a quoted field is written twice.
/// </summary>
public static class CitizenCsv
{
    public static readonly string[] Columns = ["cpr", "handover_date", "benefit_type", "weeks_sick_listed", "case_reference"];

    /// <summary>Benefit types as written in the file, and as the API names them.</summary>
    public static readonly IReadOnlyDictionary<string, BenefitType> BenefitTypes = new Dictionary<string, BenefitType>(StringComparer.OrdinalIgnoreCase)
    {
        ["sickness_benefit"] = BenefitType.SicknessBenefit,
        ["sygedagpenge"] = BenefitType.SicknessBenefit,
        ["job_clarification_benefit"] = BenefitType.JobClarificationBenefit,
        ["ressourceforloebsydelse_jobafklaring"] = BenefitType.JobClarificationBenefit,
        ["resource_process_benefit"] = BenefitType.ResourceProcessBenefit,
        ["ressourceforloebsydelse"] = BenefitType.ResourceProcessBenefit,
        ["cash_benefit"] = BenefitType.CashBenefit,
        ["kontanthjaelp"] = BenefitType.CashBenefit,
    };

    /// <summary>One line of the file: the row to send, or why it cannot be sent.</summary>
    public sealed record Line(int LineNumber, IReadOnlyList<string> Fields, CitizenRow? Row, IReadOnlyList<string> Problems);

    public static char DetectSeparator(string header) => header.Count(c => c == ';') >= header.Count(c => c == ',') ? ';' : ',';

    /// <summary>The column positions named by the header; throws when a column is missing.</summary>
    public static Dictionary<string, int> ReadHeader(string header, char separator)
    {
        var names = SplitFields(header, separator).Select(n => n.Trim().ToLowerInvariant()).ToList();
        var missing = Columns.Where(c => !names.Contains(c)).ToList();
        if (missing.Count > 0)
        {
            throw new FormatException($"the header lacks the column(s) {string.Join(", ", missing)}; it must name {string.Join(", ", Columns)}");
        }
        return Columns.ToDictionary(c => c, c => names.IndexOf(c));
    }

    public static Line ParseLine(int lineNumber, string text, char separator, IReadOnlyDictionary<string, int> columns)
    {
        var fields = SplitFields(text, separator);
        var problems = new List<string>();
        string Field(string name) => columns[name] < fields.Count ? fields[columns[name]].Trim() : "";

        var row = new CitizenRow { Cpr = Field("cpr"), CaseReference = Field("case_reference") };
        if (DateOnly.TryParseExact(Field("handover_date"), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            row.HandoverDate = new Google.Type.Date { Year = date.Year, Month = date.Month, Day = date.Day };
        }
        else
        {
            problems.Add($"handover_date: '{Field("handover_date")}' is not a date as YYYY-MM-DD");
        }
        if (BenefitTypes.TryGetValue(Field("benefit_type"), out var benefit))
        {
            row.BenefitType = benefit;
        }
        else
        {
            problems.Add($"benefit_type: '{Field("benefit_type")}' is not one of {string.Join(", ", BenefitTypes.Keys)}");
        }
        if (int.TryParse(Field("weeks_sick_listed"), NumberStyles.None, CultureInfo.InvariantCulture, out var weeks))
        {
            row.WeeksSickListed = weeks;
        }
        else
        {
            problems.Add($"weeks_sick_listed: '{Field("weeks_sick_listed")}' is not a whole number");
        }
        return new Line(lineNumber, fields, problems.Count == 0 ? row : null, problems);
    }

    public static List<string> SplitFields(string line, char separator)
    {
        var fields = new List<string>();
        var field = new System.Text.StringBuilder();
        var quoted = false;
        for (var i = 0; i < line.Length; i++)
        {
            var c = line[i];
            if (quoted)
            {
                if (c == '"' && i + 1 < line.Length && line[i + 1] == '"')
                {
                    field.Append('"');
                    i++;
                }
                else if (c == '"')
                {
                    quoted = false;
                }
                else
                {
                    field.Append(c);
                }
            }
            else if (c == '"')
            {
                quoted = true;
            }
            else if (c == separator)
            {
                fields.Add(field.ToString());
                field.Clear();
            }
            else
            {
                field.Append(c);
            }
        }
        fields.Add(field.ToString());
        return fields;
    }

    /// <summary>A field written back safely: quoted when it holds the separator, a quote or a line break.</summary>
    public static string Quote(string field, char separator) =>
        field.IndexOfAny([separator, '"', '\n', '\r']) >= 0 ? $"\"{field.Replace("\"", "\"\"")}\"" : field;
}
