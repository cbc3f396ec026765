using NodaTime;
using Partnerskab.Outcome.FollowUp;
using Partnerskab.Outcome.Milestones;
using Partnerskab.Outcome.Persistence;
using Partnerskab.Protos.Outcome.V1;

namespace Partnerskab.Outcome;

/// <summary>
/// The outcome service's gRPC API. Each feature folder holds its part of this partial class,
/// beside that feature's rules and persistence.
/// </summary>
public sealed partial class OutcomeGrpcService(OutcomeDbContext db, CohortLookup cohort, MilestoneRecalculation recalculation, IClock clock)
    : OutcomeService.OutcomeServiceBase;
