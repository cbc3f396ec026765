using Grpc.Core;
using Partnerskab.EndToEnd.Tests.Infrastructure;
using Partnerskab.Protos.Cohort.V1;
using Partnerskab.Protos.Outcome.V1;
using Partnerskab.Scenario;
using Shouldly;

namespace Partnerskab.EndToEnd.Tests;

[Collection(SuiteCollection.Name)]
public sealed class OutcomeClaimTests(SuiteFixture suite)
{
    private SuiteClients Clients => suite.Clients;

    [Fact]
    public async Task A_rejected_claim_keeps_who_and_why_and_can_no_longer_be_verified()
    {
        var (partnership, citizen) = await TestCitizens.HandedOverAsync(Clients, "reject", 402, "RJ-1");
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
}
