using Grpc.Core;
using Partnerskab.EndToEnd.Tests.Infrastructure;
using Partnerskab.Protos.Cohort.V1;
using Partnerskab.Protos.Outcome.V1;
using Partnerskab.Protos.Audit.V1;
using Partnerskab.Scenario;
using Partnerskab.Tokens;
using Shouldly;

namespace Partnerskab.EndToEnd.Tests;

[Collection(SuiteCollection.Name)]
public sealed class OutcomeClaimTests(SuiteFixture suite)
{
    private SuiteClients Clients => suite.Clients;

    [Fact]
    public async Task A_rejected_claim_keeps_who_and_why_and_can_no_longer_be_verified()
    {
        var (partnership, citizen) = await TestCitizens.HandedOverAsync(Clients.Cohort, "reject", 402, "RJ-1");
        var claim = (await Clients.Outcome.ClaimOutcomeAsync(new ClaimOutcomeRequest
        {
            PartnershipId = partnership.PartnershipId,
            CitizenId = citizen.CitizenId,
            ClaimReference = "RJ-CL-1",
            Kind = OutcomeKind.EducationStart,
            OutcomeDate = ThinSlice.Day(2023, 8, 14),
            EvidenceReference = "enrolment letter",
        }, deadline: SuiteClients.Deadline())).Claim;

        var reject = new RejectOutcomeClaimRequest { ClaimId = claim.ClaimId, RejectedBy = "cw-17", Reason = "no enrolment in the register" };
        var rejected = (await Clients.Outcome.RejectOutcomeClaimAsync(reject, deadline: SuiteClients.Deadline())).Claim;

        (rejected.Status, rejected.DecidedBy, rejected.DecisionReason).ShouldBe((ClaimStatus.Rejected, "cw-17", "no enrolment in the register"));
        (await Clients.Outcome.RejectOutcomeClaimAsync(reject, deadline: SuiteClients.Deadline())).Claim.ShouldBe(rejected);
        var otherReason = await Should.ThrowAsync<RpcException>(() => Clients.Outcome.RejectOutcomeClaimAsync(
            new RejectOutcomeClaimRequest { ClaimId = claim.ClaimId, RejectedBy = "cw-17", Reason = "changed my mind" },
            deadline: SuiteClients.Deadline()).ResponseAsync);
        otherReason.StatusCode.ShouldBe(StatusCode.FailedPrecondition);
        var verify = await Should.ThrowAsync<RpcException>(() => Clients.Outcome.VerifyOutcomeClaimAsync(
            new VerifyOutcomeClaimRequest { ClaimId = claim.ClaimId, VerifiedBy = "cw-18" }, deadline: SuiteClients.Deadline()).ResponseAsync);
        verify.StatusCode.ShouldBe(StatusCode.FailedPrecondition);
    }
    [Fact]
    public async Task The_claims_awaiting_verification_are_listed_oldest_first_in_pages_and_the_read_is_audited()
    {
        var (partnership, citizen) = await TestCitizens.HandedOverAsync(Clients.Cohort, "queue", 403, "Q-1");
        var claims = new List<Protos.Outcome.V1.OutcomeClaim>();
        foreach (var reference in new[] { "Q-CL-1", "Q-CL-2", "Q-CL-3" })
        {
            claims.Add((await Clients.Outcome.ClaimOutcomeAsync(new ClaimOutcomeRequest
            {
                PartnershipId = partnership.PartnershipId,
                CitizenId = citizen.CitizenId,
                ClaimReference = reference,
                Kind = OutcomeKind.EducationStart,
                OutcomeDate = ThinSlice.Day(2023, 8, 14),
                EvidenceReference = $"enrolment letter {reference}",
            }, deadline: SuiteClients.Deadline())).Claim);
        }
        await Clients.Outcome.VerifyOutcomeClaimAsync(new VerifyOutcomeClaimRequest { ClaimId = claims[1].ClaimId, VerifiedBy = "cw-1" },
            deadline: SuiteClients.Deadline());
        var subject = $"kommune-queue-{Guid.NewGuid():N}";
        using var kommune = suite.ClientsFor(new TokenSubject(subject, [SuiteRoles.Kommune], "29189757", [partnership.PartnershipId]));

        var request = new ListOutcomeClaimsRequest { PartnershipId = partnership.PartnershipId, Status = ClaimStatus.Claimed, PageSize = 1 };
        var first = await kommune.Outcome.ListOutcomeClaimsAsync(request, deadline: SuiteClients.Deadline());
        request.PageToken = first.NextPageToken;
        var second = await kommune.Outcome.ListOutcomeClaimsAsync(request, deadline: SuiteClients.Deadline());
        var every = await kommune.Outcome.ListOutcomeClaimsAsync(new ListOutcomeClaimsRequest { PartnershipId = partnership.PartnershipId },
            deadline: SuiteClients.Deadline());

        first.Claims.Select(c => c.ClaimReference).ShouldBe(["Q-CL-1"]);
        first.NextPageToken.ShouldNotBeEmpty();
        second.Claims.Select(c => c.ClaimReference).ShouldBe(["Q-CL-3"]);
        second.NextPageToken.ShouldBeEmpty();
        second.Claims[0].ShouldBe(claims[2]);
        every.Claims.Select(c => (c.ClaimReference, c.Status)).ShouldBe([
            ("Q-CL-1", ClaimStatus.Claimed), ("Q-CL-2", ClaimStatus.Verified), ("Q-CL-3", ClaimStatus.Claimed)]);
        (claims[0].ClaimedAt <= claims[2].ClaimedAt).ShouldBeTrue();

        var audited = await Clients.Outcome.ListAuditEntriesAsync(new Protos.Outcome.V1.ListAuditEntriesRequest { Filter = new AuditFilter { Subject = subject } },
            deadline: SuiteClients.Deadline());
        audited.Entries.Select(e => (e.Rpc, e.PartnershipId, string.Join(",", e.CitizenIds), e.StatusCode)).ShouldBe([
            ("/partnerskab.outcome.v1.OutcomeService/ListOutcomeClaims", partnership.PartnershipId, citizen.CitizenId, "OK"),
            ("/partnerskab.outcome.v1.OutcomeService/ListOutcomeClaims", partnership.PartnershipId, citizen.CitizenId, "OK"),
            ("/partnerskab.outcome.v1.OutcomeService/ListOutcomeClaims", partnership.PartnershipId, citizen.CitizenId, "OK"),
        ]);
    }
}
