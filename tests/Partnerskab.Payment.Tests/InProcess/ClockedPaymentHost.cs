using MassTransit;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using NodaTime;
using NodaTime.Testing;
using Partnerskab.Contracts.Cohort;
using Partnerskab.Protos.Payment.V1;
using Partnerskab.Scenario;
using Partnerskab.Testing;
using Partnerskab.Testing.InProcess;

namespace Partnerskab.Payment.Tests.InProcess;

/// <summary>
/// The payment service in the test process on a clock the tests set (<see cref="Clock"/>), fed
/// events through its own bus as the other services would publish them.
/// </summary>
public sealed class ClockedPaymentHost() : InProcessService<PaymentGrpcService, PaymentService.PaymentServiceClient>("payment")
{
    public FakeClock Clock { get; } = new(Instant.FromUtc(2023, 10, 5, 8, 0));

    /// <summary>The service's clock as it has it: a historical load's moment (a message's header) goes before the test's clock.</summary>
    protected override void ConfigureTestServices(IServiceCollection services) =>
        services.Replace(ServiceDescriptor.Singleton<IClock>(new ServiceDefaults.Recording.RecordingClock(Clock)));

    protected override Task WarmUpAsync(PaymentService.PaymentServiceClient client) =>
        client.ListRateCardsAsync(new ListRateCardsRequest { PartnershipId = Guid.NewGuid().ToString() }, deadline: DateTime.UtcNow.AddSeconds(60)).ResponseAsync;

    /// <summary>Sets the clock to a Copenhagen working day's morning.</summary>
    public void Today(int year, int month, int day) =>
        Clock.Reset(new LocalDate(year, month, day).At(new LocalTime(9, 0)).InZoneStrictly(ServiceDefaults.DanishCalendar.Copenhagen).ToInstant());

    /// <summary>Publishes an event as another service would: with a set message id (a redelivery) or a historical load's moment, if given.</summary>
    public Task PublishAsync<T>(T message, Guid? messageId = null, Instant? recordedAt = null) where T : class =>
        Services.GetRequiredService<IBus>().Publish(message, context =>
        {
            if (messageId is { } id) context.MessageId = id;
            if (recordedAt is { } at) context.Headers.Set(ServiceDefaults.Recording.RecordedTime.Header, ServiceDefaults.Recording.RecordedTime.Format(at));
        });

    /// <summary>Records a message as handled by a consumer, as its inbox row from before an upgrade would.</summary>
    public async Task HandledAsync(Guid messageId, string consumer)
    {
        await using var connection = await OpenAsync();
        await using var inbox = new Npgsql.NpgsqlCommand("INSERT INTO inbox_messages (message_id, consumer, received_at) VALUES (@id, @consumer, now())", connection);
        inbox.Parameters.AddWithValue("id", messageId);
        inbox.Parameters.AddWithValue("consumer", consumer);
        await inbox.ExecuteNonQueryAsync();
    }

    /// <summary>A registered partnership (the cohort service's event) priced quarterly without caps or periodic fees, unless <paramref name="terms"/> says otherwise.</summary>
    public async Task<Guid> PartnershipAsync(Action<SetRateCardRequest>? terms = null)
    {
        var partnershipId = Guid.NewGuid();
        await PublishAsync(new PartnershipRegistered
        {
            PartnershipId = partnershipId, Reference = "HAD-2023-1", Name = "Haderslev", KommuneName = "Haderslev Kommune", KommuneCvr = "29189722",
            KommuneEan = "5798000020007", ProviderName = "Carelink", ProviderCvr = "12345678", ContractStart = new DateOnly(2023, 3, 1),
            ContractEnd = new DateOnly(2025, 3, 31), FollowUpMonths = 24,
        });
        await using (var connection = await OpenAsync())
        {
            var until = DateTime.UtcNow.AddSeconds(30);
            while (true)
            {
                await using var registered = new Npgsql.NpgsqlCommand("SELECT count(*) FROM partnerships WHERE partnership_id = @id AND version > 0", connection);
                registered.Parameters.AddWithValue("id", partnershipId);
                if ((long)(await registered.ExecuteScalarAsync())! == 1) break;
                if (DateTime.UtcNow > until) throw new TimeoutException("the partnership's registration never arrived");
                await Task.Delay(100);
            }
        }
        await Client.SetRateCardAsync(TestRateCards.FullRateCard(partnershipId.ToString(), ThinSlice.Day(2023, 3, 1)).With(r =>
        {
            r.Caps = null;
            r.PeriodicFees.Clear();
            terms?.Invoke(r);
        }), deadline: SuiteClients.Deadline());
        return partnershipId;
    }

    /// <summary>The partnership's ledger once it holds the number of items (events arrive asynchronously).</summary>
    public async Task<IReadOnlyList<Protos.Payment.V1.LedgerItem>> LedgerAsync(Guid partnershipId, int count)
    {
        var until = DateTime.UtcNow.AddSeconds(30);
        while (true)
        {
            var items = (await Client.GetWholeLedgerAsync(new GetLedgerRequest { PartnershipId = partnershipId.ToString() }, deadline: SuiteClients.Deadline())).Items;
            if (items.Count >= count) return items;
            if (DateTime.UtcNow > until) throw new TimeoutException($"the ledger holds {items.Count} items, not {count}: {items}");
            await Task.Delay(100);
        }
    }
}

[CollectionDefinition(Name)]
public sealed class ClockedPaymentServiceCollection : ICollectionFixture<ClockedPaymentHost>
{
    public const string Name = "payment service on a test clock";
}
