using Partnerskab.Tokens;

namespace Partnerskab.Portal.Accounts;

/// <summary>The roles an account can hold: the suite's roles for people, and the portal's own administrator.</summary>
public static class PortalRoles
{
    /// <summary>Creates accounts and gives them roles and partnerships; carries no rights in the services.</summary>
    public const string Administrator = "administrator";

    public static IReadOnlyList<string> All { get; } = [.. SuiteRoles.Outside, Administrator];
}
