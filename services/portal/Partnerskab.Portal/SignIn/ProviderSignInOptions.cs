namespace Partnerskab.Portal.SignIn;

/// <summary>
/// The kommune's own identity provider (OpenID Connect: Entra ID, AD FS, a federation broker),
/// bound from "Portal:OpenIdConnect". Unset authority: local accounts only.
/// </summary>
public sealed class ProviderSignInOptions
{
    /// <summary>The authentication scheme, and the login provider name of linked accounts.</summary>
    public const string Scheme = "oidc";

    /// <summary>Where the redirect URI the provider must know ends: https://{portal}/signin-oidc.</summary>
    public const string CallbackPath = "/signin-oidc";

    /// <summary>Where the provider sends the browser back after signing out: https://{portal}/signout-callback-oidc.</summary>
    public const string SignedOutCallbackPath = "/signout-callback-oidc";

    /// <summary>The provider's issuer; its metadata is read from {Authority}/.well-known/openid-configuration.</summary>
    public Uri? Authority { get; set; }

    public string ClientId { get; set; } = "";
    public string ClientSecret { get; set; } = "";

    /// <summary>The scopes asked for, separated by spaces.</summary>
    public string Scopes { get; set; } = "openid profile email";

    /// <summary>The provider's name on the sign-in page's button ("Log ind med …").</summary>
    public string DisplayName { get; set; } = "kommunens log-ind";

    /// <summary>Whether the sign-in page also offers the portal's own accounts (user name and password).</summary>
    public bool LocalAccounts { get; set; } = true;

    /// <summary>The claim naming the person (their user name in the services' audit log, and the account name a first sign-in links by).</summary>
    public string UserNameClaim { get; set; } = "preferred_username";

    public string NameClaim { get; set; } = "name";

    /// <summary>The claim holding the person's roles; when the provider sends none, the person's local account decides.</summary>
    public string RoleClaim { get; set; } = "roles";

    /// <summary>The claim holding the CVR number of the person's organisation.</summary>
    public string OrganisationClaim { get; set; } = "cvr";

    /// <summary>The claim holding the partnership ids (or "*") the person may act for, one value each.</summary>
    public string PartnershipClaim { get; set; } = "partnerships";

    /// <summary>
    /// The provider's role values and the portal role each gives (e.g. "Partnerskab.Sagsbehandler" →
    /// "kommune"). Empty: the provider's values are the portal's role names themselves.
    /// </summary>
    public Dictionary<string, string> RoleValues { get; set; } = [];

    public bool Enabled => Authority is not null;

    public IReadOnlyList<string> Problems()
    {
        if (!Enabled) return [];
        var problems = new List<string>();
        if (Authority!.Scheme != Uri.UriSchemeHttps) problems.Add("Portal:OpenIdConnect:Authority must be an https address.");
        if (string.IsNullOrWhiteSpace(ClientId)) problems.Add("Configure Portal:OpenIdConnect:ClientId.");
        if (string.IsNullOrWhiteSpace(ClientSecret)) problems.Add("Configure Portal:OpenIdConnect:ClientSecret.");
        if (!Scopes.Split(' ', StringSplitOptions.RemoveEmptyEntries).Contains("openid")) problems.Add("Portal:OpenIdConnect:Scopes must hold openid.");
        problems.AddRange(RoleValues.Where(pair => !Accounts.PortalRoles.All.Contains(pair.Value))
            .Select(pair => $"Portal:OpenIdConnect:RoleValues:{pair.Key} names {pair.Value}, which is no portal role ({string.Join(", ", Accounts.PortalRoles.All)})."));
        return problems;
    }
}
