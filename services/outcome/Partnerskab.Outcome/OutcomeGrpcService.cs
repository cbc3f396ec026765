using Grpc.Core;
using Partnerskab.Outcome.BusinessCase;
using Partnerskab.Outcome.Comparison;
using Partnerskab.Outcome.Checkpoints;
using Partnerskab.Outcome.Claims;
using Partnerskab.Outcome.Deliverables;
using Partnerskab.Outcome.FollowUp;
using Partnerskab.Outcome.Milestones;
using Partnerskab.Outcome.Persistence;
using Partnerskab.Outcome.Reports;
using Partnerskab.Outcome.Timeline;
using Partnerskab.ServiceDefaults.Audit;
using Partnerskab.ServiceDefaults.Hosting;
using Partnerskab.ServiceDefaults.Recording;
using Partnerskab.Protos.Outcome.V1;

namespace Partnerskab.Outcome;

/// <summary>
/// The outcome service's gRPC API: it only hands each call to its RPC's handler, which lives in
/// the feature folder beside that feature's rules and persistence.
/// </summary>
public sealed class OutcomeGrpcService(IServiceProvider handlers) : OutcomeService.OutcomeServiceBase
{
    public override Task<SetMilestoneDefinitionsResponse> SetMilestoneDefinitions(SetMilestoneDefinitionsRequest request, ServerCallContext context) =>
        Handler<SetMilestoneDefinitionsHandler>().HandleAsync(request, context);

    public override Task<GetMilestoneDefinitionsResponse> GetMilestoneDefinitions(GetMilestoneDefinitionsRequest request, ServerCallContext context) =>
        Handler<GetMilestoneDefinitionsHandler>().HandleAsync(request, context);

    public override Task<ClaimOutcomeResponse> ClaimOutcome(ClaimOutcomeRequest request, ServerCallContext context) =>
        Handler<ClaimOutcomeHandler>().HandleAsync(request, context);

    public override Task<VerifyOutcomeClaimResponse> VerifyOutcomeClaim(VerifyOutcomeClaimRequest request, ServerCallContext context) =>
        Handler<VerifyOutcomeClaimHandler>().HandleAsync(request, context);

    public override Task<RejectOutcomeClaimResponse> RejectOutcomeClaim(RejectOutcomeClaimRequest request, ServerCallContext context) =>
        Handler<RejectOutcomeClaimHandler>().HandleAsync(request, context);

    public override Task<CorrectOutcomeClaimResponse> CorrectOutcomeClaim(CorrectOutcomeClaimRequest request, ServerCallContext context) =>
        Handler<CorrectOutcomeClaimHandler>().HandleAsync(request, context);

    public override Task<RevokeOutcomeClaimResponse> RevokeOutcomeClaim(RevokeOutcomeClaimRequest request, ServerCallContext context) =>
        Handler<RevokeOutcomeClaimHandler>().HandleAsync(request, context);

    public override Task<GetOutcomeClaimResponse> GetOutcomeClaim(GetOutcomeClaimRequest request, ServerCallContext context) =>
        Handler<GetOutcomeClaimHandler>().HandleAsync(request, context);

    public override Task<ListOutcomeClaimsResponse> ListOutcomeClaims(ListOutcomeClaimsRequest request, ServerCallContext context) =>
        Handler<ListOutcomeClaimsHandler>().HandleAsync(request, context);

    public override Task<ReportDeliverableResponse> ReportDeliverable(ReportDeliverableRequest request, ServerCallContext context) =>
        Handler<ReportDeliverableHandler>().HandleAsync(request, context);

    public override Task<ReportWeeklyStatusesResponse> ReportWeeklyStatuses(IAsyncStreamReader<ReportWeeklyStatusesRequest> requestStream, ServerCallContext context) =>
        Handler<ReportWeeklyStatusesHandler>().HandleAsync(requestStream, context);

    public override Task<GetTimelineResponse> GetTimeline(GetTimelineRequest request, ServerCallContext context) =>
        Handler<GetTimelineHandler>().HandleAsync(request, context);

    public override Task<ListMilestonesResponse> ListMilestones(ListMilestonesRequest request, ServerCallContext context) =>
        Handler<ListMilestonesHandler>().HandleAsync(request, context);

    public override Task<SetFollowUpPlanResponse> SetFollowUpPlan(SetFollowUpPlanRequest request, ServerCallContext context) =>
        Handler<SetFollowUpPlanHandler>().HandleAsync(request, context);

    public override Task<GetFollowUpPlanResponse> GetFollowUpPlan(GetFollowUpPlanRequest request, ServerCallContext context) =>
        Handler<GetFollowUpPlanHandler>().HandleAsync(request, context);

