using Microsoft.AspNetCore.Identity;

namespace Partnerskab.Portal.Accounts;

/// <summary>A person's account: the organisation they work for and the partnerships they may act for. Roles are Identity roles.</summary>
public sealed class PortalUser : IdentityUser
{
    public string DisplayName { get; set; } = "";

    /// <summary>The CVR number of the person's organisation (kommune, provider, investor).</summary>
    public string Organisation { get; set; } = "";

    public List<Guid> Partnerships { get; set; } = [];

    /// <summary>For operators and auditors of the whole suite: every partnership, present and future.</summary>
    public bool ActsForEveryPartnership { get; set; }
}
