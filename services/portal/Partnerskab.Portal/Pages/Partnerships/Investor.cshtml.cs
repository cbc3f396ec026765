using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;
using Partnerskab.Imports.BankStatements;
using Partnerskab.Portal.Accounts;
using Partnerskab.Portal.Calling;
using Partnerskab.Portal.Forms;
using Partnerskab.Portal.Hosting;
using Partnerskab.Protos.Payment.V1;
using Partnerskab.ServiceDefaults;
using Partnerskab.Tokens;

namespace Partnerskab.Portal.Pages.Partnerships;

/// <summary>
/// The investor's position as of a date: capital committed, drawn, repaid and outstanding, the
/// multiple on invested capital and the internal rate of return (or why there is none), for the
/// investor, the committee and finance. Finance also sees the dated cash flows and records one.
/// </summary>
[Authorize(Roles = $"{SuiteRoles.Investor},{SuiteRoles.Committee},{SuiteRoles.Finance}")]
[PartnershipScope]
public sealed class InvestorModel(PaymentService.PaymentServiceClient payment, IStringLocalizer<SharedResource> text, CopenhagenCalendar calendar)
    : PartnershipReportPage(calendar)
{
    public static IReadOnlyList<InvestorCashFlowKind> Kinds { get; } = [.. Enum.GetValues<InvestorCashFlowKind>().Where(k => k != InvestorCashFlowKind.Unspecified)];

    public override bool ReadsKnownOn => false;

    public GetInvestorPositionResponse? Position { get; private set; }

    /// <summary>Finance's view: the cash flows dated by the date (the service gives them to finance only).</summary>
    public IReadOnlyList<InvestorCashFlow>? CashFlows { get; private set; }

    public bool RecordsCashFlows => User.IsInRole(SuiteRoles.Finance);

    public FormProblems Problems { get; } = new();
    public RecordedCashFlowForm Form { get; private set; } = new("", "", "", "", "");

    /// <summary>After a recorded cash flow's redirect: its reference, and whether it was new.</summary>
    public (string Reference, bool Created)? Recorded { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid id, string? dato, string? registreret, bool? ny, CancellationToken cancellationToken)
    {
        if (registreret is { Length: > 0 }) Recorded = (registreret, ny ?? false);
        if (ReadDays(id, dato, null)) await LoadAsync(cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid id, [FromForm] string? kind, [FromForm(Name = "occurred_on")] string? occurredOn,
        [FromForm] string? amount, [FromForm] string? reference, [FromForm] string? note, CancellationToken cancellationToken)
    {
        if (!RecordsCashFlows) return StatusCode(StatusCodes.Status403Forbidden);
        Form = new(kind ?? "", occurredOn ?? "", amount ?? "", reference ?? "", note ?? "");
        var chosen = Enum.TryParse<InvestorCashFlowKind>(kind, out var parsed) && Kinds.Contains(parsed) ? parsed : InvestorCashFlowKind.Unspecified;
        if (chosen == InvestorCashFlowKind.Unspecified) Problems.Add("kind", text["CashFlowKindRequired"]);
        var day = Problems.Date(occurredOn, "occurred_on", text["DateRequired"]);
        var ore = BankStatementCsv.Ore(amount ?? "");
        if (ore is null) Problems.Add("amount_ore", text["AmountInvalid"]);
        RecordInvestorCashFlowResponse? recorded = null;
        await Problems.TryAsync(async () => recorded = await payment.RecordInvestorCashFlowAsync(new RecordInvestorCashFlowRequest
        {
            PartnershipId = id.ToString(), Kind = chosen, OccurredOn = day!.Value.ToProto(), AmountOre = ore!.Value, Reference = reference ?? "", Note = note ?? "",
        }, deadline: SuiteClientsRegistration.Deadline(), cancellationToken: cancellationToken));
        if (recorded is not null) return RedirectToPage(new { id, registreret = recorded.CashFlow.Reference, ny = recorded.Created });

        Response.StatusCode = StatusCodes.Status400BadRequest;
        ReadDays(id, null, null);
        await LoadAsync(cancellationToken);
        return Page();
    }

    private async Task LoadAsync(CancellationToken cancellationToken)
    {
        var id = PartnershipId.ToString();
        var asOf = Days.AsOf.ToProto();
        var position = payment.GetInvestorPositionAsync(new GetInvestorPositionRequest { PartnershipId = id, AsOf = asOf },
            deadline: SuiteClientsRegistration.Deadline(), cancellationToken: cancellationToken);
        if (RecordsCashFlows)
        {
            CashFlows = (await payment.ListInvestorCashFlowsAsync(new ListInvestorCashFlowsRequest { PartnershipId = id, AsOf = asOf },
                deadline: SuiteClientsRegistration.Deadline(), cancellationToken: cancellationToken)).CashFlows;
        }
        Position = await position;
    }
}

/// <summary>The cash flow form as typed, shown again when it is refused.</summary>
public sealed record RecordedCashFlowForm(string Kind, string OccurredOn, string Amount, string Reference, string Note);
