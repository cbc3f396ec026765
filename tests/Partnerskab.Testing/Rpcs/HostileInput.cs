using Google.Protobuf;
using Google.Protobuf.Reflection;
using Grpc.Core;

namespace Partnerskab.Testing.Rpcs;

/// <summary>
/// A corpus of hostile input for an RPC, as raw protobuf: each request is an empty message with
/// one field set to something hostile (huge or script or SQL text, extreme numbers, unknown enum
/// numbers, dates in year 0 and 9999), plus truncated and garbage bytes; and the answers to it that
/// are not a deliberate status, or that carry internal detail.
/// </summary>
public static class HostileInput
{
    private static readonly StatusCode[] DeliberateRefusals =
    [
        StatusCode.InvalidArgument, StatusCode.NotFound, StatusCode.FailedPrecondition, StatusCode.PermissionDenied,
        StatusCode.ResourceExhausted, StatusCode.OutOfRange, StatusCode.AlreadyExists,
    ];

    private static readonly Marshaller<byte[]> Bytes = Marshallers.Create(bytes => bytes, bytes => bytes);

    /// <summary>Sends the whole corpus to the RPC; returns how many inputs were tried and the answers that were not deliberate.</summary>
    public static async Task<(int Tried, IReadOnlyList<string> BadAnswers)> SendAsync(CallInvoker invoker, MethodDescriptor rpc, Func<DateTime> deadline)
    {
        var answers = new List<string>();
        var tried = 0;
        foreach (var (label, payload) in Corpus(rpc.InputType))
        {
            tried++;
            var status = await CallAsync(invoker, rpc, payload, deadline());
            if (status.StatusCode != StatusCode.OK && !DeliberateRefusals.Contains(status.StatusCode) || status.Detail.Contains("   at "))
            {
                answers.Add($"{label}: {status.StatusCode} {status.Detail}");
            }
        }
        return (tried, answers);
    }

    private static async Task<Status> CallAsync(CallInvoker invoker, MethodDescriptor rpc, byte[] payload, DateTime deadline)
    {
        var options = new CallOptions(deadline: deadline);
        try
        {
            if (rpc.IsClientStreaming)
            {
                var method = new Method<byte[], byte[]>(MethodType.ClientStreaming, rpc.Service.FullName, rpc.Name, Bytes, Bytes);
                using var call = invoker.AsyncClientStreamingCall(method, null, options);
                await call.RequestStream.WriteAsync(payload);
                await call.RequestStream.CompleteAsync();
                await call.ResponseAsync;
            }
            else
            {
                var method = new Method<byte[], byte[]>(MethodType.Unary, rpc.Service.FullName, rpc.Name, Bytes, Bytes);
                await invoker.AsyncUnaryCall(method, null, options, payload);
            }
            return Status.DefaultSuccess;
        }
        catch (RpcException e)
        {
            return e.Status;
        }
    }

    private static IEnumerable<(string Label, byte[] Payload)> Corpus(MessageDescriptor input)
    {
        foreach (var field in input.Fields.InDeclarationOrder())
        {
            foreach (var (label, value) in HostileValues(field))
            {
                var message = input.Parser.ParseFrom([]);
                if (field.IsRepeated) ((System.Collections.IList)field.Accessor.GetValue(message)).Add(value);
                else field.Accessor.SetValue(message, value);
                yield return ($"{field.Name} = {label}", message.ToByteArray());
            }
        }
        yield return ("garbage bytes", [0xff, 0xff, 0xff, 0xff, 0x0f, 0x0a]);
        yield return ("a length running past the end", [0x0a, 0x7f, 0x41, 0x42]);
    }

    private static IEnumerable<(string, object)> HostileValues(FieldDescriptor field)
    {
        switch (field.FieldType)
        {
            case FieldType.String:
                yield return ("3 MB of text", new string('x', 3 * 1024 * 1024));
                yield return ("SQL", "x'); DROP TABLE citizens; --");
                yield return ("script", "<script>alert(document.cookie)</script>");
                yield return ("control characters", "\0\u0007\u001b[2J\u202e");
                break;
            case FieldType.Int32 or FieldType.SInt32 or FieldType.SFixed32:
                yield return ("int.MinValue", int.MinValue);
                yield return ("int.MaxValue", int.MaxValue);
                yield return ("-1", -1);
                break;
            case FieldType.Int64 or FieldType.SInt64 or FieldType.SFixed64:
                yield return ("long.MinValue", long.MinValue);
                yield return ("long.MaxValue", long.MaxValue);
                yield return ("-1", -1L);
                break;
            case FieldType.Enum:
                yield return ("unknown number 999", Enum.ToObject(field.EnumType.ClrType, 999));
                yield return ("negative number", Enum.ToObject(field.EnumType.ClrType, -7));
                break;
            case FieldType.Message when field.MessageType.FullName == "google.type.Date":
                yield return ("year 0", new Google.Type.Date { Year = 0, Month = 1, Day = 1 });
                yield return ("9999-12-31", new Google.Type.Date { Year = 9999, Month = 12, Day = 31 });
                yield return ("month 13, day 32", new Google.Type.Date { Year = 2024, Month = 13, Day = 32 });
                break;
            case FieldType.Message:
                foreach (var nested in field.MessageType.Fields.InDeclarationOrder().Where(f => !f.IsRepeated && f.FieldType == FieldType.String))
                {
                    var value = field.MessageType.Parser.ParseFrom([]);
                    nested.Accessor.SetValue(value, "x'); DROP TABLE partnerships; --" + new string('y', 100_000));
                    yield return ($"{nested.Name} huge SQL text", value);
                }
                foreach (var nested in field.MessageType.Fields.InDeclarationOrder().Where(IsTimestamp))
                {
                    foreach (var (label, timestamp) in HostileTimestamps())
                    {
                        var value = field.MessageType.Parser.ParseFrom([]);
                        nested.Accessor.SetValue(value, timestamp);
                        yield return ($"{nested.Name} = {label}", value);
                    }
                }
                break;
        }
    }

    private static bool IsTimestamp(FieldDescriptor field) =>
        !field.IsRepeated && field.FieldType == FieldType.Message && field.MessageType.FullName == Google.Protobuf.WellKnownTypes.Timestamp.Descriptor.FullName;

    // Outside Timestamp's range (years 1 to 9999) and a second's nanos: the wire allows them, the type does not.
    private static IEnumerable<(string, Google.Protobuf.WellKnownTypes.Timestamp)> HostileTimestamps()
    {
        yield return ("timestamp at long.MaxValue seconds", new() { Seconds = long.MaxValue });
        yield return ("timestamp before year 1", new() { Seconds = long.MinValue });
        yield return ("timestamp with negative nanos", new() { Seconds = 1, Nanos = -1 });
    }
}
