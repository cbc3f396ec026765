using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using NodaTime;
using Partnerskab.Portal.Accounts;
using Partnerskab.Portal.Calling;
using Partnerskab.Portal.Hosting;
using Partnerskab.Protos.Payment.V1;
using Partnerskab.Tokens;

namespace Partnerskab.Portal.Pages.Finance;

/// <summary>A partnership's rate card versions, and one of them in full: the version asked for, else the one in force today.</summary>
[Authorize(Roles = SuiteRoles.Finance)]
[PartnershipScope]
public sealed class RateCardsModel(PaymentService.PaymentServiceClient payment, CopenhagenCalendar calendar) : PageModel
{
    public Guid PartnershipId { get; private set; }
    public IReadOnlyList<RateCard> Versions { get; private set; } = [];
    public RateCard? Shown { get; private set; }
    public bool ShownIsCurrent { get; private set; }

    public async Task OnGetAsync(Guid id, int? version, CancellationToken cancellationToken)
    {
        PartnershipId = id;
        Versions = (await payment.ListRateCardsAsync(new ListRateCardsRequest { PartnershipId = id.ToString() },
            deadline: SuiteClientsRegistration.Deadline(), cancellationToken: cancellationToken)).RateCards;
        var current = InForce(Versions, calendar.Today());
        Shown = version is { } wanted ? Versions.FirstOrDefault(v => v.Version == wanted) : current;
        ShownIsCurrent = Shown is not null && Shown == current;
    }

    /// <summary>The version in force on the day: the latest that took effect by then (versions come oldest first).</summary>
    public static RateCard? InForce(IReadOnlyList<RateCard> versions, LocalDate day) =>
        versions.LastOrDefault(v => new LocalDate(v.EffectiveFrom.Year, v.EffectiveFrom.Month, v.EffectiveFrom.Day) <= day);
}
