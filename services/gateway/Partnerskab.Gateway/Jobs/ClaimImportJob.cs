using System.Text.Json.Nodes;
using Google.Protobuf;
using Google.Protobuf.Reflection;
using Partnerskab.Protos.Outcome.V1;

namespace Partnerskab.Gateway.Jobs;

/// <summary>
/// The provider's outcome claims, each sent to the outcome service's ClaimOutcome. A claim is
/// idempotent by its claim reference, so a row sent again is answered UNCHANGED, never claimed twice.
/// </summary>
public sealed class ClaimImportJob(OutcomeService.OutcomeServiceClient outcome) : JobKind
{
    public const string KindName = "claims";

    public override string Name => KindName;

    public override IReadOnlyList<JobColumn> Columns { get; } =
    [
        new("citizenId", "citizenId"),
        new("claimReference", "claimReference"),
        new("kind", "kind"),
        new("outcomeDate", "outcomeDate"),
        new("hoursPerWeek", "hoursPerWeekHundredths", Hundredths: true),
        new("employerCvr", "employerCvr"),
        new("evidenceReference", "evidenceReference"),
    ];

    public override MessageDescriptor Row => ClaimOutcomeRequest.Descriptor;

    /// <summary>A row a chunk: each claim's result is kept as soon as it is known.</summary>
    public override int ChunkRows => 1;

    public override bool ChunksMayOverlap => false;

    /// <summary>The service has no dry run of this call: a validation only reads the rows.</summary>
    public override bool HasDryRun => false;

    public override string? ReferenceOf(JsonObject? fields) => Text(fields, "claimReference");

    public override Task<IReadOnlyList<JobRowResult>> RunAsync(JobCall call, IReadOnlyList<(int RowNumber, IMessage Row)> rows, CancellationToken cancellationToken) =>
        EachRowAsync(rows, async row =>
        {
            var request = ((ClaimOutcomeRequest)row).Clone();
            request.PartnershipId = call.Target;
            var answer = await outcome.ClaimOutcomeAsync(request, call.Headers, Deadline(), cancellationToken);
            return (answer.Created ? JobRowResult.Accepted : JobRowResult.Unchanged, answer.Claim.CitizenId);
        }, row => ((ClaimOutcomeRequest)row).ClaimReference);
}
