using Partnerskab.Protos.Outcome.V1;

namespace Partnerskab.Outcome.Timeline;

/// <summary>Weekly statuses as the API shows them.</summary>
public static class StatusProtos
{
    /// <summary>The status, or unspecified for a week no source reported.</summary>
    public static WeeklyStatus ToProto(this WeeklyStatusKind? status) => status is { } s ? (WeeklyStatus)(int)s : WeeklyStatus.Unspecified;
}
