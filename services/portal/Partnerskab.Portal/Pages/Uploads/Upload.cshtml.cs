using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;
using Partnerskab.Portal.Accounts;
using Partnerskab.Portal.Forms;
using Partnerskab.Portal.Uploads;

namespace Partnerskab.Portal.Pages.Uploads;

/// <summary>
/// Upload a file of citizens (kommune) or weekly statuses (provider) for a partnership: it runs as
/// one of the gateway's bulk jobs, as the person, validated only or imported, and the person
/// follows it on the job's page. A file the gateway refuses whole is shown with why, and no job exists.
/// </summary>
[PartnershipScope]
public sealed class UploadModel(GatewayJobs gateway, IOptions<PortalOptions> options, IStringLocalizer<SharedResource> text) : UploadPage(options)
{
    public const string FileField = "file";
    public const string ModeField = "mode";

    public FormProblems Problems { get; } = new();
    public bool ValidateOnly { get; private set; } = true;

    public void OnGet() => NeverCached();

    public async Task<IActionResult> OnPostAsync(IFormFile? file, [FromForm] string? mode, CancellationToken cancellationToken)
    {
        NeverCached();
        ValidateOnly = mode != "import";
        if (!HasGateway) return Page();
        var mediaType = file is null || file.Length == 0 ? null : UploadKind.MediaTypeOf(file.FileName);
        if (mediaType is null)
        {
            Problems.Add(FileField, text["UploadFileRequired"]);
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }
        await using var content = file!.OpenReadStream();
        var (job, refusal) = await gateway.StartAsync(new AccountScope(User), Kind, PartnershipId, content, mediaType, ValidateOnly, cancellationToken);
        if (job is { } id) return RedirectToPage("/Uploads/Job", new { id = PartnershipId, kind = Kind.Slug, job = id });
        Problems.AddGeneral(refusal!.Detail);
        foreach (var violation in refusal.Violations) Problems.Add(FileField, $"{violation.Field}: {violation.Description}");
        Response.StatusCode = StatusCodes.Status400BadRequest;
        return Page();
    }

    /// <summary>A citizens file holds CPR numbers: no browser or proxy keeps a copy of the page.</summary>
    private void NeverCached() => Response.Headers.CacheControl = "no-store";
}
