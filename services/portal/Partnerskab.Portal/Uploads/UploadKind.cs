using Partnerskab.Tokens;

namespace Partnerskab.Portal.Uploads;

/// <summary>
/// A file a person uploads to run as one of the gateway's bulk jobs: which role may, the gateway's
/// route and job kind, and the columns a CSV file has (named on the page).
/// </summary>
public sealed record UploadKind(string Slug, string Role, string JobKind, string GatewayPath, string Columns)
{
    /// <summary>The kommune's citizens to hand over (the cohort service's ImportCitizens).</summary>
    public static UploadKind Citizens { get; } = new("borgere", SuiteRoles.Kommune, "citizens",
        "v1/partnerships/{0}/citizens:import", "cpr;handoverDate;benefitType;weeksSickListed;caseReference");

    /// <summary>The provider's weekly statuses (the outcome service's ReportWeeklyStatuses, as the provider's source).</summary>
    public static UploadKind WeeklyStatuses { get; } = new("ugestatus", SuiteRoles.Provider, "weeklyStatuses",
        "v1/partnerships/{0}/weeklyStatuses:import?source=STATUS_SOURCE_PROVIDER", "citizenId;isoWeekYear;isoWeek;status;paidHours");

    public static IReadOnlyList<UploadKind> All { get; } = [Citizens, WeeklyStatuses];

    public static UploadKind? FromSlug(string? slug) => All.FirstOrDefault(kind => kind.Slug == slug);

    /// <summary>The gateway's address for a file of this kind for the partnership, validated only or imported.</summary>
    public string PathFor(Guid partnershipId, bool validateOnly)
    {
        var path = string.Format(System.Globalization.CultureInfo.InvariantCulture, GatewayPath, partnershipId);
        return path + (path.Contains('?') ? '&' : '?') + "mode=" + (validateOnly ? "validate" : "import");
    }

    /// <summary>The file's media type by its name: CSV or NDJSON (one JSON row a line); null for anything else.</summary>
    public static string? MediaTypeOf(string fileName) => Path.GetExtension(fileName).ToLowerInvariant() switch
    {
        ".csv" => "text/csv",
        ".ndjson" or ".jsonl" => "application/x-ndjson",
        _ => null,
    };
}
