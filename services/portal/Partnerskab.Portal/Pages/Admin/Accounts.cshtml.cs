using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Partnerskab.Portal.Accounts;

namespace Partnerskab.Portal.Pages.Admin;

/// <summary>The administrator's page: the accounts, and a form to create one with roles, organisation and partnerships.</summary>
[Authorize(Policy = PortalRoles.Administrator)]
public sealed class AccountsModel(AccountRegistry registry) : PageModel
{
    /// <summary>The form as posted, shown again when it was refused (never the password).</summary>
    public sealed record AccountForm(string UserName, string DisplayName, string Organisation, IReadOnlyList<string> Roles, string Partnerships, bool EveryPartnership);

    public IReadOnlyList<(PortalUser User, IList<string> Roles)> Accounts { get; private set; } = [];
    public AccountForm Form { get; private set; } = new("", "", "", [], "", false);
    public IReadOnlyList<string> Problems { get; private set; } = [];
    public string? Created { get; private set; }

    public async Task OnGetAsync(string? created)
    {
        Created = created;
        Accounts = await registry.ListAsync();
    }

    public async Task<IActionResult> OnPostAsync(string? userName, string? displayName, string? organisation, string[]? roles,
        string? partnerships, bool everyPartnership, string? password)
    {
        Form = new AccountForm(userName?.Trim() ?? "", displayName?.Trim() ?? "", organisation?.Trim() ?? "", roles ?? [], partnerships ?? "", everyPartnership);
        var ids = Form.Partnerships.Split([',', '\n', '\r', ' '], StringSplitOptions.RemoveEmptyEntries)
            .Select(p => Guid.TryParse(p, out var id) ? id : Guid.Empty).ToList();
        Problems = ids.Contains(Guid.Empty)
            ? ["PartnershipIdsInvalid"]
            : await registry.CreateAsync(new NewAccount(Form.UserName, Form.DisplayName, Form.Organisation, Form.Roles, ids, everyPartnership, password ?? ""));
        if (Problems.Count == 0) return RedirectToPage(new { created = Form.UserName });
        Accounts = await registry.ListAsync();
        Response.StatusCode = StatusCodes.Status400BadRequest;
        return Page();
    }
}
