using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;
using Partnerskab.Portal.Accounts;
using Partnerskab.Portal.Formatting;
using Partnerskab.Portal.Uploads;

namespace Partnerskab.Portal.Pages.Uploads;

/// <summary>
/// An upload's job: its progress (a bar the bundled script keeps up to date, or the refresh link
/// without script), and once done each row's result with the reasons of the rejected ones, which
/// download as CSV. A job of another person, or of another kind or partnership, is 404.
/// </summary>
[PartnershipScope]
public sealed class JobModel(GatewayJobs gateway, IOptions<PortalOptions> options, IStringLocalizer<SharedResource> text) : UploadPage(options)
{
    /// <summary>At most this many rows' results are listed on the page; the download has every rejected row.</summary>
    public const int RowsShown = 1000;

    public BulkJobView Job { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(Guid job, CancellationToken cancellationToken)
    {
        if (await FindAsync(job, cancellationToken) is not { } found) return NotFound();
        Job = found;
        return Page();
    }

    /// <summary>The progress for the page's script: rows read of all, the words to show, and whether the job has finished.</summary>
    public async Task<IActionResult> OnGetStatusAsync(Guid job, CancellationToken cancellationToken)
    {
        if (await FindAsync(job, cancellationToken) is not { } found) return NotFound();
        return new JsonResult(new { rows = found.Rows, rowsRead = found.Progress.RowsRead, finished = found.Finished, text = ProgressText(found) });
    }

    public async Task<IActionResult> OnGetRejectedAsync(Guid job, CancellationToken cancellationToken)
    {
        if (await FindAsync(job, cancellationToken) is not { State: "done" }) return NotFound();
        var csv = await gateway.RejectedRowsAsync(new AccountScope(User), job, cancellationToken);
        return File(csv, "text/csv; charset=utf-8", $"afviste-raekker-{job}.csv");
    }

    public string ProgressText(BulkJobView job) => text["JobProgress_" + job.State, PortalFormat.Count(job.Progress.RowsRead, CultureInfo.CurrentCulture), PortalFormat.Count(job.Rows, CultureInfo.CurrentCulture)];

    private async Task<BulkJobView?> FindAsync(Guid job, CancellationToken cancellationToken) =>
        HasGateway && await gateway.GetAsync(new AccountScope(User), job, cancellationToken) is { } found
            && found.Kind == Kind.JobKind && found.PartnershipId == PartnershipId
            ? found
            : null;
}
