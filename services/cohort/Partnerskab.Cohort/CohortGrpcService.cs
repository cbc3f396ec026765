using NodaTime;
using Partnerskab.Cohort.Handover;
using Partnerskab.Cohort.Persistence;
using Partnerskab.Cohort.Retention;
using Partnerskab.Protos.Cohort.V1;

namespace Partnerskab.Cohort;

/// <summary>
/// The cohort service's gRPC API. Each feature folder holds its part of this partial class,
/// beside that feature's rules and persistence.
/// </summary>
public sealed partial class CohortGrpcService(CohortDbContext db, CprPseudonymizer pseudonymizer, CitizenDataRetention retention, IClock clock)
    : CohortService.CohortServiceBase
{
    /// <summary>"Today" for statuses is the kommune's calendar day.</summary>
}
