using Partnerskab.EndToEnd.Tests.Infrastructure;
using Partnerskab.Scenario;
using Shouldly;

namespace Partnerskab.EndToEnd.Tests;

[Collection(SuiteCollection.Name)]
public sealed class TracingTests(SuiteFixture suite)
{
    private const int ServerKind = 2;
    private const int ConsumerKind = 5;

    [Fact]
    public async Task One_trace_follows_a_verification_through_cohort_and_RabbitMQ_into_the_payment_consumer()
    {
        var slice = await ThinSlice.RunAsync(suite.Clients, TestCitizens.UniqueReference("trace"), TestCitizens.Cpr(5), TextWriter.Null);
        var milestoneId = slice.Milestones.ShouldHaveSingleItem().MilestoneId;

        // The verification's server span in the outcome service roots the trace; the payment
        // consumer that priced this milestone must be in the same trace.
        var spans = await suite.Traces.WaitForAsync(all =>
        {
            var verify = all.LastOrDefault(s => s.Service == "outcome" && s.Kind == ServerKind && s.Name.EndsWith("VerifyOutcomeClaim"));
            return verify is not null && all.Any(s => s.TraceId == verify.TraceId && s.Service == "payment" && s.Kind == ConsumerKind);
        });

        var root = spans.Last(s => s.Service == "outcome" && s.Kind == ServerKind && s.Name.EndsWith("VerifyOutcomeClaim"));
        var trace = spans.Where(s => s.TraceId == root.TraceId).ToList();
        trace.ShouldContain(s => s.Service == "cohort" && s.Kind == ServerKind && s.Name.EndsWith("GetFollowUpStatus"),
            "the cohort service answered the follow-up question inside the trace");
        trace.ShouldContain(s => s.Service == "outcome" && s.Name.StartsWith("outbox relay"), "the outbox relay restored the trace");
        trace.ShouldContain(s => s.Service == "payment" && s.Kind == ConsumerKind, "the payment consumer continued the trace");
        milestoneId.ShouldNotBeNullOrEmpty();
    }
}
