using Grpc.Core;
using Grpc.Core.Interceptors;
using Grpc.Net.Client;

namespace Partnerskab.Tokens;

/// <summary>A gRPC channel to one service whose calls carry the caller's bearer token (none: anonymous calls).</summary>
public sealed class BearerChannel : IDisposable
{
    // Import answers carry one result per row: some 5 MB for 100,000 rows.
    private static readonly GrpcChannelOptions Options = new() { MaxReceiveMessageSize = 64 * 1024 * 1024 };

    private readonly GrpcChannel channel;

    /// <param name="recordedAt">Set for an operator's historical load: every call says its facts were recorded then.</param>
    public BearerChannel(Uri address, string? bearerToken, DateTimeOffset? recordedAt = null)
        : this(GrpcChannel.ForAddress(address, Options), bearerToken, recordedAt)
    {
    }

    /// <summary>Over a channel of the caller's making (a test server's handler, say); disposing this disposes it.</summary>
    public BearerChannel(GrpcChannel channel, string? bearerToken, DateTimeOffset? recordedAt = null)
    {
        this.channel = channel;
        Invoker = bearerToken is null && recordedAt is null
            ? channel.CreateCallInvoker()
            : channel.Intercept(metadata =>
            {
                if (bearerToken is not null) metadata.Add("Authorization", $"Bearer {bearerToken}");
                if (recordedAt is { } at) metadata.Add(RecordedAtHeader.Name, RecordedAtHeader.Value(at));
                return metadata;
            });
    }

    public CallInvoker Invoker { get; }

    public void Dispose() => channel.Dispose();
}
