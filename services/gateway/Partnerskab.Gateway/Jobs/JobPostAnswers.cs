using System.Text.Json.Nodes;
using Partnerskab.Gateway.Idempotency;

namespace Partnerskab.Gateway.Jobs;

/// <summary>
/// A job's post under an Idempotency-Key answers as any REST write (refusals as problem details,
/// any answer below 500 kept), and a replayed 202 names the same job again in its Location.
/// </summary>
public sealed class JobPostAnswers : IWriteAnswers
{
    public static readonly JobPostAnswers Instance = new();

    public Task RefuseAsync(HttpContext context, IdempotencyRefusal refusal) => RestWriteAnswers.Instance.RefuseAsync(context, refusal);

    public Task ReplayAsync(HttpContext context, IdempotencyRecord record)
    {
        if (record.Status == StatusCodes.Status202Accepted && JsonNode.Parse(record.Body!)?["id"] is JsonValue id)
        {
            context.Response.Headers.Location = JobEndpoints.LocationOf(id.GetValue<string>());
        }
        return RestWriteAnswers.Instance.ReplayAsync(context, record);
    }

    public bool IsKept(HttpContext context) => RestWriteAnswers.Instance.IsKept(context);

    public string? Metadata(HttpContext context) => null;
}
