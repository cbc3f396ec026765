using Grpc.Core;
using Partnerskab.Protos.Cohort.V1;
using Partnerskab.ServiceDefaults;
using Partnerskab.ServiceDefaults.Errors;

namespace Partnerskab.Cohort.Retention;

/// <summary>The operator erases, now, the citizens whose retention has passed as of a day (the background run does the same each night).</summary>
public sealed class EraseExpiredCitizenDataHandler(CitizenDataRetention retention)
{
    public async Task<EraseExpiredCitizenDataResponse> HandleAsync(EraseExpiredCitizenDataRequest request, ServerCallContext context)
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
