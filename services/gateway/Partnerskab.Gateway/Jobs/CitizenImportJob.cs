using System.Text.Json.Nodes;
using Google.Protobuf;
using Google.Protobuf.Reflection;
using Microsoft.Extensions.Options;
using Partnerskab.Protos.Cohort.V1;

namespace Partnerskab.Gateway.Jobs;

/// <summary>Citizens to hand over, sent to the cohort service's ImportCitizens stream.</summary>
public sealed class CitizenImportJob(CohortService.CohortServiceClient cohort, IOptions<JobOptions> options) : JobKind
{
    public const string KindName = "citizens";

    public override string Name => KindName;

    public override IReadOnlyList<JobColumn> Columns { get; } =
    [
        new("cpr", "cpr"),
        new("handoverDate", "handoverDate"),
        new("benefitType", "benefitType"),
        new("weeksSickListed", "weeksSickListed"),
        new("caseReference", "caseReference"),
    ];

    public override MessageDescriptor Row => CitizenRow.Descriptor;

    /// <summary>A stream per <see cref="JobOptions.CitizenChunkRows"/> rows.</summary>
    public override int ChunkRows => options.Value.CitizenChunkRows;

    public override string? ReferenceOf(JsonObject? fields) => Text(fields, "caseReference");

    public override async Task<IReadOnlyList<JobRowResult>> RunAsync(JobCall call, IReadOnlyList<(int RowNumber, IMessage Row)> rows, CancellationToken cancellationToken)
    {
        var response = await StreamAsync(cohort.ImportCitizens(call.Headers, Deadline(), cancellationToken), rows, row => new ImportCitizensRequest
        {
            PartnershipId = call.Target,
            IdempotencyKey = call.IdempotencyKey,
            Row = (CitizenRow)row,
            ValidateOnly = call.ValidateOnly,
        }, cancellationToken);
        return
        [
            .. response.Results.Select(r => new JobRowResult(rows[r.RowNumber - 1].RowNumber, OutcomeName(r.Outcome), NullIfEmpty(r.CitizenId),
                NullIfEmpty(r.CaseReference), JsonViolations(r.Violations.Select(v => (v.Field, v.Description))))),
        ];
    }

    private static string OutcomeName(RowOutcome outcome) => outcome switch
    {
        RowOutcome.Accepted => JobRowResult.Accepted,
        RowOutcome.Unchanged => JobRowResult.Unchanged,
        _ => JobRowResult.Rejected,
    };
}
