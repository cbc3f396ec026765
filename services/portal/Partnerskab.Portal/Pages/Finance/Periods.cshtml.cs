using System.Globalization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using NodaTime;
using Partnerskab.Portal.Accounts;
using Partnerskab.Portal.Calling;
using Partnerskab.Portal.Forms;
using Partnerskab.Protos.Payment.V1;
using Partnerskab.ServiceDefaults;
using Partnerskab.Tokens;

namespace Partnerskab.Portal.Pages.Finance;

/// <summary>
/// Finance's closed periods of a partnership: every invoicing period and year closed (and reopened,
/// with who, when and why), a form to close an invoiced period or a year, and one to reopen a
/// closed one for a reason. The payment service decides; its refusals are shown with the form.
/// </summary>
[Authorize(Roles = SuiteRoles.Finance)]
[PartnershipScope]
public sealed class PeriodsModel(PaymentService.PaymentServiceClient payment, IStringLocalizer<SharedResource> text) : PageModel
{
    public const string Closed = "lukket";
    public const string Reopened = "genaabnet";

    public Guid PartnershipId { get; private set; }
    public IReadOnlyList<ClosedPeriod> Periods { get; private set; } = [];
    public FormProblems CloseProblems { get; } = new();
    public FormProblems ReopenProblems { get; } = new();
    public string PeriodStart { get; private set; } = "";
    public string Year { get; private set; } = "";
    public string ReopenChoice { get; private set; } = "";
    public string Reason { get; private set; } = "";

    /// <summary>What the last post did (after its redirect): <see cref="Closed"/> or <see cref="Reopened"/>.</summary>
    public string? Done { get; private set; }

    /// <summary>The periods closed now, which may be reopened.</summary>
    public IEnumerable<ClosedPeriod> ClosedNow => Periods.Where(p => p.ReopenedAt is null);

    public Task OnGetAsync(Guid id, string? udfoert, CancellationToken cancellationToken)
    {
        Done = udfoert is Closed or Reopened ? udfoert : null;
        return LoadAsync(id, cancellationToken);
    }

    public async Task<IActionResult> OnPostCloseAsync(Guid id, [FromForm(Name = "period_start")] string? periodStart, [FromForm] string? year,
        CancellationToken cancellationToken)
    {
        PeriodStart = periodStart?.Trim() ?? "";
        Year = year?.Trim() ?? "";
        var request = new ClosePeriodRequest { PartnershipId = id.ToString() };
        if (PeriodStart.Length > 0) request.PeriodStart = CloseProblems.Date(PeriodStart, "period_start", text["DateRequired"])?.ToProto();
        if (Year.Length > 0) request.Year = CloseProblems.Number(Year, "year", 1, 9999, text["YearInvalid"]) ?? 0;
        if (PeriodStart.Length == 0 && Year.Length == 0) CloseProblems.Add("period_start", text["PeriodOrYearRequired"]);
        var done = await CloseProblems.TryAsync(() => payment.ClosePeriodAsync(request,
            deadline: SuiteClientsRegistration.Deadline(), cancellationToken: cancellationToken).ResponseAsync);
        return await AnswerAsync(id, done, Closed, cancellationToken);
    }

    public async Task<IActionResult> OnPostReopenAsync(Guid id, [FromForm] string? period, [FromForm] string? reason, CancellationToken cancellationToken)
    {
        ReopenChoice = period?.Trim() ?? "";
        Reason = reason ?? "";
        var request = new ReopenPeriodRequest { PartnershipId = id.ToString(), Reason = Reason };
        switch (ReopenChoice)
        {
            case { Length: 4 } when int.TryParse(ReopenChoice, NumberStyles.None, CultureInfo.InvariantCulture, out var closedYear):
                request.Year = closedYear;
                break;
            default:
                request.PeriodStart = ReopenProblems.Date(ReopenChoice, "period", text["ChoosePeriod"])?.ToProto();
                break;
        }
        if (string.IsNullOrWhiteSpace(Reason)) ReopenProblems.Add("reason", text["ReopenReasonRequired"]);
        var done = await ReopenProblems.TryAsync(() => payment.ReopenPeriodAsync(request,
            deadline: SuiteClientsRegistration.Deadline(), cancellationToken: cancellationToken).ResponseAsync);
        return await AnswerAsync(id, done, Reopened, cancellationToken);
    }

    /// <summary>The value of a closed period in the reopen form: its year, or its first day.</summary>
    public static string ChoiceOf(ClosedPeriod period) => period.Kind == PeriodKind.CalendarYear
        ? period.Start.Year.ToString(CultureInfo.InvariantCulture)
        : new LocalDate(period.Start.Year, period.Start.Month, period.Start.Day).ToString("uuuu-MM-dd", CultureInfo.InvariantCulture);

    private async Task<IActionResult> AnswerAsync(Guid id, bool done, string what, CancellationToken cancellationToken)
    {
        if (done) return RedirectToPage(new { id, udfoert = what });
        Response.StatusCode = StatusCodes.Status400BadRequest;
        await LoadAsync(id, cancellationToken);
        return Page();
    }

    private async Task LoadAsync(Guid id, CancellationToken cancellationToken)
    {
        PartnershipId = id;
        Periods = (await payment.ListClosedPeriodsAsync(new ListClosedPeriodsRequest { PartnershipId = id.ToString() },
            deadline: SuiteClientsRegistration.Deadline(), cancellationToken: cancellationToken)).ClosedPeriods;
    }
}
