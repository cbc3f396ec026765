using Grpc.Core;
using Partnerskab.Cohort.Advisors;
using Partnerskab.Cohort.Exits;
using Partnerskab.Cohort.Handover;
using Partnerskab.Cohort.Import;
using Partnerskab.Cohort.Partnerships;
using Partnerskab.Cohort.Persistence;
using Partnerskab.Cohort.Queries;
using Partnerskab.Cohort.Retention;
using Partnerskab.ServiceDefaults.Audit;
using Partnerskab.ServiceDefaults.Hosting;
using Partnerskab.Protos.Cohort.V1;

namespace Partnerskab.Cohort;

/// <summary>
/// The cohort service's gRPC API: it only hands each call to its RPC's handler, which lives in
/// the feature folder beside that feature's rules and persistence.
/// </summary>
public sealed class CohortGrpcService(IServiceProvider handlers) : CohortService.CohortServiceBase
{
    public override Task<CreatePartnershipResponse> CreatePartnership(CreatePartnershipRequest request, ServerCallContext context) =>
        Handler<CreatePartnershipHandler>().HandleAsync(request, context);

    public override Task<AmendPartnershipResponse> AmendPartnership(AmendPartnershipRequest request, ServerCallContext context) =>
        Handler<AmendPartnershipHandler>().HandleAsync(request, context);

    public override Task<GetPartnershipResponse> GetPartnership(GetPartnershipRequest request, ServerCallContext context) =>
        Handler<GetPartnershipHandler>().HandleAsync(request, context);

    public override Task<ListPartnershipsResponse> ListPartnerships(ListPartnershipsRequest request, ServerCallContext context) =>
        Handler<ListPartnershipsHandler>().HandleAsync(request, context);

    public override Task<ListPartnershipVersionsResponse> ListPartnershipVersions(ListPartnershipVersionsRequest request, ServerCallContext context) =>
        Handler<ListPartnershipVersionsHandler>().HandleAsync(request, context);

    public override Task<HandOverCitizenResponse> HandOverCitizen(HandOverCitizenRequest request, ServerCallContext context) =>
        Handler<HandOverCitizenHandler>().HandleAsync(request, context);

    public override Task<ImportCitizensResponse> ImportCitizens(IAsyncStreamReader<ImportCitizensRequest> requestStream, ServerCallContext context) =>
        Handler<ImportCitizensHandler>().HandleAsync(requestStream, context);

    public override Task<RecordExitResponse> RecordExit(RecordExitRequest request, ServerCallContext context) =>
        Handler<RecordExitHandler>().HandleAsync(request, context);

    public override Task<AssignAdvisorResponse> AssignAdvisor(AssignAdvisorRequest request, ServerCallContext context) =>
        Handler<AssignAdvisorHandler>().HandleAsync(request, context);

    public override Task<GetCitizenResponse> GetCitizen(GetCitizenRequest request, ServerCallContext context) =>
        Handler<GetCitizenHandler>().HandleAsync(request, context);

    public override Task<ListCitizensResponse> ListCitizens(ListCitizensRequest request, ServerCallContext context) =>
        Handler<ListCitizensHandler>().HandleAsync(request, context);

    public override Task<GetFollowUpStatusResponse> GetFollowUpStatus(GetFollowUpStatusRequest request, ServerCallContext context) =>
        Handler<GetFollowUpStatusHandler>().HandleAsync(request, context);

    public override Task<CountCitizensResponse> CountCitizens(CountCitizensRequest request, ServerCallContext context) =>
        Handler<CountCitizensHandler>().HandleAsync(request, context);

    public override Task<ListAuditEntriesResponse> ListAuditEntries(ListAuditEntriesRequest request, ServerCallContext context) =>
        Handler<ListAuditEntriesHandler<CohortDbContext>>().HandleAsync<ListAuditEntriesResponse>(request, context);

    public override Task<EraseExpiredCitizenDataResponse> EraseExpiredCitizenData(EraseExpiredCitizenDataRequest request, ServerCallContext context) =>
        Handler<EraseExpiredCitizenDataHandler>().HandleAsync(request, context);

    private T Handler<T>() where T : notnull => handlers.GetRequiredService<T>();
}

public static class CohortRpcHandlers
{
    /// <summary>The handler of every RPC, one per call (each holds the call's database context).</summary>
    public static IServiceCollection AddCohortRpcHandlers(this IServiceCollection services) => services
        .AddScoped<CreatePartnershipHandler>()
        .AddScoped<AmendPartnershipHandler>()
        .AddScoped<GetPartnershipHandler>()
        .AddScoped<ListPartnershipsHandler>()
        .AddScoped<ListPartnershipVersionsHandler>()
        .AddScoped<HandOverCitizenHandler>()
        .AddScoped<ImportCitizensHandler>()
        .AddScoped<RecordExitHandler>()
        .AddScoped<AssignAdvisorHandler>()
        .AddScoped<GetCitizenHandler>()
        .AddScoped<ListCitizensHandler>()
        .AddScoped<GetFollowUpStatusHandler>()
        .AddScoped<CountCitizensHandler>()
        .AddScoped<ListAuditEntriesHandler<CohortDbContext>>()
        .AddScoped<EraseExpiredCitizenDataHandler>()
        .AddScoped<IWarmUp, CohortWarmUp>();
}
