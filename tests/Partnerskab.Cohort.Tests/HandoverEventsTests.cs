using NodaTime;
using Partnerskab.Cohort.Handover;
using Partnerskab.Contracts.Cohort;

namespace Partnerskab.Cohort.Tests;

public sealed class HandoverEventsTests
{
    private static readonly Guid Haderslev = Guid.CreateVersion7(), Kolding = Guid.CreateVersion7();

    [Fact]
    public void Citizens_handed_over_together_are_announced_a_partnership_and_at_most_a_thousand_citizens_an_event()
    {
        List<Citizen> citizens = [.. Enumerable.Range(0, 2500).Select(n => Citizen(Haderslev, n)), .. Enumerable.Range(0, 3).Select(n => Citizen(Kolding, n))];

        var events = Handovers.HandedOver(citizens).ToList();

        events.Select(e => (e.PartnershipId, e.Citizens.Count)).ShouldBe([(Haderslev, 1000), (Haderslev, 1000), (Haderslev, 500), (Kolding, 3)]);
        events.SelectMany(e => e.Citizens.Select(c => (e.PartnershipId, c.CitizenId.Value)))
            .ShouldBe(citizens.Select(c => (c.PartnershipId, c.CitizenId)), "every citizen once, in the order handed over");
        events.ShouldAllBe(e => e.Citizens.Count <= CitizensHandedOver.MaxCitizens);
    }

    [Fact]
    public void Each_citizen_carries_its_own_handover_date_and_follow_up_window()
    {
        var leapDay = Citizen(Haderslev, 7, new LocalDate(2024, 2, 29));

        var announced = Handovers.HandedOver([Citizen(Haderslev, 6), leapDay]).ShouldHaveSingleItem().Citizens[1];

        (announced.CitizenId.Value, announced.HandoverDate, announced.FollowUpStart, announced.FollowUpEnd)
            .ShouldBe((leapDay.CitizenId, new DateOnly(2024, 2, 29), new DateOnly(2024, 2, 29), new DateOnly(2026, 2, 28)));
    }

    private static Citizen Citizen(Guid partnershipId, int n, LocalDate? handoverDate = null)
    {
        var date = handoverDate ?? new LocalDate(2023, 4, 3);
        return new Citizen
        {
            PartnershipId = partnershipId, CitizenId = $"{n:x32}", HandoverDate = date, FollowUpEnd = date.PlusMonths(24), CaseReference = $"HAD-{n}",
        };
    }
}
