using System.Diagnostics;
using Grpc.Core;
using Grpc.Health.V1;
using Partnerskab.Protos.Cohort.V1;
using Partnerskab.Scenario;
using Partnerskab.Tokens;

namespace Partnerskab.Benchmarks;

/// <summary>
/// A closed-loop load generator for one unary RPC on loopback: a fixed number of calls in
/// flight, spread over a few HTTP/2 connections (one Grpc.Net.Client channel each), every call
/// carrying the caller's bearer token and a deadline, and every answer's gRPC status checked.
/// Calls per second over the whole run, and each call's latency.
/// </summary>
public static class UnaryLoad
{
    public sealed record Options(int Calls, int InFlight, int Connections)
    {
        /// <summary>Calls made before the measured ones, so connections are open and the server's code paths compiled.</summary>
        public int WarmUpCalls => Math.Min(Calls, InFlight * 10);
    }

    public sealed record Result(int Calls, double CallsPerSecond, Latencies Latency);

    /// <summary>cohort GetCitizen by pseudonym, cycling through the given citizens of the partnership.</summary>
    public static Task<Result> GetCitizenAsync(Uri cohort, string bearerToken, string partnershipId, IReadOnlyList<string> citizenIds, Options options) =>
        RunAsync(cohort, bearerToken, options, async (invoker, n, deadline) =>
        {
            var citizen = (await new CohortService.CohortServiceClient(invoker).GetCitizenAsync(
                new GetCitizenRequest { PartnershipId = partnershipId, CitizenId = citizenIds[n % citizenIds.Count] }, deadline: deadline)).Citizen;
            if (citizen.CitizenId != citizenIds[n % citizenIds.Count]) throw new InvalidOperationException("GetCitizen answered another citizen.");
        });

    /// <summary>
    /// The ceiling: grpc.health.v1 Check on the same server, port and connections, with the same
    /// token (the authentication middleware validates it as it does for GetCitizen).
    /// </summary>
    public static Task<Result> HealthCheckAsync(Uri service, string bearerToken, Options options) =>
        RunAsync(service, bearerToken, options, async (invoker, _, deadline) =>
        {
            var health = await new Health.HealthClient(invoker).CheckAsync(new HealthCheckRequest(), deadline: deadline);
            if (health.Status != HealthCheckResponse.Types.ServingStatus.Serving) throw new InvalidOperationException($"The service answered {health.Status}.");
        });

    private static async Task<Result> RunAsync(Uri address, string bearerToken, Options options, Func<CallInvoker, int, DateTime, Task> call)
    {
        var channels = Enumerable.Range(0, options.Connections).Select(_ => new BearerChannel(address, bearerToken)).ToList();
        try
        {
            return await MeasureAsync([.. channels.Select(c => c.Invoker)], options, call);
        }
        finally
        {
            foreach (var channel in channels) channel.Dispose();
        }
    }

    /// <summary>The warm-up calls, then the measured ones, over the given connections (gRPC channels or HTTP clients).</summary>
    public static async Task<Result> MeasureAsync<TConnection>(IReadOnlyList<TConnection> connections, Options options, Func<TConnection, int, DateTime, Task> call)
    {
        await LoopAsync(connections, options.WarmUpCalls, options.InFlight, call);
        var stopwatch = Stopwatch.StartNew();
        var latencies = await LoopAsync(connections, options.Calls, options.InFlight, call);
        stopwatch.Stop();
        return new Result(options.Calls, options.Calls / stopwatch.Elapsed.TotalSeconds, new Latencies(latencies));
    }

    /// <summary>
    /// InFlight workers, worker w on connection w mod Connections, each making its next call as
    /// soon as its last one answered, until <paramref name="calls"/> calls were made. A call that
    /// does not answer OK ends the run: a figure that counts failed calls would measure nothing.
    /// </summary>
    private static async Task<TimeSpan[]> LoopAsync<TConnection>(IReadOnlyList<TConnection> connections, int calls, int inFlight,
        Func<TConnection, int, DateTime, Task> call)
    {
        var latencies = new TimeSpan[calls];
        var next = -1;
        await Task.WhenAll(Enumerable.Range(0, inFlight).Select(async worker =>
        {
            var connection = connections[worker % connections.Count];
            int n;
            while ((n = Interlocked.Increment(ref next)) < calls)
            {
                var started = Stopwatch.GetTimestamp();
                await call(connection, n, Deadlines.Call());
                latencies[n] = Stopwatch.GetElapsedTime(started);
            }
        }));
        return latencies;
    }
}
