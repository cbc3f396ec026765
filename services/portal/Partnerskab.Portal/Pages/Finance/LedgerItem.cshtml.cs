using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Partnerskab.Portal.Accounts;
using Partnerskab.Portal.Calling;
using Partnerskab.Protos.Payment.V1;
using Partnerskab.Tokens;

namespace Partnerskab.Portal.Pages.Finance;

/// <summary>
/// Why a ledger item (an invoice line, a credit) is there, as the payment service explains it: the
/// item, the milestone it pays or takes back, what it credits, the fact that caused a credit and
/// when it was known, the documents both are on, and the day and period it was booked in.
/// </summary>
[Authorize(Roles = SuiteRoles.Finance)]
[PartnershipScope]
public sealed class LedgerItemModel(PaymentService.PaymentServiceClient payment) : PageModel
{
    public Guid PartnershipId { get; private set; }
    public ExplainLedgerItemResponse Explanation { get; private set; } = new();

    public async Task OnGetAsync(Guid id, Guid itemId, CancellationToken cancellationToken)
    {
        PartnershipId = id;
        Explanation = await payment.ExplainLedgerItemAsync(new ExplainLedgerItemRequest { PartnershipId = id.ToString(), ItemId = itemId.ToString() },
            deadline: SuiteClientsRegistration.Deadline(), cancellationToken: cancellationToken);
    }
}
