using Grpc.Core;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using NodaTime;
using Partnerskab.Portal.Accounts;
using Partnerskab.Portal.Calling;
using Partnerskab.Portal.Hosting;
using Partnerskab.Protos.Outcome.V1;
using Partnerskab.ServiceDefaults;
using Partnerskab.Tokens;

namespace Partnerskab.Portal.Pages.Citizens;

/// <summary>
/// The worklist as of today: contacts, statuses and close-outs overdue, citizens without recent
/// contact; oldest first. A partnership without a follow-up plan has no worklist yet: the page says so.
/// </summary>
[Authorize(Roles = $"{SuiteRoles.Provider},{SuiteRoles.Kommune}")]
[PartnershipScope]
public sealed class WorklistModel(OutcomeService.OutcomeServiceClient outcome, CopenhagenCalendar calendar) : PageModel
{
    public Guid PartnershipId { get; private set; }
    public LocalDate Today { get; private set; }
    public GetWorklistResponse? Worklist { get; private set; }

    public async Task OnGetAsync(Guid id, CancellationToken cancellationToken)
    {
        PartnershipId = id;
        Today = calendar.Today();
        try
        {
            Worklist = await outcome.GetWorklistAsync(new GetWorklistRequest { PartnershipId = id.ToString(), AsOf = Today.ToProto(), PageSize = 1000 },
                deadline: SuiteClientsRegistration.Deadline(), cancellationToken: cancellationToken);
        }
        catch (RpcException e) when (e.StatusCode == Grpc.Core.StatusCode.FailedPrecondition)
        {
            // No follow-up plan yet, so no worklist: the page says so.
        }
    }
}
