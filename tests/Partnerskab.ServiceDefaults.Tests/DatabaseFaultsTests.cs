using System.Net;
using System.Net.Sockets;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using Partnerskab.ServiceDefaults.Persistence;

namespace Partnerskab.ServiceDefaults.Tests;

/// <summary>
/// Which database failures the services wait out (consumers retry, calls answer Unavailable), with Npgsql's own
/// exceptions: ports on this machine where nothing listens stand for the hosts of a failover pair that are down.
/// </summary>
public sealed class DatabaseFaultsTests
{
    [Fact]
    public async Task A_refused_connection_to_one_host_is_transient()
    {
        var failure = await OpenFailsAsync($"Host=127.0.0.1;Port={ClosedPort()};Username=postgres");

        DatabaseFaults.IsTransient(failure).ShouldBeTrue();
    }

    [Fact]
    public async Task Every_host_of_a_multi_host_string_refusing_is_transient_though_Npgsql_does_not_mark_it_so()
    {
        var failure = await OpenFailsAsync(MultiHost());

        failure.IsTransient.ShouldBeFalse("Npgsql gathers the hosts' failures in an AggregateException it does not look into");
        failure.InnerException.ShouldBeOfType<AggregateException>();
        DatabaseFaults.IsTransient(failure).ShouldBeTrue();
    }

    [Fact]
    public async Task No_suitable_host_while_every_host_is_ruled_out_by_its_last_state_is_transient()
    {
        var connectionString = MultiHost();
        await OpenFailsAsync(connectionString); // Both hosts are now known to be offline, for the recheck interval.

        var failure = await OpenFailsAsync(connectionString);

        failure.InnerException.ShouldBeNull("no host was tried");
        failure.IsTransient.ShouldBeFalse();
        DatabaseFaults.IsTransient(failure).ShouldBeTrue();
    }

    [Fact]
    public async Task A_transient_fault_wrapped_by_EF_Core_is_transient()
    {
        var failure = await OpenFailsAsync(MultiHost());

        DatabaseFaults.IsTransient(new DbUpdateException("An error occurred while saving the entity changes.", failure)).ShouldBeTrue();
    }

    [Theory]
    [InlineData("23505")] // unique_violation
    [InlineData("42P01")] // undefined_table
    [InlineData("25006")] // read_only_sql_transaction
    public void An_error_the_server_gives_about_the_work_is_not_transient(string sqlState)
    {
        var error = new PostgresException("the server's message", "ERROR", "ERROR", sqlState);

        DatabaseFaults.IsTransient(error).ShouldBeFalse();
        DatabaseFaults.IsTransient(new DbUpdateException("saving failed", error)).ShouldBeFalse();
    }

    [Fact]
    public void A_failure_that_is_not_the_database_is_not_transient() =>
        DatabaseFaults.IsTransient(new InvalidOperationException("No suitable host was found.")).ShouldBeFalse();

    [Fact]
    public void With_several_hosts_a_host_state_is_trusted_for_a_second_unless_the_connection_string_sets_another_figure()
    {
        new NpgsqlConnectionStringBuilder(DatabaseExtensions.Tuned("Host=a:5432,b:5432;Target Session Attributes=primary"))
            .HostRecheckSeconds.ShouldBe(DatabaseExtensions.HostRecheckSeconds);
        new NpgsqlConnectionStringBuilder(DatabaseExtensions.Tuned("Host=a,b;Host Recheck Seconds=5")).HostRecheckSeconds.ShouldBe(5);
        DatabaseExtensions.Tuned("Host=a").ShouldNotContain("Recheck", Case.Insensitive);
    }

    [Fact]
    public void Sessions_plan_no_parallel_query_unless_the_connection_strings_options_set_the_workers()
    {
        new NpgsqlConnectionStringBuilder(DatabaseExtensions.Tuned("Host=a")).Options.ShouldBe(DatabaseExtensions.NoParallelQuery);
        new NpgsqlConnectionStringBuilder(DatabaseExtensions.Tuned("Host=a;Options=-c jit=off")).Options
            .ShouldBe($"-c jit=off {DatabaseExtensions.NoParallelQuery}");
        new NpgsqlConnectionStringBuilder(DatabaseExtensions.Tuned("Host=a;Options=-c max_parallel_workers_per_gather=2")).Options
            .ShouldBe("-c max_parallel_workers_per_gather=2");
    }

    /// <summary>Two hosts that refuse connections; what Npgsql finds them to be is kept for a minute, longer than a test.</summary>
    private static string MultiHost() =>
        $"Host=127.0.0.1:{ClosedPort()},127.0.0.1:{ClosedPort()};Username=postgres;Target Session Attributes=primary;Host Recheck Seconds=60;Timeout=5";

    private static async Task<NpgsqlException> OpenFailsAsync(string connectionString)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        return await Should.ThrowAsync<NpgsqlException>(() => connection.OpenAsync());
    }

    /// <summary>A port that was free a moment ago, and so refuses connections.</summary>
    private static int ClosedPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
