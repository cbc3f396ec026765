using Google.Protobuf;
using Google.Protobuf.Reflection;
using Partnerskab.Protos.Outcome.V1;

namespace Partnerskab.Gateway.Jobs;

/// <summary>Weekly statuses of one source, sent to the outcome service's ReportWeeklyStatuses stream.</summary>
public sealed class WeeklyStatusJob(OutcomeService.OutcomeServiceClient outcome) : JobKind
{
    public const string KindName = "weeklyStatuses";

    public override string Name => KindName;

    public override IReadOnlyList<JobColumn> Columns { get; } =
    [
        new("citizenId", "citizenId"),
        new("isoWeekYear", "isoWeekYear"),
        new("isoWeek", "isoWeek"),
        new("status", "status"),
        new("paidHours", "paidHoursHundredths", Hundredths: true),
    ];

    public override MessageDescriptor Row => WeeklyStatusRow.Descriptor;

    /// <summary>The source named as in the API (STATUS_SOURCE_PROVIDER), or null when it names none.</summary>
    public static string? SourceName(string? text) =>
        Sources.Values.FirstOrDefault(v => v.Number != 0 && v.Name == text)?.Name;

    private static readonly EnumDescriptor Sources = ReportWeeklyStatusesRequest.Descriptor.FindFieldByName("source").EnumType;

    public override async Task<IReadOnlyList<JobRowResult>> RunAsync(JobCall call, IReadOnlyList<(int RowNumber, IMessage Row)> rows, CancellationToken cancellationToken)
    {
        var source = (StatusSource)Sources.FindValueByName(call.StatusSource).Number;
        var response = await StreamAsync(outcome.ReportWeeklyStatuses(call.Headers, Deadline(), cancellationToken), rows, row => new ReportWeeklyStatusesRequest
        {
            PartnershipId = call.Target,
            IdempotencyKey = call.IdempotencyKey,
            Source = source,
            Row = (WeeklyStatusRow)row,
            ValidateOnly = call.ValidateOnly,
        }, cancellationToken);
        return
        [
            .. response.Results.Select(r => new JobRowResult(rows[r.RowNumber - 1].RowNumber, OutcomeName(r.Outcome), NullIfEmpty(r.CitizenId),
                null, JsonViolations(r.Violations.Select(v => (v.Field, v.Description))))),
        ];
    }

    private static string OutcomeName(StatusRowOutcome outcome) => outcome switch
    {
        StatusRowOutcome.Accepted => JobRowResult.Accepted,
        StatusRowOutcome.Unchanged => JobRowResult.Unchanged,
        _ => JobRowResult.Rejected,
    };
}
