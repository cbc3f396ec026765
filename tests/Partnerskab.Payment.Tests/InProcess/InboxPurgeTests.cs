using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Npgsql;
using Partnerskab.Messaging.Inbox;
using Partnerskab.Payment.Persistence;
using Partnerskab.Testing.InProcess;

namespace Partnerskab.Payment.Tests.InProcess;

/// <summary>The inbox keeps handled messages' ids for its retention (30 days), not for ever.</summary>
[Collection(ClockedPaymentServiceCollection.Name)]
public sealed class InboxPurgeTests(ClockedPaymentHost payment) : InProcessTests(payment.ResetAsync)
{
    [Fact]
    public async Task Inbox_rows_older_than_the_retention_are_purged_and_newer_ones_kept()
    {
        payment.Today(2023, 10, 5);
        await payment.PartnershipAsync();
        payment.Today(2023, 11, 6);
        await payment.PartnershipAsync();
        var before = await InboxDaysAsync();
        before.Keys.ShouldBe(["2023-10-05", "2023-11-06"], ignoreOrder: true);

        var purge = payment.Services.GetServices<IHostedService>().OfType<InboxPurge<PaymentDbContext>>().Single();
        await using var scope = payment.Services.CreateAsyncScope();
        var purged = await purge.PurgeAsync(scope.ServiceProvider.GetRequiredService<PaymentDbContext>(), payment.Clock.GetCurrentInstant(), CancellationToken.None);

        purged.ShouldBe(before["2023-10-05"]);
        (await InboxDaysAsync()).ShouldBe(new Dictionary<string, int> { ["2023-11-06"] = before["2023-11-06"] });
    }

    /// <summary>The inbox's rows by the Copenhagen day they were received.</summary>
    private async Task<Dictionary<string, int>> InboxDaysAsync()
    {
        await using var connection = await payment.OpenAsync();
        await using var command = new NpgsqlCommand(
            "SELECT to_char(received_at AT TIME ZONE 'Europe/Copenhagen', 'YYYY-MM-DD'), count(*)::int FROM inbox_messages GROUP BY 1", connection);
        await using var reader = await command.ExecuteReaderAsync();
        var days = new Dictionary<string, int>();
        while (await reader.ReadAsync()) days[reader.GetString(0)] = reader.GetInt32(1);
        return days;
    }
}
