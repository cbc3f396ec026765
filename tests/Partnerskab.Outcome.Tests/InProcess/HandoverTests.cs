using Microsoft.EntityFrameworkCore;
using NodaTime;
using Partnerskab.Contracts;
using Partnerskab.Contracts.Cohort;
using Partnerskab.ServiceDefaults;
using Partnerskab.Testing.InProcess;

namespace Partnerskab.Outcome.Tests.InProcess;

/// <summary>Handovers open follow-ups as the cohort service announces them: a batch of citizens in one event, or, from before batches, one citizen an event.</summary>
[Collection(ClockedOutcomeCollection.Name)]
public sealed class HandoverTests(ClockedOutcomeHost outcome) : InProcessTests(outcome.ResetAsync)
{
    private static readonly DateOnly Start = new(2023, 4, 3);
    private readonly Guid partnership = Guid.NewGuid();

    [Fact]
    public async Task Batches_open_each_citizens_follow_up_on_its_own_dates_and_a_redelivered_batch_changes_nothing()
    {
        outcome.On(new LocalDate(2023, 6, 1));
        // Two full batches and a part of one: more citizens than one transaction of the consumer holds.
        var citizens = Enumerable.Range(0, 2 * CitizensHandedOver.MaxCitizens + 300).Select(n => Citizen(n, Start.AddDays(n % 40))).ToList();
        var batches = citizens.Chunk(CitizensHandedOver.MaxCitizens)
            .Select(chunk => new CitizensHandedOver { PartnershipId = partnership, Citizens = chunk }).ToList();
        var firstId = Guid.NewGuid();
        await outcome.PublishAsync(batches[0], firstId);
        foreach (var batch in batches.Skip(1)) await outcome.PublishAsync(batch);
        await outcome.WaitUntilAsync(async db => await db.FollowUpCitizens.CountAsync(c => c.PartnershipId == partnership) == citizens.Count, "every citizen's follow-up");

        var opened = await outcome.ReadAsync(db => db.FollowUpCitizens.AsNoTracking().Where(c => c.PartnershipId == partnership)
            .ToDictionaryAsync(c => c.CitizenId, c => (c.FollowUpStart, c.FollowUpEnd)));
        opened.ShouldBe(citizens.ToDictionary(c => c.CitizenId.Value, c => (c.FollowUpStart.ToLocalDate(), c.FollowUpEnd.ToLocalDate())), ignoreOrder: true);
        (await InboxRowsAsync()).ShouldBe(batches.Count, "one inbox row a batch, not one a citizen");

        // The first batch again, redelivered with its message id, but with other dates: the inbox stops it whole.
        await outcome.PublishAsync(batches[0] with { Citizens = [.. batches[0].Citizens.Select(c => c with { FollowUpStart = c.FollowUpStart.AddDays(7) })] }, firstId);
        var marker = Citizen(9_999, Start);
        await outcome.PublishAsync(new CitizensHandedOver { PartnershipId = partnership, Citizens = [marker] });
        await outcome.WaitUntilAsync(db => db.FollowUpCitizens.AnyAsync(c => c.PartnershipId == partnership && c.CitizenId == marker.CitizenId.Value), "the handover after the redelivery");
        (await outcome.ReadAsync(db => db.FollowUpCitizens.AsNoTracking().Where(c => c.PartnershipId == partnership && c.CitizenId != marker.CitizenId.Value)
            .ToDictionaryAsync(c => c.CitizenId, c => (c.FollowUpStart, c.FollowUpEnd)))).ShouldBe(opened, ignoreOrder: true);
    }

    [Fact]
    public async Task A_single_handover_event_from_before_batches_still_opens_the_follow_up_and_one_handled_before_the_upgrade_is_recognised()
    {
        outcome.On(new LocalDate(2023, 6, 1));
        // A message the consumer handled before the upgrade, under its name then, is redelivered after it.
        var handledBefore = Guid.NewGuid();
        await using (var connection = await outcome.OpenAsync())
        await using (var inbox = new Npgsql.NpgsqlCommand("INSERT INTO inbox_messages (message_id, consumer, received_at) VALUES (@id, 'OpenFollowUpOnHandover', now())", connection))
        {
            inbox.Parameters.AddWithValue("id", handledBefore);
            await inbox.ExecuteNonQueryAsync();
        }
        var (before, after) = (Citizen(0, Start), Citizen(1, Start.AddDays(1)));

        await outcome.PublishAsync(Single(before), handledBefore);
        await outcome.PublishAsync(Single(after));
        // Messages of one queue are handled in the order they came, so the first has been judged once the second has opened its follow-up.
        await outcome.WaitUntilAsync(db => db.FollowUpCitizens.AnyAsync(c => c.PartnershipId == partnership), "the single handover");

        var opened = await outcome.ReadAsync(db => db.FollowUpCitizens.AsNoTracking().Where(c => c.PartnershipId == partnership).ToListAsync());
        opened.Select(c => (c.CitizenId, c.FollowUpStart, c.FollowUpEnd)).ShouldBe(
            [(after.CitizenId.Value, after.FollowUpStart.ToLocalDate(), after.FollowUpEnd.ToLocalDate())],
            "the redelivered message was recognised by its inbox row; the other opened its follow-up");
    }

