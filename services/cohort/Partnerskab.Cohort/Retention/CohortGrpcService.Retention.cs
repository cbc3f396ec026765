using Grpc.Core;
using Partnerskab.Protos.Cohort.V1;
using Partnerskab.ServiceDefaults;
using Partnerskab.ServiceDefaults.Errors;

namespace Partnerskab.Cohort;

public sealed partial class CohortGrpcService
{
    public override async Task<EraseExpiredCitizenDataResponse> EraseExpiredCitizenData(EraseExpiredCitizenDataRequest request, ServerCallContext context)
    {
        var v = new RequestValidator();
        var asOf = v.Date(request.AsOf, "as_of");
        // A day ahead would erase data whose retention has not passed.
        if (v.IsValid) v.Check(asOf <= retention.Today, "as_of", $"must not be after today, {retention.Today:uuuu-MM-dd}");
        v.ThrowIfInvalid();

        var run = await retention.EraseDueAsync(asOf, context.CancellationToken);
        return new EraseExpiredCitizenDataResponse { CitizensErased = run.CitizensErased, FollowUpEndedBy = run.FollowUpEndedBy.ToProto() };
    }
}
