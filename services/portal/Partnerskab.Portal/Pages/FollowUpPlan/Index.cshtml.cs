using System.Globalization;
using Grpc.Core;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Partnerskab.Portal.Accounts;
using Partnerskab.Portal.Calling;
using Partnerskab.Portal.Forms;
using Partnerskab.Protos.Outcome.V1;
using Partnerskab.Tokens;

namespace Partnerskab.Portal.Pages.FollowUpPlan;

/// <summary>
/// The kommune's follow-up plan (how often the provider must have contact, when statuses are due,
/// when a citizen counts as left without contact) and the KPI targets the committee reads actuals
/// against: both shown as stored and set here, each form replacing what it sets as a whole.
/// </summary>
[Authorize(Roles = SuiteRoles.Kommune)]
[PartnershipScope]
public sealed class IndexModel(OutcomeService.OutcomeServiceClient outcome, IStringLocalizer<SharedResource> text) : PageModel
{
    /// <summary>Empty rows offered below the stored targets, for new ones.</summary>
    public const int BlankTargets = 2;

    public sealed record PlanForm(string ContactIntervalWeeks, string StatusCheckpointMonths, string NoContactDays);

    public static IReadOnlyList<KpiMeasure> Measures { get; } = [.. Enum.GetValues<KpiMeasure>().Where(m => m != KpiMeasure.Unspecified)];
    public static IReadOnlyList<OutcomeKind> OutcomeKinds { get; } = [.. Enum.GetValues<OutcomeKind>().Where(k => k != OutcomeKind.Unspecified)];

    public Guid PartnershipId { get; private set; }
    public bool HasPlan { get; private set; }
    public PlanForm Plan { get; private set; } = new("", "", "");
    public IReadOnlyList<KpiTarget> Targets { get; private set; } = [];
    public FormProblems PlanProblems { get; } = new();
    public FormProblems TargetProblems { get; } = new();
    public string? Saved { get; private set; }

    public async Task OnGetAsync(Guid id, string? gemt, CancellationToken cancellationToken)
    {
        Saved = gemt;
        await LoadAsync(id, plan: true, targets: true, cancellationToken);
    }

    public async Task<IActionResult> OnPostPlanAsync(Guid id, [FromForm(Name = "plan.contact_interval_weeks")] string? interval,
        [FromForm(Name = "plan.status_checkpoint_months")] string? months, [FromForm(Name = "plan.no_contact_days")] string? noContactDays,
        CancellationToken cancellationToken)
    {
        Plan = new PlanForm(interval ?? "", months ?? "", noContactDays ?? "");
        var weeks = PlanProblems.Number(interval, "plan.contact_interval_weeks", 0, 1000, text["NumberRequired"]);
        var days = PlanProblems.Number(noContactDays, "plan.no_contact_days", 0, 10_000, text["NumberRequired"]);
        var checkpoints = (months ?? "").Split([',', ' ', ';'], StringSplitOptions.RemoveEmptyEntries)
            .Select(m => int.TryParse(m, NumberStyles.None, CultureInfo.InvariantCulture, out var month) ? month : -1).ToList();
        if (checkpoints.Contains(-1)) PlanProblems.Add("plan.status_checkpoint_months", text["MonthsListRequired"]);
        if (await PlanProblems.TryAsync(() => outcome.SetFollowUpPlanAsync(new SetFollowUpPlanRequest
            {
                PartnershipId = id.ToString(),
                Plan = new Protos.Outcome.V1.FollowUpPlan { ContactIntervalWeeks = weeks!.Value, NoContactDays = days!.Value, StatusCheckpointMonths = { checkpoints } },
            }, deadline: SuiteClientsRegistration.Deadline(), cancellationToken: cancellationToken).ResponseAsync))
        {
            return RedirectToPage(new { id, gemt = "plan" });
        }
        await LoadAsync(id, plan: false, targets: true, cancellationToken);
        Response.StatusCode = StatusCodes.Status400BadRequest;
        return Page();
    }

    public async Task<IActionResult> OnPostTargetsAsync(Guid id, CancellationToken cancellationToken)
    {
        var posted = PostedTargets();
        if (await TargetProblems.TryAsync(() => outcome.SetKpiTargetsAsync(new SetKpiTargetsRequest { PartnershipId = id.ToString(), Targets = { posted } },
                deadline: SuiteClientsRegistration.Deadline(), cancellationToken: cancellationToken).ResponseAsync))
        {
            return RedirectToPage(new { id, gemt = "targets" });
        }
        await LoadAsync(id, plan: true, targets: false, cancellationToken);
        Targets = posted;
        Response.StatusCode = StatusCodes.Status400BadRequest;
        return Page();
    }

    /// <summary>
    /// The posted rows that hold anything, renumbered from 0 as they are sent (so the service's
    /// violations, e.g. "targets[1].code", name the rows shown again). A target that is not a whole
    /// number is a problem of its row; the service judges the rest.
    /// </summary>
    private List<KpiTarget> PostedTargets()
    {
        var form = Request.Form;
        var targets = new List<KpiTarget>();
        for (var row = 0; form.ContainsKey($"targets[{row}].code"); row++)
        {
            string Value(string field) => form[$"targets[{row}].{field}"].ToString().Trim();
            if (new[] { "code", "description", "milestone_code", "target" }.All(f => Value(f).Length == 0)) continue;
            var index = targets.Count;
            var target = TargetProblems.Number(Value("target"), $"targets[{index}].target", 0, 1_000_000, text["NumberRequired"]) ?? 0;
            targets.Add(new KpiTarget
            {
                Code = Value("code"),
                Description = Value("description"),
                Measure = Enum.TryParse<KpiMeasure>(Value("measure"), out var measure) ? measure : KpiMeasure.Unspecified,
                OutcomeKind = Enum.TryParse<OutcomeKind>(Value("outcome_kind"), out var kind) ? kind : OutcomeKind.Unspecified,
                MilestoneCode = Value("milestone_code"),
                Target = target,
            });
        }
        return targets;
    }

    private async Task LoadAsync(Guid id, bool plan, bool targets, CancellationToken cancellationToken)
    {
        PartnershipId = id;
        var storedPlan = GetPlanAsync(id, cancellationToken);
        var storedTargets = outcome.GetKpiTargetsAsync(new GetKpiTargetsRequest { PartnershipId = id.ToString() },
            deadline: SuiteClientsRegistration.Deadline(), cancellationToken: cancellationToken);
        var known = await storedPlan;
        HasPlan = known is not null;
        if (plan && known is not null)
        {
            Plan = new PlanForm(known.ContactIntervalWeeks.ToString(CultureInfo.InvariantCulture),
                string.Join(", ", known.StatusCheckpointMonths), known.NoContactDays.ToString(CultureInfo.InvariantCulture));
        }
        var knownTargets = (await storedTargets).Targets;
        if (targets) Targets = [.. knownTargets];
    }

    private async Task<Protos.Outcome.V1.FollowUpPlan?> GetPlanAsync(Guid id, CancellationToken cancellationToken)
    {
        try
        {
            return (await outcome.GetFollowUpPlanAsync(new GetFollowUpPlanRequest { PartnershipId = id.ToString() },
                deadline: SuiteClientsRegistration.Deadline(), cancellationToken: cancellationToken)).Plan;
        }
        catch (RpcException e) when (e.StatusCode == Grpc.Core.StatusCode.NotFound)
        {
            return null;
        }
    }
}
