using System.Text.Json;
using Npgsql;
using Partnerskab.EndToEnd.Tests.Infrastructure;
using Partnerskab.Protos.Cohort.V1;
using Partnerskab.Protos.Payment.V1;
using Partnerskab.Scenario;
using Shouldly;
using Date = Google.Type.Date;

namespace Partnerskab.EndToEnd.Tests;

/// <summary>Partnerships and event injection shared by the payment service's end-to-end tests (the rate card: <see cref="TestRateCards"/>).</summary>
public static class PaymentTestData
{
    /// <summary>
    /// A new Haderslev-like partnership priced by <paramref name="rateCard"/> from 2023-03-01,
    /// with the given citizens handed over on Monday 2023-04-03 once the rate card is in place.
    /// </summary>
    public static async Task<(string PartnershipId, IReadOnlyList<string> CitizenIds)> PartnershipAsync(
        SuiteClients clients, string prefix, Func<string, SetRateCardRequest> rateCard, params int[] citizens)
    {
        var partnership = (await clients.Cohort.CreatePartnershipAsync(ThinSlice.HaderslevAgreement(TestCitizens.UniqueReference(prefix)),
            deadline: SuiteClients.Deadline())).Partnership;
        await clients.Payment.SetRateCardAsync(rateCard(partnership.PartnershipId), deadline: SuiteClients.Deadline());
        var citizenIds = new List<string>();
        foreach (var n in citizens)
        {
            citizenIds.Add((await clients.Cohort.HandOverCitizenAsync(new HandOverCitizenRequest
            {
                PartnershipId = partnership.PartnershipId,
                Cpr = TestCitizens.Cpr(n),
                HandoverDate = ThinSlice.Day(2023, 4, 3),
                BenefitType = Protos.Cohort.V1.BenefitType.SicknessBenefit,
                WeeksSickListed = 30,
                CaseReference = $"{prefix}-{n}",
            }, deadline: SuiteClients.Deadline())).Citizen.CitizenId);
        }
        return (partnership.PartnershipId, citizenIds);
    }

    /// <summary>
    /// Publishes an event as its owning service would: a row in that service's outbox, which its
    /// relay sends with the row's message id. Used for events the owner cannot be asked to
    /// publish through its API yet (milestone revocations, deliverables) and for redeliveries.
    /// </summary>
    public static async Task<Guid> PublishAsync(SuiteFixture suite, string owner, string contract, object message, Guid? messageId = null)
    {
        var id = messageId ?? Guid.NewGuid();
        await using var connection = new NpgsqlConnection(suite.ConnectionString(owner));
        await connection.OpenAsync();
        await using var insert = new NpgsqlCommand("""
            INSERT INTO outbox_messages (message_id, message_type, body, created_at, next_attempt_at, attempts)
            VALUES (@id, @type, @body::jsonb, now(), now(), 0)
            """, connection);
        insert.Parameters.AddWithValue("id", id);
        insert.Parameters.AddWithValue("type", $"Partnerskab.Contracts.{contract}, Partnerskab.Contracts");
        insert.Parameters.AddWithValue("body", JsonSerializer.Serialize(message, new JsonSerializerOptions(JsonSerializerDefaults.Web)));
        await insert.ExecuteNonQueryAsync();
        return id;
    }

    /// <summary>
    /// The two corrections the credit tests make: the outcome service revokes a citizen's job start on
    /// 2023-08-15, and another citizen exits as wrongly enrolled on 2023-09-01 (its handover fee comes back).
    /// </summary>
    public static async Task RevokeAndExitWronglyEnrolledAsync(SuiteFixture suite, string partnershipId, Guid milestoneId, string revokedCitizen,
        string exitedCitizen)
    {
        await PublishAsync(suite, "outcome", "Outcome.MilestoneRevoked", new
        {
            MilestoneId = milestoneId, PartnershipId = Guid.Parse(partnershipId), CitizenId = revokedCitizen,
            MilestoneCode = TestRateCards.JobStart, RevokedOn = new DateOnly(2023, 8, 15), Reason = "register shows no employment",
        });
        await suite.Clients.Cohort.RecordExitAsync(new RecordExitRequest
        {
            PartnershipId = partnershipId, CitizenId = exitedCitizen, ExitDate = ThinSlice.Day(2023, 9, 1), Reason = ExitReason.WronglyEnrolled,
        }, deadline: SuiteClients.Deadline());
    }

    /// <summary>Makes the owner's relay send an already sent outbox message again, with the same message id.</summary>
    public static async Task RedeliverAsync(SuiteFixture suite, string owner, Guid messageId)
    {
        await using var connection = new NpgsqlConnection(suite.ConnectionString(owner));
        await connection.OpenAsync();
        await using var update = new NpgsqlCommand(
            "UPDATE outbox_messages SET sent_at = NULL, next_attempt_at = now() WHERE message_id = @id AND sent_at IS NOT NULL", connection);
        update.Parameters.AddWithValue("id", messageId);
        (await update.ExecuteNonQueryAsync()).ShouldBe(1, "the message had been sent once");
    }

    /// <summary>Waits until the payment service has consumed a message (its inbox row is there).</summary>
    public static async Task ConsumedAsync(SuiteFixture suite, Guid messageId, int consumers = 1)
    {
        await using var connection = new NpgsqlConnection(suite.ConnectionString("payment"));
        await connection.OpenAsync();
        var until = DateTime.UtcNow.AddSeconds(30);
        while (true)
        {
            await using var count = new NpgsqlCommand("SELECT count(*) FROM inbox_messages WHERE message_id = @id", connection);
            count.Parameters.AddWithValue("id", messageId);
            if ((long)(await count.ExecuteScalarAsync())! >= consumers) return;
            if (DateTime.UtcNow > until) throw new TimeoutException($"payment did not consume {messageId}\n{suite.Payment.OutputTail()}");
            await Task.Delay(100);
        }
    }

    /// <summary>The partnership's ledger once it satisfies a condition (events arrive asynchronously).</summary>
    public static async Task<IReadOnlyList<LedgerItem>> LedgerAsync(SuiteClients clients, string partnershipId,
        Func<IReadOnlyList<LedgerItem>, bool> until)
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (true)
        {
            var items = (await clients.Payment.GetWholeLedgerAsync(new GetLedgerRequest { PartnershipId = partnershipId },
                deadline: SuiteClients.Deadline())).Items;
            if (until(items)) return items;
            if (DateTime.UtcNow > deadline) throw new TimeoutException($"the ledger never got there; it holds {items.Count} items: {items}");
            await Task.Delay(100);
        }
    }

    public static string Text(Date date) => $"{date.Year:D4}-{date.Month:D2}-{date.Day:D2}";
}
