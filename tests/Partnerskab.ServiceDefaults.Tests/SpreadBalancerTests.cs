using System.Net;
using System.Net.Sockets;
using Grpc.Core;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Partnerskab.ServiceDefaults.Calling;

namespace Partnerskab.ServiceDefaults.Tests;

/// <summary>
/// A channel spread over two instances on real sockets: one answers, the other dies just after the channel connected to
/// it (its connection and its listener close), which grpc-dotnet's round robin goes on counting as up.
/// </summary>
public sealed class SpreadBalancerTests : IAsyncLifetime
{
    private const int Calls = 10;
    private static readonly Method<byte[], byte[]> Probe = new(MethodType.Unary, "probe.Probe", "Call",
        Marshallers.Create(bytes => bytes, bytes => bytes), Marshallers.Create(bytes => bytes, bytes => bytes));

    private readonly WebApplication live = LiveInstance();
    private readonly TcpListener dying = new(IPAddress.Loopback, 0);
    private readonly List<Socket> accepted = [];

    public async Task InitializeAsync()
    {
        await live.StartAsync();
        dying.Start();
    }

    [Fact]
    public async Task An_instance_that_refuses_a_connection_gets_no_more_calls()
    {
        var accepting = AcceptAsync();
        var instances = ServiceInstances.From("Test", "ProbeUrl", null,
            [new Uri(live.Urls.Single()), new Uri($"http://127.0.0.1:{((IPEndPoint)dying.LocalEndpoint).Port}")]);
        using var channel = instances.Channel();
        await channel.ConnectAsync();
        await accepting;

        dying.Stop();
        foreach (var socket in accepted) socket.Close();
        var invoker = channel.CreateCallInvoker();
        var refused = 0;
        for (var n = 0; n < Calls; n++)
        {
            try
            {
                await invoker.AsyncUnaryCall(Probe, null, new CallOptions(deadline: DateTime.UtcNow.AddSeconds(15)), []);
            }
            catch (RpcException e) when (e.StatusCode == StatusCode.Unavailable)
            {
                refused++;
            }
        }

        refused.ShouldBeLessThanOrEqualTo(1, "only the call that found the instance gone fails; the others go to the one left");
    }

    /// <summary>Takes the channel's connection to the dying instance, as its listener would before it dies.</summary>
    private async Task AcceptAsync() => accepted.Add(await dying.AcceptSocketAsync());

    /// <summary>An instance answering every unary call with an empty message, in plain HTTP/2 as the services do.</summary>
    private static WebApplication LiveInstance()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0, listen => listen.Protocols = HttpProtocols.Http2));
        var app = builder.Build();
        app.MapPost("/probe.Probe/Call", async context =>
        {
            context.Response.ContentType = "application/grpc";
            context.Response.AppendTrailer("grpc-status", "0");
            await context.Response.Body.WriteAsync(new byte[5]);
        });
        return app;
    }

    public async Task DisposeAsync()
    {
        dying.Dispose();
        foreach (var socket in accepted) socket.Dispose();
        await live.DisposeAsync();
    }
}
