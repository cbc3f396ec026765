using Grpc.Core;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using NodaTime;
using Partnerskab.Portal.Accounts;
using Partnerskab.Portal.Calling;
using Partnerskab.Portal.Hosting;
using Partnerskab.Portal.Reports;
using Partnerskab.Protos.Outcome.V1;
using Partnerskab.ServiceDefaults;
using Partnerskab.Tokens;

namespace Partnerskab.Portal.Pages.Citizens;

/// <summary>
/// The worklist as of today: contacts, statuses and close-outs overdue, citizens without recent
/// contact; oldest first. As known on an earlier day (?kendt=YYYY-MM-DD) it is the worklist of that
/// day as it stood then. A partnership without a follow-up plan has no worklist yet: the page says so.
/// </summary>
[Authorize(Roles = $"{SuiteRoles.Provider},{SuiteRoles.Kommune}")]
[PartnershipScope]
public sealed class WorklistModel(OutcomeService.OutcomeServiceClient outcome, CopenhagenCalendar calendar) : PageModel
{
    public Guid PartnershipId { get; private set; }
    public LocalDate AsOf { get; private set; }
    public KnownOnDay KnownOn { get; private set; } = KnownOnDay.Read(null, default);
    public GetWorklistResponse? Worklist { get; private set; }

    public async Task OnGetAsync(Guid id, string? kendt, CancellationToken cancellationToken)
    {
        PartnershipId = id;
        var today = calendar.Today();
        KnownOn = KnownOnDay.Read(kendt, today);
        AsOf = KnownOn.Value ?? today;
        if (KnownOn.Invalid)
        {
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return;
        }
        try
        {
            Worklist = await outcome.GetWorklistAsync(new GetWorklistRequest
            {
                PartnershipId = id.ToString(), AsOf = AsOf.ToProto(), KnownOn = KnownOn.Value?.ToProto(), PageSize = 1000,
            }, deadline: SuiteClientsRegistration.Deadline(), cancellationToken: cancellationToken);
        }
        catch (RpcException e) when (e.StatusCode == Grpc.Core.StatusCode.FailedPrecondition)
        {
            // No follow-up plan yet, so no worklist: the page says so.
        }
    }
}
