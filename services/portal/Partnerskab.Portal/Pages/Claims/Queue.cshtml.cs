using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Partnerskab.Portal.Accounts;
using Partnerskab.Portal.Calling;
using Partnerskab.Portal.Forms;
using Partnerskab.Protos.Outcome.V1;
using Partnerskab.Tokens;

namespace Partnerskab.Portal.Pages.Claims;

/// <summary>
/// The kommune's queue of outcome claims awaiting verification, oldest first: each is verified,
/// or rejected with a reason, in the person's name. A refused decision is shown beside the claim.
/// </summary>
[Authorize(Roles = SuiteRoles.Kommune)]
[PartnershipScope]
public sealed class QueueModel(OutcomeService.OutcomeServiceClient outcome) : PageModel
{
    public const int PageSize = 50;

    public Guid PartnershipId { get; private set; }
    public ListOutcomeClaimsResponse Claims { get; private set; } = new();
    public string PageTokenShown { get; private set; } = "";
    /// <summary>The claim just decided (after the redirect), and how.</summary>
    public string? Verified { get; private set; }
    public string? Rejected { get; private set; }
    /// <summary>The claim whose decision was refused, what the person wrote, and why it was refused.</summary>
    public string? RefusedClaimId { get; private set; }
    public string PostedReason { get; private set; } = "";
    public FormProblems Problems { get; } = new();

    public async Task OnGetAsync(Guid id, string? side, string? godkendt, string? afvist, CancellationToken cancellationToken)
    {
        Verified = godkendt;
        Rejected = afvist;
        await LoadAsync(id, side, cancellationToken);
    }

    public async Task<IActionResult> OnPostVerifyAsync(Guid id, [FromForm(Name = "claim_id")] string? claimId, CancellationToken cancellationToken)
    {
        var verifying = new VerifyOutcomeClaimRequest { ClaimId = claimId ?? "", VerifiedBy = new AccountScope(User).UserName };
        var verified = new VerifyOutcomeClaimResponse();
        return await Problems.TryAsync(async () => verified = await outcome.VerifyOutcomeClaimAsync(verifying,
                deadline: SuiteClientsRegistration.Deadline(), cancellationToken: cancellationToken))
            ? RedirectToPage(new { id, godkendt = verified.Claim.ClaimReference })
            : await RefusedAsync(id, claimId, "", cancellationToken);
    }

    public async Task<IActionResult> OnPostRejectAsync(Guid id, [FromForm(Name = "claim_id")] string? claimId, string? reason, CancellationToken cancellationToken)
    {
        var rejecting = new RejectOutcomeClaimRequest { ClaimId = claimId ?? "", RejectedBy = new AccountScope(User).UserName, Reason = reason ?? "" };
        var rejected = new RejectOutcomeClaimResponse();
        return await Problems.TryAsync(async () => rejected = await outcome.RejectOutcomeClaimAsync(rejecting,
                deadline: SuiteClientsRegistration.Deadline(), cancellationToken: cancellationToken))
            ? RedirectToPage(new { id, afvist = rejected.Claim.ClaimReference })
            : await RefusedAsync(id, claimId, reason ?? "", cancellationToken);
    }

    private async Task<IActionResult> RefusedAsync(Guid id, string? claimId, string reason, CancellationToken cancellationToken)
    {
        RefusedClaimId = claimId;
        PostedReason = reason;
        await LoadAsync(id, null, cancellationToken);
        Response.StatusCode = StatusCodes.Status400BadRequest;
        return Page();
    }

    private async Task LoadAsync(Guid id, string? pageToken, CancellationToken cancellationToken)
    {
        PartnershipId = id;
        PageTokenShown = pageToken ?? "";
        Claims = await outcome.ListOutcomeClaimsAsync(new ListOutcomeClaimsRequest
        {
            PartnershipId = id.ToString(), Status = ClaimStatus.Claimed, PageSize = PageSize, PageToken = PageTokenShown,
        }, deadline: SuiteClientsRegistration.Deadline(), cancellationToken: cancellationToken);
    }
}
