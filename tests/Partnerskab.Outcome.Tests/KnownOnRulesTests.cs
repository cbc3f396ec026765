using NodaTime;
using NodaTime.Testing;
using Partnerskab.Contracts;
using Partnerskab.Outcome.Claims;
using Partnerskab.Outcome.FollowUp;
using Partnerskab.Outcome.History;
using Partnerskab.Outcome.Milestones;
using Partnerskab.Outcome.Timeline;
using Partnerskab.ServiceDefaults;
using Partnerskab.ServiceDefaults.Errors;

namespace Partnerskab.Outcome.Tests;

/// <summary>What the suite knew at the end of a day, and what a revocation says of the fact that caused it: pure rules.</summary>
public sealed class KnownOnRulesTests
{
    private static readonly KnownOn June5 = new(new LocalDate(2023, 6, 5));

    [Fact]
    public void A_day_ends_at_Copenhagen_midnight_in_summer_and_winter()
    {
        June5.End.ShouldBe(Instant.FromUtc(2023, 6, 5, 22, 0));
        new KnownOn(new LocalDate(2023, 12, 5)).End.ShouldBe(Instant.FromUtc(2023, 12, 5, 23, 0));
        June5.Knew(Instant.FromUtc(2023, 6, 5, 21, 59, 59)).ShouldBeTrue();
        June5.Knew(Instant.FromUtc(2023, 6, 5, 22, 0)).ShouldBeFalse();
    }

    [Fact]
    public void Known_on_is_optional_and_refused_after_today_in_Copenhagen()
    {
        // 23:30 UTC on 5 June is already 6 June in Copenhagen.
        var clock = new FakeClock(Instant.FromUtc(2023, 6, 5, 23, 30));
        var v = new RequestValidator();
        KnownOn.Valid(v, null, clock).ShouldBeNull();
        KnownOn.Valid(v, new LocalDate(2023, 6, 6).ToProto(), clock).ShouldBe(new KnownOn(new LocalDate(2023, 6, 6)));
        v.IsValid.ShouldBeTrue();
        KnownOn.Valid(v, new LocalDate(2023, 6, 7).ToProto(), clock);
        v.Violations.Single().Field.ShouldBe("known_on");
    }

    [Fact]
    public void A_claim_is_known_after_its_last_step_recorded_by_the_end_of_the_day_with_the_content_it_had_then()
    {
        var claim = new OutcomeClaim
        {
            Id = Guid.NewGuid(), CitizenId = "c", ClaimReference = "r", Kind = OutcomeKind.JobStart, OutcomeDate = new LocalDate(2023, 5, 1),
            EmployerCvr = "12345678", EvidenceReference = "contract",
        };
        var history = new List<ClaimHistoryEntry> { claim.Decide(ClaimAction.Claimed, "provider", null, Instant.FromUtc(2023, 5, 2, 9, 0)) };
        history.Add(claim.Decide(ClaimAction.Verified, "cw-1", null, Instant.FromUtc(2023, 5, 3, 9, 0)));
        claim.Apply(claim.Content with { OutcomeDate = new LocalDate(2023, 5, 8) });
        history.Add(claim.Decide(ClaimAction.Corrected, "cw-2", "a week later", Instant.FromUtc(2023, 6, 5, 21, 0)));
        history.Add(claim.Decide(ClaimAction.Revoked, "cw-3", "never started", Instant.FromUtc(2023, 6, 6, 9, 0)));
        history.Reverse();

        new KnownOn(new LocalDate(2023, 5, 1)).Claim(history).ShouldBeNull();
        new KnownOn(new LocalDate(2023, 5, 2)).Claim(history)!.Value.Status.ShouldBe(ClaimStatus.Claimed);
        new KnownOn(new LocalDate(2023, 6, 4)).Claim(history).ShouldBe((ClaimStatus.Verified, claim.Content with { OutcomeDate = new LocalDate(2023, 5, 1) }));
        June5.Claim(history).ShouldBe((ClaimStatus.Verified, claim.Content));
        new KnownOn(new LocalDate(2023, 6, 6)).Claim(history)!.Value.Status.ShouldBe(ClaimStatus.Revoked);
    }

    [Fact]
    public void A_milestone_is_known_once_recorded_and_its_revocation_only_once_that_is_recorded()
    {
        var milestone = new Milestone { CitizenId = "c", Code = "M", AchievedOn = new LocalDate(2023, 5, 1), RecordedAt = Instant.FromUtc(2023, 6, 1, 9, 0) };
        milestone.Revoke(Instant.FromUtc(2023, 6, 6, 9, 0), "re-coded", FactChange.StatusWeeks(new Dictionary<string, LocalDate> { ["c"] = new(2023, 4, 10) }, "kommune", "weeks"));

        new KnownOn(new LocalDate(2023, 5, 31)).Milestone(milestone).ShouldBeNull();
        var known = June5.Milestone(milestone)!;
        (known.Revoked, known.EffectiveOn, known.CauseKind, known.AchievedOn).ShouldBe((false, null, null, milestone.AchievedOn));
        new KnownOn(new LocalDate(2023, 6, 6)).Milestone(milestone).ShouldBeSameAs(milestone);
    }

