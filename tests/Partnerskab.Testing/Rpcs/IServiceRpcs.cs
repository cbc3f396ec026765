using Google.Protobuf.Reflection;
using Grpc.Core;
using Partnerskab.Testing.InProcess;

namespace Partnerskab.Testing.Rpcs;

/// <summary>A service's RPCs as <see cref="RpcRulesTests{TEntryPoint, TClient, TRpcs}"/> checks them.</summary>
public interface IServiceRpcs<TClient> where TClient : ClientBase<TClient>
{
    static abstract ServiceDescriptor Service { get; }

    /// <summary>One invalid-input case an RPC, named "{service}.{Rpc}".</summary>
    static abstract IReadOnlyList<RpcCase<InProcessClient<TClient>>> Cases { get; }

    /// <summary>
    /// The outside roles that may call each RPC, space-separated; written out apart from the
    /// service's policy, so a policy change has to be made twice, on purpose.
    /// </summary>
    static abstract IReadOnlyDictionary<string, string> RolesAllowed { get; }
}

/// <summary>Role lists that many RPCs share, for <see cref="IServiceRpcs{TClient}.RolesAllowed"/>.</summary>
public static class AllowedRoles
{
    /// <summary>Everyone who reads counts and aggregates of a partnership.</summary>
    public const string Aggregate = "kommune provider finance committee investor";
}
