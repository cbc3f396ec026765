namespace Partnerskab.ServiceDefaults.Audit;

/// <summary>
/// The RPCs of one gRPC service that read or write citizen-level data: every call to them, allowed
/// or refused, is written to the service's audit log. Aggregate RPCs (counts, cost reports) and
/// the audit log itself are not listed.
/// </summary>
public sealed class AuditPolicy(string serviceFullName, IReadOnlyCollection<string> citizenLevelMethods)
{
    public string ServiceFullName { get; } = serviceFullName;

    public IReadOnlyCollection<string> CitizenLevelMethods { get; } = citizenLevelMethods;

    public bool Audits(string grpcMethod) =>
        grpcMethod.StartsWith($"/{ServiceFullName}/", StringComparison.Ordinal)
        && CitizenLevelMethods.Contains(grpcMethod[(ServiceFullName.Length + 2)..]);
}
