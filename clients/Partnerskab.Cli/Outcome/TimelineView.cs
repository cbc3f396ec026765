using Partnerskab.Cli.Finance;
using Partnerskab.Protos.Outcome.V1;

namespace Partnerskab.Cli.Outcome;

/// <summary>`partnerskab outcome timeline`: a citizen's weekly timeline and milestones as tables.</summary>
public sealed class TimelineView(OutcomeService.OutcomeServiceClient client, TextWriter output, OutputFormat format = OutputFormat.Text)
{
    /// <param name="knownOn">The milestones as known at the end of this day; unset: as known now.</param>
    public async Task ShowAsync(string partnershipId, string citizenId, Google.Type.Date? knownOn = null, CancellationToken cancellationToken = default)
    {
        var timeline = await client.GetTimelineAsync(new GetTimelineRequest { PartnershipId = partnershipId, CitizenId = citizenId },
            deadline: DateTime.UtcNow.AddSeconds(30), cancellationToken: cancellationToken);
        var milestones = await client.ListMilestonesAsync(new ListMilestonesRequest { PartnershipId = partnershipId, CitizenId = citizenId, KnownOn = knownOn },
            deadline: DateTime.UtcNow.AddSeconds(30), cancellationToken: cancellationToken);
        ReadOutput.Write(output, format, [("timeline", timeline), ("milestones", milestones)], () => Report(timeline, milestones));
    }

    public static string Report(GetTimelineResponse timeline, ListMilestonesResponse milestones)
    {
        var output = new StringWriter();
        output.WriteLine($"  citizen {timeline.CitizenId}: follow-up {FinanceDates.Text(timeline.FollowUpStart)} to {FinanceDates.Text(timeline.FollowUpEnd)} (exclusive)"
            + (timeline.ExitDate is null ? "" : $", exited {FinanceDates.Text(timeline.ExitDate)} ({StatusCsv.Name(timeline.ExitReasonKind)})"));
        output.WriteLine();
        output.Write(TextTable.Format(
            [new("week"), new("monday"), new("status"), new("decided by"), new("provider"), new("register"), new("hours", RightAligned: true), new("self-sufficient")],
            timeline.Weeks.Select(w => (IReadOnlyList<string>)[
                $"{w.IsoWeekYear}-W{w.IsoWeek:D2}", FinanceDates.Text(w.WeekStart), StatusCsv.Name(w.Status), StatusCsv.Name(w.DecidedBy),
                StatusCsv.Name(w.ProviderStatus), StatusCsv.Name(w.RegisterStatus) + (w.Disagreement ? " (disagrees)" : ""),
                (w.PaidHoursHundredths / 100m).ToString("0.00", System.Globalization.CultureInfo.InvariantCulture), w.SelfSufficient ? "yes" : "no",
            ])));
        output.WriteLine();
        output.Write(TextTable.Format(
            [new("milestone"), new("reached"), new("basis"), new("revoked"), new("effective"), new("cause"), new("why revoked")],
            milestones.Milestones.Select(m => (IReadOnlyList<string>)[
                m.Code, FinanceDates.Text(m.AchievedOn),
                m.BasisClaimIds.Count > 0 ? $"{m.BasisClaimIds.Count} claim(s)" : $"{m.BasisWeekStarts.Count} week(s)",
                m.Revoked ? FinanceDates.Text(m.RevokedOn) : "", FinanceDates.Text(m.EffectiveOn),
                m.Cause is null ? "" : $"{m.Cause.Kind} {m.Cause.Reference} by {m.Cause.ReportedBy}", m.RevocationReason,
            ])));
        return output.ToString();
    }
}
