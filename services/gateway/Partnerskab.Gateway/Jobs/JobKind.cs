using System.Text.Json.Nodes;
using Google.Protobuf;
using Google.Protobuf.Reflection;
using Google.Rpc;
using Grpc.Core;
using Partnerskab.Gateway.Problems;

namespace Partnerskab.Gateway.Jobs;

/// <summary>How one chunk of a job reaches its service: for whom, where, under which idempotency key.</summary>
/// <param name="Target">The partnership the rows are for.</param>
/// <param name="IdempotencyKey">Derived from the job id and the chunk, so a chunk sent again is answered, not run again.</param>
/// <param name="Headers">The caller's token, minted by the gateway.</param>
public sealed record JobCall(string Target, string? StatusSource, bool ValidateOnly, string IdempotencyKey, Metadata Headers);

/// <summary>A rows file the gateway takes as a job, and the service call that judges and writes its rows.</summary>
public abstract class JobKind
{
    /// <summary>The kind's name in the job's JSON and the gateway's database.</summary>
    public abstract string Name { get; }

    /// <summary>The CSV columns, all required in the header row.</summary>
    public abstract IReadOnlyList<JobColumn> Columns { get; }

    /// <summary>The message one row becomes.</summary>
    public abstract MessageDescriptor Row { get; }

    /// <summary>The sender's own reference of a row, echoed on a row that could not be read.</summary>
    public virtual string? ReferenceOf(JsonObject? fields) => null;

    /// <summary>
    /// Rows a chunk for a job posted now (a job keeps the size it was posted with), each chunk's results kept when it has run. A stream of up to 1,000 rows is
    /// written whole with its stored answer or not at all; a kind sent a row a call keeps each row's result.
    /// </summary>
    public virtual int ChunkRows => 1000;

    /// <summary>
    /// Whether several chunks may be sent at once. A stream's batch is judged under the
    /// partnership's lock in the service, so two streams at once are judged one after the other;
    /// a row a call is not, so two calls for the same reference must not race.
    /// </summary>
    public virtual bool ChunksMayOverlap => true;

    /// <summary>Whether the service can judge the rows without writing them (the streams' validate_only).</summary>
    public virtual bool HasDryRun => true;

    /// <summary>Sends the rows (with their numbers in the file) in one call; one result per row, numbered as in the file.</summary>
    public abstract Task<IReadOnlyList<JobRowResult>> RunAsync(JobCall call, IReadOnlyList<(int RowNumber, IMessage Row)> rows, CancellationToken cancellationToken);

    /// <summary>Streams one message per row and returns the stream's answer.</summary>
    protected static async Task<TResponse> StreamAsync<TRequest, TResponse>(AsyncClientStreamingCall<TRequest, TResponse> stream,
        IReadOnlyList<(int RowNumber, IMessage Row)> rows, Func<IMessage, TRequest> message, CancellationToken cancellationToken)
    {
        using (stream)
        {
            try
            {
                foreach (var (_, row) in rows) await stream.RequestStream.WriteAsync(message(row), cancellationToken);
                await stream.RequestStream.CompleteAsync();
            }
            catch (Exception e) when (e is IOException or InvalidOperationException or RpcException && !cancellationToken.IsCancellationRequested)
            {
                // The service answered or went away before it had read every row (refused the
                // call, or was stopped): its status, in the answer, says which.
            }
            return await stream.ResponseAsync;
        }
    }

    /// <summary>
    /// Sends the rows one call each, in order. A row the service refuses is rejected with the
    /// service's reasons; a transient failure ends the chunk, to be sent again.
    /// </summary>
    protected static async Task<IReadOnlyList<JobRowResult>> EachRowAsync(IReadOnlyList<(int RowNumber, IMessage Row)> rows,
        Func<IMessage, Task<(string Outcome, string? CitizenId)>> send, Func<IMessage, string> referenceOf, string fieldPrefix = "")
    {
        var results = new List<JobRowResult>(rows.Count);
        foreach (var (rowNumber, row) in rows)
        {
            try
            {
                var (outcome, citizenId) = await send(row);
                results.Add(new JobRowResult(rowNumber, outcome, NullIfEmpty(citizenId ?? ""), null, null));
            }
            catch (RpcException e) when (!JobRunner.IsTransient(e.StatusCode))
            {
                var violations = ServiceViolations(e).Select(v => v with { Field = v.Field.StartsWith(fieldPrefix, StringComparison.Ordinal) ? v.Field[fieldPrefix.Length..] : v.Field }).ToList();
                results.Add(new JobRowResult(rowNumber, JobRowResult.Rejected, null, referenceOf(row),
                    violations.Count > 0 ? violations : [new FieldViolation("row", e.Status.Detail)]));
            }
        }
        return results;
    }

    /// <summary>The field violations of a service's refusal (google.rpc.BadRequest), named as in the JSON.</summary>
    public static List<FieldViolation> ServiceViolations(RpcException e) =>
        e.GetRpcStatus()?.GetDetail<BadRequest>()?.FieldViolations
            .Select(v => new FieldViolation(BackendErrorTranslation.JsonFieldName(v.Field), v.Description)).ToList() ?? [];

    /// <summary>A text field of a row's JSON, trimmed.</summary>
    protected static string? Text(JsonObject? fields, string name) =>
        fields?[name] is JsonValue value && value.TryGetValue<string>(out var text) ? text.Trim() : null;

    /// <summary>A service's field name (weeks_sick_listed) as the JSON names it (weeksSickListed).</summary>
    protected static IReadOnlyList<FieldViolation>? JsonViolations(IEnumerable<(string Field, string Description)> violations)
    {
        var list = violations.Select(v => new FieldViolation(BackendErrorTranslation.JsonFieldName(v.Field), v.Description)).ToList();
        return list.Count == 0 ? null : list;
    }

    protected static string? NullIfEmpty(string text) => text.Length == 0 ? null : text;

    /// <summary>The deadline of one call: a validation sends the whole file in one stream.</summary>
    protected static DateTime Deadline() => DateTime.UtcNow.AddMinutes(10);
}
