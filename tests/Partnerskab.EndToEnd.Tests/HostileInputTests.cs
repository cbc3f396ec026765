using Google.Protobuf;
using Google.Protobuf.Reflection;
using Grpc.Core;
using Partnerskab.EndToEnd.Tests.Infrastructure;
using Partnerskab.Protos.Cohort.V1;
using Partnerskab.Protos.Outcome.V1;
using Partnerskab.Protos.Payment.V1;
using Partnerskab.Scenario;
using Partnerskab.Tokens;
using Shouldly;
using Xunit.Abstractions;

namespace Partnerskab.EndToEnd.Tests;

/// <summary>
/// A corpus of hostile input sent to every RPC as raw protobuf: each request is an empty message
/// with one field set to something hostile (huge or script or SQL text, extreme numbers, unknown
/// enum numbers, dates in year 0 and 9999), plus truncated and garbage bytes. Every answer must be
/// a deliberate status with no internal detail, no service may fall over, and nothing is written.
/// </summary>
[Collection(SuiteCollection.Name)]
public sealed class HostileInputTests(SuiteFixture suite, ITestOutputHelper output)
{
    private static readonly ServiceDescriptor[] Services = [CohortService.Descriptor, OutcomeService.Descriptor, PaymentService.Descriptor];

    private static readonly StatusCode[] DeliberateRefusals =
    [
        StatusCode.InvalidArgument, StatusCode.NotFound, StatusCode.FailedPrecondition, StatusCode.PermissionDenied,
        StatusCode.ResourceExhausted, StatusCode.OutOfRange, StatusCode.AlreadyExists,
    ];

    private static readonly Marshaller<byte[]> Bytes = Marshallers.Create(bytes => bytes, bytes => bytes);

    public static TheoryData<string> Rpcs() => new(Services.SelectMany(s => s.Methods.Select(m => m.FullName)));

    [Theory]
    [MemberData(nameof(Rpcs))]
    public async Task Hostile_input_is_refused_cleanly_and_writes_nothing(string rpc)
    {
        var method = Services.SelectMany(s => s.Methods).Single(m => m.FullName == rpc);
        var before = await suite.RowCountsAsync();

        var answers = new List<string>();
        var tried = 0;
        foreach (var (label, payload) in Corpus(method.InputType))
        {
            tried++;
            var status = await CallAsync(method, payload);
            if (status.StatusCode != StatusCode.OK && !DeliberateRefusals.Contains(status.StatusCode) || status.Detail.Contains("   at "))
            {
                answers.Add($"{label}: {status.StatusCode} {status.Detail}");
            }
        }

        output.WriteLine($"{rpc}: {tried} hostile inputs tried, {answers.Count} answered badly");
        answers.ShouldBeEmpty();
        suite.Services.ShouldAllBe(service => service.IsRunning);
        (await suite.RowCountsAsync()).ShouldBe(before);
    }

    private async Task<Status> CallAsync(MethodDescriptor rpc, byte[] payload)
    {
        var service = rpc.Service.Name switch
        {
            "CohortService" => suite.Cohort,
            "OutcomeService" => suite.Outcome,
            _ => suite.Payment,
        };
        using var channel = new BearerChannel(service.GrpcUrl, suite.TokenFor(Testing.LocalSuite.Operator));
        var options = new CallOptions(deadline: SuiteClients.Deadline());
        try
        {
            if (rpc.IsClientStreaming)
            {
                var method = new Method<byte[], byte[]>(MethodType.ClientStreaming, rpc.Service.FullName, rpc.Name, Bytes, Bytes);
                using var call = channel.Invoker.AsyncClientStreamingCall(method, null, options);
                await call.RequestStream.WriteAsync(payload);
                await call.RequestStream.CompleteAsync();
                await call.ResponseAsync;
            }
            else
            {
                var method = new Method<byte[], byte[]>(MethodType.Unary, rpc.Service.FullName, rpc.Name, Bytes, Bytes);
                await channel.Invoker.AsyncUnaryCall(method, null, options, payload);
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
