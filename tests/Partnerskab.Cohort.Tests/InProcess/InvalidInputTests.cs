using Google.Rpc;
using Grpc.Core;
using Partnerskab.Protos.Cohort.V1;
using Partnerskab.Scenario;
using Partnerskab.Testing;
using Partnerskab.Testing.InProcess;

namespace Partnerskab.Cohort.Tests.InProcess;

/// <summary>Invalid input to the cohort service beyond each RPC's own case (<see cref="CohortRpcs"/>).</summary>
[Collection(CohortServiceCollection.Name)]
public sealed class InvalidInputTests(CohortHost cohort) : InProcessTests(cohort.ResetAsync)
{
    [Fact]
    public async Task An_ineligible_citizen_is_refused_by_field_and_nothing_is_written()
    {
        var (partnership, _) = await TestCitizens.HandedOverAsync(cohort.Client, "ineligible", 3, "HAD-2023-0003");
        var before = await cohort.RowCountsAsync();

        var error = await Should.ThrowAsync<RpcException>(cohort.Client.HandOverCitizenAsync(new HandOverCitizenRequest
        {
            PartnershipId = partnership.PartnershipId,
            Cpr = TestCitizens.Cpr(4),
            HandoverDate = ThinSlice.Day(2024, 1, 2),
            BenefitType = BenefitType.CashBenefit,
            WeeksSickListed = 26,
            CaseReference = "HAD-2024-0002",
        }, deadline: SuiteClients.Deadline()).ResponseAsync);

        error.StatusCode.ShouldBe(StatusCode.InvalidArgument);
        error.GetRpcStatus()!.GetDetail<BadRequest>().FieldViolations.Select(v => v.Field).Order()
            .ShouldBe(["benefit_type", "handover_date", "weeks_sick_listed"]);
        (await cohort.RowCountsAsync()).ShouldBe(before);
    }
}
