using NodaTime;
using Partnerskab.Outcome.Claims;
using static Partnerskab.Outcome.Claims.ClaimLifecycle;

namespace Partnerskab.Outcome.Tests;

public sealed class ClaimLifecycleTests
{
    private static readonly ClaimContent Content = new(new LocalDate(2023, 6, 5), 37_00, "29189757", "contract");

    [Fact]
    public void A_claim_is_verified_once_and_a_repeated_verification_changes_nothing()
    {
        Verify(ClaimStatus.Claimed).ShouldBe(new Move(ClaimStatus.Verified, ClaimAction.Verified));
        Verify(ClaimStatus.Verified).ShouldBeOfType<AlreadyDone>();
    }

    [Theory]
    [InlineData(ClaimStatus.Rejected, "was rejected and cannot be verified.")]
    [InlineData(ClaimStatus.Revoked, "was revoked and cannot be verified.")]
    public void A_rejected_or_revoked_claim_is_never_verified(ClaimStatus status, string why) =>
        Verify(status).ShouldBe(new Refused(why));

    [Fact]
    public void Only_an_unverified_claim_is_rejected_and_a_retry_with_the_same_reason_changes_nothing()
    {
        Reject(ClaimStatus.Claimed, null, "no enrolment").ShouldBe(new Move(ClaimStatus.Rejected, ClaimAction.Rejected));
        Reject(ClaimStatus.Rejected, "no enrolment", "no enrolment").ShouldBeOfType<AlreadyDone>();
        Reject(ClaimStatus.Rejected, "no enrolment", "changed my mind").ShouldBe(new Refused("was already rejected for another reason: no enrolment"));
        Reject(ClaimStatus.Verified, null, "no enrolment").ShouldBe(new Refused("was verified; a verified outcome is revoked, not rejected."));
        Reject(ClaimStatus.Revoked, "gone", "no enrolment").ShouldBeOfType<Refused>();
    }

    [Fact]
    public void Only_a_verified_claim_is_corrected_and_the_same_content_changes_nothing()
    {
        var later = Content with { OutcomeDate = new LocalDate(2023, 6, 12) };
        Correct(ClaimStatus.Verified, Content, later).ShouldBe(new Move(ClaimStatus.Verified, ClaimAction.Corrected));
        Correct(ClaimStatus.Verified, Content, Content).ShouldBeOfType<AlreadyDone>();
        Correct(ClaimStatus.Claimed, Content, later).ShouldBe(new Refused("is claimed; only a verified claim is corrected."));
        Correct(ClaimStatus.Revoked, Content, Content).ShouldBe(new Refused("is revoked; only a verified claim is corrected."));
    }

    [Fact]
    public void Only_a_verified_claim_is_revoked_and_a_retry_with_the_same_reason_changes_nothing()
    {
        Revoke(ClaimStatus.Verified, null, "no employment").ShouldBe(new Move(ClaimStatus.Revoked, ClaimAction.Revoked));
        Revoke(ClaimStatus.Revoked, "no employment", "no employment").ShouldBeOfType<AlreadyDone>();
        Revoke(ClaimStatus.Revoked, "no employment", "other").ShouldBe(new Refused("was already revoked for another reason: no employment"));
        Revoke(ClaimStatus.Claimed, null, "x").ShouldBe(new Refused("is claimed; only a verified claim is revoked (an unverified one is rejected)."));
        Revoke(ClaimStatus.Rejected, "y", "x").ShouldBeOfType<Refused>();
    }

    [Fact]
    public void A_claim_reference_holds_one_claim_and_the_same_claim_sent_again_is_the_stored_one()
    {
        var claim = Claim("cl-1", Content);
        File(claim, null).ShouldBeOfType<NewClaim>();
        var stored = Claim("cl-1", Content);
        File(claim, stored).ShouldBe(new SameClaim(stored));
        var other = Claim("cl-1", Content with { HoursPerWeekHundredths = 30_00 });
        File(claim, other).ShouldBe(new ReferenceTaken(other));
    }

    [Fact]
    public void Every_status_has_one_answer_to_every_step()
    {
        // The lifecycle as a table: the steps each status allows (Move), repeats (AlreadyDone) or refuses.
        var table = Enum.GetValues<ClaimStatus>().ToDictionary(s => s, s => (
            Verify: Verify(s).GetType().Name,
            Reject: Reject(s, "r", "r").GetType().Name,
            Correct: Correct(s, Content, Content with { EvidenceReference = "new" }).GetType().Name,
            Revoke: Revoke(s, "r", "r").GetType().Name));
        table[ClaimStatus.Claimed].ShouldBe(("Move", "Move", "Refused", "Refused"));
        table[ClaimStatus.Verified].ShouldBe(("AlreadyDone", "Refused", "Move", "Move"));
        table[ClaimStatus.Rejected].ShouldBe(("Refused", "AlreadyDone", "Refused", "Refused"));
        table[ClaimStatus.Revoked].ShouldBe(("Refused", "Refused", "Refused", "AlreadyDone"));
    }

    private static OutcomeClaim Claim(string reference, ClaimContent content)
    {
        var claim = new OutcomeClaim
        {
            Id = Guid.CreateVersion7(),
            CitizenId = new string('a', 32),
            ClaimReference = reference,
            Kind = OutcomeKind.JobStart,
            EmployerCvr = content.EmployerCvr,
            EvidenceReference = content.EvidenceReference,
            Status = ClaimStatus.Claimed,
        };
        claim.Apply(content);
        return claim;
    }
}
