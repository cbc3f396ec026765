using System.Security.Claims;
using Grpc.Core;
using Partnerskab.ServiceDefaults.Errors;
using Partnerskab.Tokens;

namespace Partnerskab.ServiceDefaults.Access;

/// <summary>The authenticated caller of a gRPC call: its roles and the partnerships it may act for.</summary>
public sealed class Caller(ClaimsPrincipal principal)
{
    public string Subject { get; } = principal.FindFirstValue(SuiteClaims.Subject) ?? "";
    public IReadOnlyList<string> Roles { get; } = principal.FindAll(SuiteClaims.Role).Select(c => c.Value).ToList();
    public string? Organisation { get; } = principal.FindFirstValue(SuiteClaims.Organisation);
    private readonly HashSet<string> partnerships = principal.FindAll(SuiteClaims.Partnership).Select(c => c.Value).ToHashSet();

    public bool MayActForEveryPartnership => partnerships.Contains(SuiteClaims.AllPartnerships);

    /// <summary>The partnerships the token names one by one (none for a caller acting for every partnership).</summary>
    public IReadOnlyList<Guid> Partnerships => [.. partnerships.Select(p => Guid.TryParse(p, out var id) ? id : Guid.Empty).Where(id => id != Guid.Empty)];

    public bool MayActFor(Guid partnershipId) =>
        MayActForEveryPartnership || partnerships.Contains(partnershipId.ToString());

    public bool HasRole(string role) => Roles.Contains(role);

    /// <summary>
    /// Refuses a partnership outside the caller's scope, with the same answer whether or not the
    /// partnership exists.
    /// </summary>
    public void EnsureMayActFor(Guid partnershipId)
    {
        if (!MayActFor(partnershipId))
        {
            throw new RpcException(new Status(StatusCode.PermissionDenied,
                $"The caller may not act for partnership {partnershipId}."));
        }
    }

    /// <summary>Refuses records of another organisation (an issuer's bank account) unless the caller acts for every partnership.</summary>
    public void EnsureActsForOrganisation(string cvr)
    {
        if (!MayActForEveryPartnership && Organisation != cvr)
        {
            throw new RpcException(new Status(StatusCode.PermissionDenied, $"The caller may not act for organisation {cvr}."));
        }
    }

    /// <summary>
    /// Refuses a record made in another organisation's name (a partnership whose kommune is not
    /// the caller's). A token without an organisation may do it only if it acts for every
    /// partnership, as the suite's operator does.
    /// </summary>
    public void EnsureInOwnName(string cvr, string field)
    {
        var own = Organisation is null ? MayActForEveryPartnership : Organisation == cvr;
        if (!own)
        {
            throw new RpcException(new Status(StatusCode.PermissionDenied, $"The caller may act only in its own organisation's name ({field})."));
        }
    }

    /// <summary>
    /// A record addressed by its own id (a claim) when it belongs to a partnership the caller may
    /// act for. A caller with a narrower scope gets PermissionDenied both for a record outside it
    /// and for one that does not exist, so the answer does not tell which.
    /// </summary>
    public T EnsureMayActFor<T>(T? record, Func<T, Guid> partnershipOf, string notFound) where T : class
    {
        if (record is not null && MayActFor(partnershipOf(record))) return record;
        if (record is null && MayActForEveryPartnership) throw DomainException.NotFound(notFound);
        throw new RpcException(new Status(StatusCode.PermissionDenied, "The caller may not act for this record's partnership."));
    }
}

public static class CallerExtensions
{
    public static Caller Caller(this ServerCallContext context) => new(context.GetHttpContext().User);
}
