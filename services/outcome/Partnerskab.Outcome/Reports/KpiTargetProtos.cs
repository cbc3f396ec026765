namespace Partnerskab.Outcome.Reports;

/// <summary>KPI targets as the API shows them, by code.</summary>
public static class KpiTargetProtos
{
    public static IEnumerable<Protos.Outcome.V1.KpiTarget> ByCode(IEnumerable<KpiTarget> targets) =>
        targets.OrderBy(t => t.Code, StringComparer.Ordinal).Select(ToProto);

    public static Protos.Outcome.V1.KpiTarget ToProto(this KpiTarget t) => new()
    {
        Code = t.Code,
        Description = t.Description,
        Measure = (Protos.Outcome.V1.KpiMeasure)(int)t.Measure,
        OutcomeKind = t.OutcomeKind is { } kind ? (Protos.Outcome.V1.OutcomeKind)(int)kind : Protos.Outcome.V1.OutcomeKind.Unspecified,
        MilestoneCode = t.MilestoneCode ?? "",
        Target = t.Target,
    };
}
