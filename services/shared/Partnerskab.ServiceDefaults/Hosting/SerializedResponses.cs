using System.Buffers;
using System.Runtime.CompilerServices;
using Google.Protobuf;
using Grpc.Core;

namespace Partnerskab.ServiceDefaults.Hosting;

/// <summary>
/// Answers sent as the protobuf bytes they were kept as. A handler that builds a large answer as
/// bytes (and stores them for a retried call) returns a stand-in message with the bytes attached;
/// the service's response marshaller (<see cref="Errors.ValidatingMethodProvider{TService}"/>) writes
/// them as they are, so the answer is neither materialized as messages nor serialized again. The
/// stand-in itself is empty: code between the handler and the wire must not read the answer from it.
/// </summary>
public static class SerializedResponses
{
    private static readonly ConditionalWeakTable<object, ReadOnlyMemory<byte>[]> attached = [];

    /// <summary>A stand-in response whose bytes on the wire are <paramref name="parts"/> one after the other.</summary>
    public static TResponse Of<TResponse>(params ReadOnlyMemory<byte>[] parts) where TResponse : class, IMessage, new()
    {
        var standIn = new TResponse();
        attached.Add(standIn, parts);
        return standIn;
    }

    /// <summary>Serializes a response: the bytes attached to it, if any, otherwise by <paramref name="serializer"/>.</summary>
    internal static void Write<TResponse>(TResponse response, SerializationContext context, Action<TResponse, SerializationContext> serializer)
    {
        if (response is null || !attached.TryGetValue(response, out var parts))
        {
            serializer(response, context);
            return;
        }
        attached.Remove(response);
        context.SetPayloadLength(parts.Sum(part => part.Length));
        var writer = context.GetBufferWriter();
        foreach (var part in parts) writer.Write(part.Span);
        context.Complete();
    }
}