    public override Task<RecordContactResponse> RecordContact(RecordContactRequest request, ServerCallContext context) =>
        Handler<RecordContactHandler>().HandleAsync(request, context);

    public override Task<GetFollowUpScheduleResponse> GetFollowUpSchedule(GetFollowUpScheduleRequest request, ServerCallContext context) =>
        Handler<GetFollowUpScheduleHandler>().HandleAsync(request, context);

    public override Task<GetWorklistResponse> GetWorklist(GetWorklistRequest request, ServerCallContext context) =>
        Handler<GetWorklistHandler>().HandleAsync(request, context);

    public override Task<SetKpiTargetsResponse> SetKpiTargets(SetKpiTargetsRequest request, ServerCallContext context) =>
        Handler<SetKpiTargetsHandler>().HandleAsync(request, context);

    public override Task<GetKpiTargetsResponse> GetKpiTargets(GetKpiTargetsRequest request, ServerCallContext context) =>
        Handler<GetKpiTargetsHandler>().HandleAsync(request, context);

    public override Task<SetBusinessCaseInputsResponse> SetBusinessCaseInputs(SetBusinessCaseInputsRequest request, ServerCallContext context) =>
        Handler<SetBusinessCaseInputsHandler>().HandleAsync(request, context);

    public override Task<GetBusinessCaseResponse> GetBusinessCase(GetBusinessCaseRequest request, ServerCallContext context) =>
        Handler<GetBusinessCaseHandler>().HandleAsync(request, context);

    public override Task<RegisterComparisonCitizensResponse> RegisterComparisonCitizens(RegisterComparisonCitizensRequest request, ServerCallContext context) =>
        Handler<RegisterComparisonCitizensHandler>().HandleAsync(request, context);

    public override Task<GetCommitteeReportResponse> GetCommitteeReport(GetCommitteeReportRequest request, ServerCallContext context) =>
        Handler<GetCommitteeReportHandler>().HandleAsync(request, context);

    public override Task<ListAuditEntriesResponse> ListAuditEntries(ListAuditEntriesRequest request, ServerCallContext context) =>
        Handler<ListAuditEntriesHandler<OutcomeDbContext>>().HandleAsync<ListAuditEntriesResponse>(request, context);

    private T Handler<T>() where T : notnull => handlers.GetRequiredService<T>();
}

public static class OutcomeRpcHandlers
{
    /// <summary>The handler of every RPC and what several of them share, one per call (each holds the call's database context).</summary>
    public static IServiceCollection AddOutcomeRpcHandlers(this IServiceCollection services) => services
        .AddScoped<MilestoneRecalculation>()
        .AddScoped<FollowUpLookup>()
        .AddScoped<KeptReads>()
        .AddHostedService<KeptReadsUpkeep>()
        .AddScoped<ClaimDecisions>()
        .AddScoped<IRecordedScopeLookup, ClaimPartnershipLookup>()
        .AddScoped<SetMilestoneDefinitionsHandler>()
        .AddScoped<GetMilestoneDefinitionsHandler>()
        .AddScoped<ClaimOutcomeHandler>()
        .AddScoped<VerifyOutcomeClaimHandler>()
        .AddScoped<RejectOutcomeClaimHandler>()
        .AddScoped<CorrectOutcomeClaimHandler>()
        .AddScoped<RevokeOutcomeClaimHandler>()
        .AddScoped<GetOutcomeClaimHandler>()
        .AddScoped<ListOutcomeClaimsHandler>()
        .AddScoped<ReportDeliverableHandler>()
        .AddScoped<ReportWeeklyStatusesHandler>()
        .AddScoped<GetTimelineHandler>()
        .AddScoped<ListMilestonesHandler>()
        .AddScoped<SetFollowUpPlanHandler>()
        .AddScoped<GetFollowUpPlanHandler>()
        .AddScoped<RecordContactHandler>()
        .AddScoped<GetFollowUpScheduleHandler>()
        .AddScoped<GetWorklistHandler>()
        .AddScoped<SetKpiTargetsHandler>()
        .AddScoped<GetKpiTargetsHandler>()
        .AddScoped<GetCommitteeReportHandler>()
        .AddScoped<SetBusinessCaseInputsHandler>()
        .AddScoped<GetBusinessCaseHandler>()
        .AddScoped<ComparisonStatuses>()
        .AddScoped<RegisterComparisonCitizensHandler>()
        .AddScoped<ListAuditEntriesHandler<OutcomeDbContext>>()
        .AddScoped<IWarmUp, OutcomeWarmUp>();
}
