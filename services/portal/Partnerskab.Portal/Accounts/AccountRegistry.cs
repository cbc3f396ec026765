using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace Partnerskab.Portal.Accounts;

/// <summary>Creates and lists accounts; the one way in for the administration page and the add-account command.</summary>
public sealed class AccountRegistry(UserManager<PortalUser> users, RoleManager<IdentityRole> roles, PortalDbContext db)
{
    /// <summary>The account, or the problems (resource keys or Identity's own descriptions) that kept it from being created; nothing is written then.</summary>
    public async Task<IReadOnlyList<string>> CreateAsync(NewAccount account)
    {
        var problems = account.Problems().Select(p => p.Problem).ToList();
        if (problems.Count > 0) return problems;
        foreach (var role in account.Roles.Where(role => !roles.Roles.Any(r => r.Name == role)))
        {
            await roles.CreateAsync(new IdentityRole(role));
        }
        await using var transaction = await db.Database.BeginTransactionAsync();
        var user = new PortalUser
        {
            UserName = account.UserName,
            DisplayName = account.DisplayName.Trim(),
            Organisation = account.Organisation,
            Partnerships = [.. account.Partnerships.Distinct()],
            ActsForEveryPartnership = account.ActsForEveryPartnership,
            LockoutEnabled = true,
        };
        var created = await users.CreateAsync(user, account.Password);
        if (!created.Succeeded) return [.. created.Errors.Select(e => e.Description)];
        var withRoles = await users.AddToRolesAsync(user, account.Roles.Distinct());
        if (!withRoles.Succeeded) return [.. withRoles.Errors.Select(e => e.Description)];
        await transaction.CommitAsync();
        return [];
    }

    public async Task<IReadOnlyList<(PortalUser User, IList<string> Roles)>> ListAsync()
    {
        var all = await users.Users.AsNoTracking().OrderBy(u => u.UserName).ToListAsync();
        var listed = new List<(PortalUser, IList<string>)>();
        foreach (var user in all) listed.Add((user, await users.GetRolesAsync(user)));
        return listed;
    }
}