    [Fact]
    public async Task A_citizen_handed_over_again_with_another_date_moves_its_window_whether_or_not_the_two_events_share_a_transaction()
    {
        outcome.On(new LocalDate(2023, 6, 1));
        // Two events of a few hundred citizens each, sent back to back, usually reach the consumer in one transaction.
        var first = Enumerable.Range(0, 300).Select(n => Citizen(n, Start)).ToList();
        var moved = first[7] with { HandoverDate = Start.AddDays(14), FollowUpStart = Start.AddDays(14), FollowUpEnd = Start.AddDays(14).AddMonths(24) };
        var second = Enumerable.Range(300, 299).Select(n => Citizen(n, Start.AddDays(1))).Append(moved).ToList();
        await outcome.PublishAsync(new CitizensHandedOver { PartnershipId = partnership, Citizens = first });
        await outcome.PublishAsync(new CitizensHandedOver { PartnershipId = partnership, Citizens = second });
        await outcome.WaitUntilAsync(db => db.SupersededFollowUpWindows.AnyAsync(w => w.PartnershipId == partnership), "the moved window");
        await outcome.WaitUntilAsync(async db => await db.FollowUpCitizens.CountAsync(c => c.PartnershipId == partnership) == 599, "every citizen's follow-up");

        var opened = await outcome.ReadAsync(db => db.FollowUpCitizens.AsNoTracking().Where(c => c.PartnershipId == partnership)
            .ToDictionaryAsync(c => c.CitizenId, c => (c.FollowUpStart, c.FollowUpEnd)));
        opened.ShouldBe(first.Where(c => c != first[7]).Concat(second)
            .ToDictionary(c => c.CitizenId.Value, c => (c.FollowUpStart.ToLocalDate(), c.FollowUpEnd.ToLocalDate())), ignoreOrder: true);
        var superseded = await outcome.ReadAsync(db => db.SupersededFollowUpWindows.AsNoTracking().Where(w => w.PartnershipId == partnership).ToListAsync());
        superseded.Select(w => (w.CitizenId, w.FollowUpStart, w.FollowUpEnd)).ShouldBe(
            [(moved.CitizenId.Value, first[7].FollowUpStart.ToLocalDate(), first[7].FollowUpEnd.ToLocalDate())], "the window the second event replaced, kept");
    }

    [Fact]
    public async Task The_committees_counts_hold_each_handed_over_citizen_once_on_its_window_a_window_moved_in_the_same_transaction_included()
    {
        outcome.On(new LocalDate(2023, 6, 1));
        // Sent back to back, the correction usually shares the batch's transaction: the citizen it moves was new moments before.
        var (first, other) = (Citizen(0, Start), Citizen(1, Start));
        var corrected = Citizen(0, Start.AddDays(7));
        await outcome.PublishAsync(new CitizensHandedOver { PartnershipId = partnership, Citizens = [first, other] });
        await outcome.PublishAsync(new CitizensHandedOver { PartnershipId = partnership, Citizens = [corrected] });
        await outcome.WaitUntilAsync(db => db.SupersededFollowUpWindows.AnyAsync(w => w.PartnershipId == partnership), "the corrected handover");

        var counted = await outcome.ReadAsync(db => db.CountedCitizens.AsNoTracking().Where(c => c.PartnershipId == partnership)
            .ToDictionaryAsync(c => c.CitizenId, c => (c.FollowUpStart, c.FollowUpEnd)));
        counted.ShouldBe(new Dictionary<string, (LocalDate, LocalDate)>
        {
            [corrected.CitizenId.Value] = (corrected.FollowUpStart.ToLocalDate(), corrected.FollowUpEnd.ToLocalDate()),
            [other.CitizenId.Value] = (other.FollowUpStart.ToLocalDate(), other.FollowUpEnd.ToLocalDate()),
        }, ignoreOrder: true);
        (await outcome.ReadAsync(db => db.FollowUpDayCounts.AsNoTracking().Where(c => c.PartnershipId == partnership && c.Started != 0)
            .ToDictionaryAsync(c => c.Day, c => c.Started))).ShouldBe(new Dictionary<LocalDate, int>
        {
            [Start.ToLocalDate()] = 1,
            [Start.AddDays(7).ToLocalDate()] = 1,
        }, ignoreOrder: true);
    }

    private async Task<long> InboxRowsAsync()
    {
        await using var connection = await outcome.OpenAsync();
        await using var count = new Npgsql.NpgsqlCommand("SELECT count(*) FROM inbox_messages WHERE consumer = 'OpenFollowUpOnHandover'", connection);
        return (long)(await count.ExecuteScalarAsync())!;
    }

    private static HandedOverCitizen Citizen(int n, DateOnly handoverDate) => new()
    {
        CitizenId = new Pseudonym($"{n:x32}"), HandoverDate = handoverDate, FollowUpStart = handoverDate, FollowUpEnd = handoverDate.AddMonths(24),
    };

    private CitizenHandedOver Single(HandedOverCitizen citizen) => new()
    {
        PartnershipId = partnership, CitizenId = citizen.CitizenId, HandoverDate = citizen.HandoverDate,
        FollowUpStart = citizen.FollowUpStart, FollowUpEnd = citizen.FollowUpEnd,
    };
}
