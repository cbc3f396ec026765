using System.Collections.Concurrent;
using Google.Protobuf;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.Logging;

namespace Partnerskab.EndToEnd.Tests.Infrastructure;

/// <summary>
/// A small OTLP/HTTP (protobuf) endpoint that the services export their traces to, so tests can
/// see which spans shared a trace. Reads just the fields it needs from the wire format of
/// opentelemetry/proto/trace/v1 by field number; metrics and logs are accepted and dropped.
/// </summary>
public sealed class OtlpTraceReceiver : IAsyncDisposable
{
    public sealed record ReceivedSpan(string Service, string TraceId, string SpanId, string ParentSpanId, string Name, int Kind, IReadOnlyList<string> Attributes);

    private readonly ConcurrentQueue<ReceivedSpan> spans = new();
    private readonly WebApplication app;

    public OtlpTraceReceiver(int port)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(k => k.ListenLocalhost(port, l => l.Protocols = HttpProtocols.Http1));
        app = builder.Build();
        app.MapPost("/v1/traces", async (HttpRequest request) =>
        {
            using var body = new MemoryStream();
            await request.Body.CopyToAsync(body);
            foreach (var span in ParseExportTraceServiceRequest(body.ToArray())) spans.Enqueue(span);
            return Results.Bytes([], "application/x-protobuf");
        });
        app.MapPost("/v1/{signal}", () => Results.Bytes([], "application/x-protobuf"));
        Endpoint = new Uri($"http://127.0.0.1:{port}");
    }

    public Uri Endpoint { get; }

    public IReadOnlyCollection<ReceivedSpan> Spans => spans;

    /// <summary>The spans received so far, once they satisfy the condition; after 30 s a TimeoutException listing the last of them.</summary>
    public async Task<IReadOnlyList<ReceivedSpan>> WaitForAsync(Func<IReadOnlyList<ReceivedSpan>, bool> condition)
    {
        var until = DateTime.UtcNow.AddSeconds(30);
        while (true)
        {
            var received = spans.ToList();
            if (condition(received)) return received;
            if (DateTime.UtcNow > until)
            {
                var summary = string.Join('\n', received.TakeLast(40).Select(s => $"{s.Service} {s.Kind} {s.Name} {s.TraceId}"));
                throw new TimeoutException($"The spans never showed the expected trace; {received.Count} received, the last:\n{summary}");
            }
            await Task.Delay(200);
        }
    }

    public Task StartAsync() => app.StartAsync();

    public async ValueTask DisposeAsync() => await app.DisposeAsync();

    // ExportTraceServiceRequest { repeated ResourceSpans resource_spans = 1; }
    private static IEnumerable<ReceivedSpan> ParseExportTraceServiceRequest(byte[] bytes)
    {
        var result = new List<ReceivedSpan>();
        foreach (var (field, resourceSpans) in LengthDelimited(bytes))
        {
            if (field == 1) result.AddRange(ParseResourceSpans(resourceSpans));
        }
        return result;
    }

    // ResourceSpans { Resource resource = 1; repeated ScopeSpans scope_spans = 2; }
    // Resource { repeated KeyValue attributes = 1; }  ScopeSpans { repeated Span spans = 2; }
    private static IEnumerable<ReceivedSpan> ParseResourceSpans(byte[] bytes)
    {
        var service = "";
        var spanMessages = new List<byte[]>();
        foreach (var (field, value) in LengthDelimited(bytes))
        {
            if (field == 1)
            {
                foreach (var (attributeField, keyValue) in LengthDelimited(value))
                {
                    if (attributeField == 1 && ParseKeyValue(keyValue) is ("service.name", var name)) service = name;
                }
            }
            else if (field == 2)
            {
                spanMessages.AddRange(LengthDelimited(value).Where(f => f.Field == 2).Select(f => f.Value));
            }
        }
        return spanMessages.Select(span => ParseSpan(service, span));
    }

    // KeyValue { string key = 1; AnyValue value = 2; }  AnyValue { string string_value = 1; ... }
    private static (string Key, string Value) ParseKeyValue(byte[] bytes)
    {
        string key = "", value = "";
        foreach (var (field, content) in LengthDelimited(bytes))
        {
            if (field == 1) key = System.Text.Encoding.UTF8.GetString(content);
            if (field == 2)
            {
                foreach (var (anyField, anyContent) in LengthDelimited(content))
                {
                    if (anyField == 1) value = System.Text.Encoding.UTF8.GetString(anyContent);
                }
            }
        }
        return (key, value);
    }

    // Span { bytes trace_id = 1; bytes span_id = 2; bytes parent_span_id = 4; string name = 5; SpanKind kind = 6;
    //        repeated KeyValue attributes = 9; }
    private static ReceivedSpan ParseSpan(string service, byte[] bytes)
    {
        string traceId = "", spanId = "", parent = "", name = "";
        var kind = 0;
        var attributes = new List<string>();
        var input = new CodedInputStream(bytes);
        uint tag;
        while ((tag = input.ReadTag()) != 0)
        {
            switch (WireFormat.GetTagFieldNumber(tag))
            {
                case 1: traceId = Convert.ToHexStringLower(input.ReadBytes().ToByteArray()); break;
                case 2: spanId = Convert.ToHexStringLower(input.ReadBytes().ToByteArray()); break;
                case 4: parent = Convert.ToHexStringLower(input.ReadBytes().ToByteArray()); break;
                case 5: name = input.ReadString(); break;
                case 6: kind = input.ReadEnum(); break;
                case 9:
                    var (key, value) = ParseKeyValue(input.ReadBytes().ToByteArray());
                    attributes.Add($"{key}={value}");
                    break;
                default: input.SkipLastField(); break;
            }
        }
        return new ReceivedSpan(service, traceId, spanId, parent, name, kind, attributes);
    }

    /// <summary>The length-delimited fields of a message (nested messages, strings, bytes); others are skipped.</summary>
    private static IEnumerable<(int Field, byte[] Value)> LengthDelimited(byte[] bytes)
    {
        var fields = new List<(int, byte[])>();
        var input = new CodedInputStream(bytes);
        uint tag;
        while ((tag = input.ReadTag()) != 0)
        {
            if (WireFormat.GetTagWireType(tag) == WireFormat.WireType.LengthDelimited)
            {
                fields.Add((WireFormat.GetTagFieldNumber(tag), input.ReadBytes().ToByteArray()));
            }
            else
            {
                input.SkipLastField();
            }
        }
        return fields;
    }
}
