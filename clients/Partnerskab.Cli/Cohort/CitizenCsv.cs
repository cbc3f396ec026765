using System.Globalization;
using Partnerskab.Cli.Csv;
using Partnerskab.Imports.Csv;
using Partnerskab.Protos.Cohort.V1;

namespace Partnerskab.Cli.Cohort;

/// <summary>
/// Reads a case system's export of citizens to hand over (see <see cref="CsvFile"/>). Columns,
/// in any order: cpr, handover_date (YYYY-MM-DD), benefit_type, weeks_sick_listed, case_reference.
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

    public static Dictionary<string, int> ReadHeader(IReadOnlyList<string> header) => CsvFile.ReadHeader(header, Columns);

    public static CsvLine<CitizenRow> ParseLine(CsvRow line, IReadOnlyDictionary<string, int> columns)
    {
        var record = new CsvRecord(line.Fields, columns);
        var row = new CitizenRow { Cpr = record["cpr"], CaseReference = record["case_reference"] };
        record.ReadDate("handover_date", date => row.HandoverDate = date);
        record.Read("benefit_type", BenefitTypes, benefit => row.BenefitType = benefit);
        record.Read<int>("weeks_sick_listed", text => int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var weeks) ? weeks : null,
            weeks => row.WeeksSickListed = weeks, "a whole number");
        return new CsvLine<CitizenRow>(line.LineNumber, line.Fields, record.Problems.Count == 0 ? row : null, record.Problems);
    }
}
