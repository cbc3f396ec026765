using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Partnerskab.Payment.Persistence;
using Partnerskab.Testing.InProcess;

namespace Partnerskab.Payment.Tests.InProcess;

/// <summary>The settings the service's own PostgreSQL sessions run with, as PostgreSQL reports them.</summary>
[Collection(PaymentServiceCollection.Name)]
public sealed class DatabaseSessionTests(PaymentHost payment) : InProcessTests(payment.ResetAsync)
{
    [Fact]
    public async Task The_services_sessions_plan_no_parallel_query()
    {
        await using var scope = payment.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PaymentDbContext>();

        var workers = await db.Database.SqlQueryRaw<string>("SELECT current_setting('max_parallel_workers_per_gather') AS \"Value\"").SingleAsync();

        workers.ShouldBe("0");
    }
}