    [Fact]
    public void A_citizen_is_known_once_its_handover_is_recorded_and_an_exit_only_once_that_is_recorded()
    {
        var citizen = new FollowUpCitizen
        {
            CitizenId = "c", FollowUpStart = new LocalDate(2023, 4, 3), FollowUpEnd = new LocalDate(2025, 4, 3),
            RecordedAt = Instant.FromUtc(2023, 4, 3, 8, 0), ExitDate = new LocalDate(2023, 4, 20), ExitReason = ExitReason.Withdrew,
            ExitRecordedAt = Instant.FromUtc(2023, 7, 3, 8, 0),
        };
        var window = (citizen.FollowUpStart, citizen.FollowUpEnd);
        new KnownOn(new LocalDate(2023, 4, 2)).Citizen(citizen, window, []).ShouldBeNull();
        June5.Citizen(citizen, window, [])!.Window.ObligationsEnd.ShouldBe(citizen.FollowUpEnd);
        new KnownOn(new LocalDate(2023, 7, 3)).Citizen(citizen, window, [])!.Window.ObligationsEnd.ShouldBe(new LocalDate(2023, 4, 20));
        // Known before the suite kept the moments: known on every day.
        citizen.RecordedAt = null;
        citizen.ExitRecordedAt = null;
        new KnownOn(new LocalDate(2000, 1, 1)).Citizen(citizen, window, [])!.ExitDate.ShouldBe(citizen.ExitDate);
    }

    [Fact]
    public void A_citizen_is_known_in_the_window_current_at_the_moment_however_often_it_moved()
    {
        var citizen = new FollowUpCitizen { CitizenId = "c", FollowUpStart = new LocalDate(2023, 4, 17), FollowUpEnd = new LocalDate(2025, 4, 17) };
        var moved1 = Instant.FromUtc(2023, 5, 1, 8, 0);
        var moved2 = Instant.FromUtc(2023, 6, 1, 8, 0);
        SupersededFollowUpWindow[] replaced =
        [
            new() { CitizenId = "c", FollowUpStart = new LocalDate(2023, 4, 10), FollowUpEnd = new LocalDate(2025, 4, 10), SupersededAt = moved2 },
            new() { CitizenId = "c", FollowUpStart = new LocalDate(2023, 4, 3), FollowUpEnd = new LocalDate(2025, 4, 3), SupersededAt = moved1 },
        ];
        SupersededFollowUpWindow.CurrentAt(moved1.Minus(Duration.FromSeconds(1)), citizen, replaced).Start.ShouldBe(new LocalDate(2023, 4, 3));
        SupersededFollowUpWindow.CurrentAt(moved1, citizen, replaced).Start.ShouldBe(new LocalDate(2023, 4, 3), "a window replaced at the very moment was current until then");
        SupersededFollowUpWindow.CurrentAt(moved1.Plus(Duration.FromSeconds(1)), citizen, replaced).Start.ShouldBe(new LocalDate(2023, 4, 10));
        SupersededFollowUpWindow.CurrentAt(moved2.Plus(Duration.FromSeconds(1)), citizen, replaced).ShouldBe((citizen.FollowUpStart, citizen.FollowUpEnd));
    }

    [Fact]
    public void A_superseded_report_was_current_from_its_recording_until_it_was_replaced()
    {
        var version = new WeeklyStatusReport { CitizenId = "c", RecordedAt = Instant.FromUtc(2023, 5, 8, 8, 0) }.SupersededAt(Instant.FromUtc(2023, 5, 15, 8, 0));
        version.CurrentAt(Instant.FromUtc(2023, 5, 8, 7, 0)).ShouldBeFalse();
        version.CurrentAt(Instant.FromUtc(2023, 5, 8, 8, 0)).ShouldBeTrue();
        version.CurrentAt(Instant.FromUtc(2023, 5, 15, 8, 0)).ShouldBeFalse();
    }

    [Fact]
    public void Each_kind_of_fact_names_itself_and_the_day_it_is_about()
    {
        var milestone = new Milestone { CitizenId = "c", Code = "M", AchievedOn = new LocalDate(2023, 6, 30) };
        var claimId = Guid.NewGuid();
        var at = Instant.FromUtc(2023, 7, 1, 8, 0);
        (FactChange.Claim(claimId, new LocalDate(2023, 5, 1), "kommune", "w").About(milestone)).ShouldBe(new FactChange.Fact(claimId.ToString(), new LocalDate(2023, 5, 1)));
        FactChange.StatusWeeks(new Dictionary<string, LocalDate> { ["c"] = new(2024, 12, 30) }, "k", "w").About(milestone)
            .ShouldBe(new FactChange.Fact("2025-W01", new LocalDate(2024, 12, 30)));
        FactChange.Exit(new LocalDate(2023, 4, 20), "w").About(milestone).ShouldBe(new FactChange.Fact("2023-04-20", new LocalDate(2023, 4, 20)));
        FactChange.Exit(new LocalDate(2023, 4, 20), "w").ReportedBy.ShouldBe(FactChange.CohortService);
        FactChange.Definitions(at, "k", "w").About(milestone).ShouldBe(new FactChange.Fact($"definitions of {at}", milestone.AchievedOn));

        milestone.Revoke(at, new string('x', 2000), FactChange.Claim(claimId, new LocalDate(2023, 5, 1), new string('k', 400), "w"));
        (milestone.RevokedOn, milestone.EffectiveOn, milestone.CauseKind, milestone.CauseReference, milestone.CauseReportedBy!.Length, milestone.RevocationReason!.Length)
            .ShouldBe((new LocalDate(2023, 7, 1), new LocalDate(2023, 5, 1), "claim", claimId.ToString(), Milestone.MaxReporterLength, Milestone.MaxReasonLength));
    }
}
