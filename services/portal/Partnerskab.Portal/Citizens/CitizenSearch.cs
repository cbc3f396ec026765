using Partnerskab.Portal.Calling;
using Partnerskab.Protos.Cohort.V1;

namespace Partnerskab.Portal.Citizens;

/// <summary>
/// A partnership's citizens as the cohort service lists them to the person (a provider sees only
/// its own partnerships' citizens), found by case reference or pseudonym.
/// </summary>
public sealed class CitizenSearch(CohortService.CohortServiceClient cohort)
{
    /// <summary>More than any partnership's cohort; a longer list is cut here and says so.</summary>
    public const int MostShown = 5_000;

    public sealed record Found(IReadOnlyList<Citizen> Citizens, bool Cut);

    /// <summary>The citizens whose case reference or pseudonym contains the text (all when it is empty), by case reference.</summary>
    public async Task<Found> FindAsync(Guid partnershipId, string? text, CancellationToken cancellationToken)
    {
        var wanted = text?.Trim() ?? "";
        var found = new List<Citizen>();
        var request = new ListCitizensRequest { PartnershipId = partnershipId.ToString(), PageSize = 1000 };
        do
        {
            var page = await cohort.ListCitizensAsync(request, deadline: SuiteClientsRegistration.Deadline(), cancellationToken: cancellationToken);
            found.AddRange(page.Citizens.Where(c => wanted.Length == 0
                || c.CaseReference.Contains(wanted, StringComparison.OrdinalIgnoreCase)
                || c.CitizenId.Contains(wanted, StringComparison.OrdinalIgnoreCase)));
            request.PageToken = page.NextPageToken;
        }
        while (request.PageToken.Length > 0 && found.Count < MostShown);
        return new Found([.. found.Take(MostShown).OrderBy(c => c.CaseReference, StringComparer.Ordinal)], found.Count > MostShown || request.PageToken.Length > 0);
    }
}
