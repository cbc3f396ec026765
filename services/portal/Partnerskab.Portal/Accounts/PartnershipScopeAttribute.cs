using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;

namespace Partnerskab.Portal.Accounts;

/// <summary>
/// On a page about one partnership (route value "id"): refuses the request with 403 when the
/// partnership is outside the person's scope, before the page asks any service. The services
/// refuse it too; this keeps the answer the same whether or not the partnership exists.
/// </summary>
[AttributeUsage(AttributeTargets.Class)]
public sealed class PartnershipScopeAttribute : Attribute, IAsyncPageFilter
{
    public Task OnPageHandlerSelectionAsync(PageHandlerSelectedContext context) => Task.CompletedTask;

    public async Task OnPageHandlerExecutionAsync(PageHandlerExecutingContext context, PageHandlerExecutionDelegate next)
    {
        if (context.RouteData.Values["id"] is string id && Guid.TryParse(id, out var partnershipId)
            && new AccountScope(context.HttpContext.User).MayActFor(partnershipId))
        {
            await next();
            return;
        }
        context.Result = new StatusCodeResult(StatusCodes.Status403Forbidden);
    }
}
