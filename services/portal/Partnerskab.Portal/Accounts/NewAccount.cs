using System.Text.RegularExpressions;

namespace Partnerskab.Portal.Accounts;

/// <summary>What an administrator (or deploy/up.sh) gives to create an account.</summary>
public sealed record NewAccount(
    string UserName, string DisplayName, string Organisation, IReadOnlyList<string> Roles,
    IReadOnlyList<Guid> Partnerships, bool ActsForEveryPartnership, string Password)
{
    /// <summary>Problems that stop the account being created, in the words of the field they are about; empty when none.</summary>
    public IReadOnlyList<(string Field, string Problem)> Problems()
    {
        var problems = new List<(string, string)>();
        if (!Regex.IsMatch(UserName, "^[a-z0-9._@-]{3,64}$")) problems.Add((nameof(UserName), "UserNameInvalid"));
        if (string.IsNullOrWhiteSpace(DisplayName)) problems.Add((nameof(DisplayName), "DisplayNameRequired"));
        if (!Regex.IsMatch(Organisation, "^[0-9]{8}$")) problems.Add((nameof(Organisation), "CvrInvalid"));
        if (Roles.Count == 0 || Roles.Any(role => !PortalRoles.All.Contains(role))) problems.Add((nameof(Roles), "RolesInvalid"));
        return problems;
    }
}
