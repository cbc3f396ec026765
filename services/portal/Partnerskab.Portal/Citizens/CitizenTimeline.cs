using Partnerskab.Portal.Calling;
using Partnerskab.Protos.Cohort.V1;
using Partnerskab.Protos.Outcome.V1;

namespace Partnerskab.Portal.Citizens;

/// <summary>One citizen's follow-up as the provider and the kommune see it: the handover, the weeks with their statuses, the milestones.</summary>
public sealed record CitizenTimeline(Citizen Citizen, GetTimelineResponse Timeline, IReadOnlyList<Milestone> Milestones,
    IReadOnlyDictionary<string, string> MilestoneNames)
{
    public int SelfSufficientWeeks => Timeline.Weeks.Count(w => w.SelfSufficient);

    /// <summary>A milestone as the partnership's definitions name it, with its code; the code alone when no definition describes it.</summary>
    public string MilestoneName(string code) => MilestoneNames.TryGetValue(code, out var name) && name.Length > 0 ? $"{name} ({code})" : code;
}

/// <summary>Asks the cohort and outcome services, side by side and as the signed-in person, for a citizen's timeline and the names of its milestones.</summary>
public sealed class CitizenTimelineReader(CohortService.CohortServiceClient cohort, OutcomeService.OutcomeServiceClient outcome)
{
    public async Task<CitizenTimeline> ReadAsync(Guid partnershipId, string citizenId, CancellationToken cancellationToken)
    {
        var id = partnershipId.ToString();
        var citizen = cohort.GetCitizenAsync(new GetCitizenRequest { PartnershipId = id, CitizenId = citizenId },
            deadline: SuiteClientsRegistration.Deadline(), cancellationToken: cancellationToken);
        var timeline = outcome.GetTimelineAsync(new GetTimelineRequest { PartnershipId = id, CitizenId = citizenId },
            deadline: SuiteClientsRegistration.Deadline(), cancellationToken: cancellationToken);
        var milestones = outcome.ListMilestonesAsync(new ListMilestonesRequest { PartnershipId = id, CitizenId = citizenId },
            deadline: SuiteClientsRegistration.Deadline(), cancellationToken: cancellationToken);
        var definitions = outcome.GetMilestoneDefinitionsAsync(new GetMilestoneDefinitionsRequest { PartnershipId = id },
            deadline: SuiteClientsRegistration.Deadline(), cancellationToken: cancellationToken);
        var byDay = (await milestones).Milestones.OrderBy(m => (m.AchievedOn.Year, m.AchievedOn.Month, m.AchievedOn.Day));
        var names = (await definitions).Definitions.ToDictionary(d => d.Code, d => d.Description.Trim(), StringComparer.Ordinal);
        return new CitizenTimeline((await citizen).Citizen, await timeline, [.. byDay], names);
    }
}
