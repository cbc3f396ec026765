using Grpc.Core;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Partnerskab.Operations;
using Partnerskab.Portal.Calling;
using Partnerskab.Portal.Finance;
using Partnerskab.Portal.Hosting;
using Partnerskab.Portal.Operations;
using Partnerskab.Protos.Cohort.V1;
using Partnerskab.ServiceDefaults;
using Partnerskab.Tokens;

namespace Partnerskab.Portal.Pages.Operations;

/// <summary>
/// The operator's page: messages parked in the consumers' error queues (listed, replayed one by
/// one) and the retention job (cohort's EraseExpiredCitizenData, as of a day not after today).
/// </summary>
[Authorize(Roles = SuiteRoles.Operator)]
public sealed class OperationsIndexModel(ParkedMessages parked, CohortService.CohortServiceClient cohort, CopenhagenCalendar calendar, IStringLocalizer<SharedResource> localizer) : PageModel
{
    public bool BrokerConfigured => parked.Configured;
    public IReadOnlyList<ParkedMessage> Parked { get; private set; } = [];
    public DateField RetentionDay { get; private set; } = DateField.Read(null);
    public IReadOnlyList<string> Problems { get; private set; } = [];

    /// <summary>After a replay: how many messages went back to their queue.</summary>
    public int? Replayed { get; private set; }

    /// <summary>After the retention job: how many citizens it erased, and the last follow-up end it covered.</summary>
    public int? Erased { get; private set; }
    public NodaTime.LocalDate? ErasedThrough { get; private set; }

    public async Task OnGetAsync(int? sendtIgen, int? slettet, string? til, CancellationToken cancellationToken)
    {
        Replayed = sendtIgen;
        Erased = slettet;
        ErasedThrough = DateField.Read(til).Value;
        await LoadAsync(null, cancellationToken);
    }

    public async Task<IActionResult> OnPostReplayAsync(string? queue, string? messageId, CancellationToken cancellationToken)
    {
        if (queue is null || !ParkedMessages.IsConsumerQueue(queue) || !Guid.TryParse(messageId, out var id))
        {
            return await RefusedAsync(["ReplayInvalid"], null, cancellationToken);
        }
        var replayed = await parked.ReplayAsync(queue, id, cancellationToken);
        return RedirectToPage(new { sendtIgen = replayed });
    }

    public async Task<IActionResult> OnPostEraseAsync(string? dato, CancellationToken cancellationToken)
    {
        var day = DateField.Read(dato, calendar.Today());
        if (day.Value is not { } asOf) return await RefusedAsync(["RetentionDayInvalid"], day, cancellationToken);
        try
        {
            var erased = await cohort.EraseExpiredCitizenDataAsync(new EraseExpiredCitizenDataRequest { AsOf = asOf.ToProto() },
                deadline: SuiteClientsRegistration.Deadline(), cancellationToken: cancellationToken);
            var through = erased.FollowUpEndedBy;
            return RedirectToPage(new { slettet = erased.CitizensErased, til = $"{through.Year:0000}-{through.Month:00}-{through.Day:00}" });
        }
        catch (RpcException e) when (ServiceRefusal.Problems(e, localizer) is { } problems)
        {
            return await RefusedAsync(problems, day, cancellationToken);
        }
    }

    private async Task<IActionResult> RefusedAsync(IReadOnlyList<string> problems, DateField? day, CancellationToken cancellationToken)
    {
        Problems = problems;
        await LoadAsync(day, cancellationToken);
        Response.StatusCode = StatusCodes.Status400BadRequest;
        return Page();
    }

    private async Task LoadAsync(DateField? day, CancellationToken cancellationToken)
    {
        RetentionDay = day ?? DateField.Read(null, calendar.Today());
        if (parked.Configured) Parked = await parked.ListAsync(cancellationToken);
    }
}
