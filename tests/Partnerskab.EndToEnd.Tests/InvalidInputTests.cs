using Google.Protobuf.Reflection;
using Google.Rpc;
using Grpc.Core;
using Partnerskab.EndToEnd.Tests.Infrastructure;
using Partnerskab.Protos.Cohort.V1;
using Partnerskab.Protos.Outcome.V1;
using Partnerskab.Protos.Payment.V1;
using Partnerskab.Scenario;
using Shouldly;

namespace Partnerskab.EndToEnd.Tests;

/// <summary>
/// Invalid input to every RPC is InvalidArgument with BadRequest field violations naming the
/// fields, and nothing is written in any of the three databases.
/// </summary>
[Collection(SuiteCollection.Name)]
public sealed partial class InvalidInputTests(SuiteFixture suite)
{
    private const string NotAnId = "not-a-uuid";
    public const string SomeId = "0b8f3f0e-6d2a-4c1e-9a57-2f1d3c4b5a69";
    private const string SomeCitizen = "0123456789abcdef0123456789abcdef";

    public sealed record Case(string Rpc, Func<SuiteClients, Task> Call, string[] Fields)
    {
        public override string ToString() => Rpc;
    }

    public static Case[] Cases => [.. CohortCases, .. OutcomeCases, .. PaymentCases];

    /// <summary>The same bad audit query for each service's ListAuditEntries, whose requests differ only in their package.</summary>
    private static TRequest BadAuditQuery<TRequest>() where TRequest : Google.Protobuf.IMessage<TRequest>, new()
    {
        var request = new TRequest();
        var fields = request.Descriptor.Fields;
        fields["filter"].Accessor.SetValue(request, new Protos.Audit.V1.AuditFilter
        {
            RecordedFrom = new Google.Protobuf.WellKnownTypes.Timestamp { Seconds = 1_700_000_000 },
            RecordedBefore = new Google.Protobuf.WellKnownTypes.Timestamp { Seconds = 1_600_000_000 },
            Subject = "bad\u0007subject",
            CitizenId = "0101901234",
            PartnershipId = NotAnId,
        });
        fields["page_size"].Accessor.SetValue(request, 5000);
        fields["page_token"].Accessor.SetValue(request, "not-a-token");
        return request;
    }

    private static string[] BadAuditQueryFields =>
        ["filter.recorded_before", "filter.subject", "filter.citizen_id", "filter.partnership_id", "page_size", "page_token"];

    public static TheoryData<Case> AllCases() => new(Cases);

    /// <summary>
    /// Sends a stream's messages and awaits its answer. A server that refuses the call (no access,
    /// a bad first message) answers before it has read the stream, and the client's write or
    /// completion then fails with whatever the transport saw (often Cancelled); the call's answer
    /// is the server's status, so that is what the case asserts.
    /// </summary>
    private static async Task SendThenAnswerAsync<TRequest, TResponse>(AsyncClientStreamingCall<TRequest, TResponse> call, TRequest message)
    {
        try
        {
            await call.RequestStream.WriteAsync(message);
            await call.RequestStream.CompleteAsync();
        }
        catch (Exception e) when (e is RpcException or InvalidOperationException)
        {
            // The answer below carries the server's status.
        }
        await call.ResponseAsync;
    }

    [Theory]
    [MemberData(nameof(AllCases))]
    public async Task Invalid_input_is_InvalidArgument_with_field_violations_and_writes_nothing(Case invalid)
    {
        var before = await suite.RowCountsAsync();

        var error = await Should.ThrowAsync<RpcException>(() => invalid.Call(suite.Clients));

        error.StatusCode.ShouldBe(StatusCode.InvalidArgument);
        var badRequest = error.GetRpcStatus()?.GetDetail<BadRequest>();
        badRequest.ShouldNotBeNull("the status carries google.rpc.BadRequest details");
        badRequest.FieldViolations.Select(v => v.Field).Distinct().Order().ShouldBe(invalid.Fields.Order());
        badRequest.FieldViolations.ShouldAllBe(v => v.Description.Length > 0);
        error.Status.Detail.ShouldNotContain("   at ");
        (await suite.RowCountsAsync()).ShouldBe(before);
    }

    [Fact]
    public void Every_rpc_of_every_service_has_an_invalid_input_case()
    {
        ServiceDescriptor[] services = [CohortService.Descriptor, OutcomeService.Descriptor, PaymentService.Descriptor];
        var rpcs = services.SelectMany(s => s.Methods.Select(m => $"{s.File.Package.Split('.')[1]}.{m.Name}"));
        Cases.Select(c => c.Rpc).Order().ShouldBe(rpcs.Order());
    }

    [Fact]
    public async Task An_ineligible_citizen_is_refused_by_field_and_nothing_is_written()
    {
        var slice = await ThinSlice.RunAsync(suite.Clients, TestCitizens.UniqueReference("ineligible"), TestCitizens.Cpr(3), TextWriter.Null);
        var before = await suite.RowCountsAsync();

        var error = await Should.ThrowAsync<RpcException>(suite.Clients.Cohort.HandOverCitizenAsync(new HandOverCitizenRequest
        {
            PartnershipId = slice.Partnership.PartnershipId,
            Cpr = TestCitizens.Cpr(4),
            HandoverDate = ThinSlice.Day(2024, 1, 2),
            BenefitType = Protos.Cohort.V1.BenefitType.CashBenefit,
            WeeksSickListed = 26,
            CaseReference = "HAD-2024-0002",
        }, deadline: SuiteClients.Deadline()).ResponseAsync);

        error.StatusCode.ShouldBe(StatusCode.InvalidArgument);
        error.GetRpcStatus()!.GetDetail<BadRequest>().FieldViolations.Select(v => v.Field).Order()
            .ShouldBe(["benefit_type", "handover_date", "weeks_sick_listed"]);
        (await suite.RowCountsAsync()).ShouldBe(before);
    }
}
