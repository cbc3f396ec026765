using Grpc.Core;
using Partnerskab.Tokens;

namespace Partnerskab.Testing.InProcess;

/// <summary>A generated gRPC client over a channel of its own, which disposing this closes.</summary>
public sealed class InProcessClient<TClient> : IDisposable where TClient : ClientBase<TClient>
{
    private readonly BearerChannel channel;

    public InProcessClient(BearerChannel channel)
    {
        this.channel = channel;
        Client = (TClient)Activator.CreateInstance(typeof(TClient), channel.Invoker)!;
    }

    public TClient Client { get; }

    public void Dispose() => channel.Dispose();
}
