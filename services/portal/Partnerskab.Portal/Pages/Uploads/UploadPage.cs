using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Options;
using Partnerskab.Portal.Uploads;

namespace Partnerskab.Portal.Pages.Uploads;

/// <summary>
/// A page about one kind of upload of one partnership (route values "id" and "kind"): an unknown
/// kind is 404, a person without the kind's role 403, before anything is asked of the gateway.
/// </summary>
public abstract class UploadPage(IOptions<PortalOptions> options) : PageModel
{
    public Guid PartnershipId { get; private set; }
    public UploadKind Kind { get; private set; } = UploadKind.Citizens;

    /// <summary>Whether the portal knows a gateway to run the jobs; the page says so when not.</summary>
    public bool HasGateway { get; } = options.Value.GatewayUrl is not null;

    public override void OnPageHandlerExecuting(PageHandlerExecutingContext context)
    {
        if (UploadKind.FromSlug(RouteData.Values["kind"] as string) is not { } kind)
        {
            context.Result = NotFound();
            return;
        }
        if (!User.IsInRole(kind.Role))
        {
            context.Result = StatusCode(StatusCodes.Status403Forbidden);
            return;
        }
        Kind = kind;
        PartnershipId = Guid.Parse((string)RouteData.Values["id"]!);
    }
}
