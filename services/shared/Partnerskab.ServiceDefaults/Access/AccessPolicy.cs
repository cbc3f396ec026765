namespace Partnerskab.ServiceDefaults.Access;

/// <summary>
/// Which roles may call each RPC of one gRPC service. An RPC the policy does not list is refused
/// to everyone, so a new RPC is closed until someone decides who may call it.
/// </summary>
public sealed class AccessPolicy(string serviceFullName, IReadOnlyDictionary<string, string[]> rolesByMethod)
{
    public string ServiceFullName { get; } = serviceFullName;

    public IReadOnlyDictionary<string, string[]> RolesByMethod { get; } = rolesByMethod;

    /// <summary>True when the policy governs the call's service at all (health and reflection are not ours).</summary>
    public bool Governs(string grpcMethod) => grpcMethod.StartsWith($"/{ServiceFullName}/", StringComparison.Ordinal);

    public IReadOnlyList<string> AllowedRoles(string grpcMethod) =>
        RolesByMethod.TryGetValue(grpcMethod[(ServiceFullName.Length + 2)..], out var roles) ? roles : [];
}
