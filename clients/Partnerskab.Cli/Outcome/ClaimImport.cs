using Google.Rpc;
using Grpc.Core;
using Partnerskab.Cli.Csv;
using Partnerskab.Protos.Outcome.V1;

namespace Partnerskab.Cli.Outcome;

/// <summary>
/// `partnerskab outcome claim`: sends each line of a CSV of outcome claims to ClaimOutcome. The
/// claim reference makes a line safe to send again: a claim already made with the same content
/// is unchanged, one refused by the service is written to the rejected file with its reasons.
/// </summary>
public sealed class ClaimImport(OutcomeService.OutcomeServiceClient client, TextWriter output, ProgressView progress)
{
    private readonly CsvImport import = new(output, progress);

    public Task<CsvImport.Summary> RunAsync(string partnershipId, string csvPath, string rejectedPath, CancellationToken cancellationToken = default) =>
        import.RunAsync<ClaimOutcomeRequest>(csvPath, rejectedPath, null, ClaimCsv.ReadHeader, ClaimCsv.ParseLine,
            async (claims, report, ct) =>
            {
                int created = 0, unchanged = 0;
                var rejected = new List<(int, string)>();
                for (var i = 0; i < claims.Count; i++)
                {
                    report.RowSent();
                    try
                    {
                        var answer = await client.ClaimOutcomeAsync(new ClaimOutcomeRequest(claims[i]) { PartnershipId = partnershipId },
                            deadline: DateTime.UtcNow.AddSeconds(30), cancellationToken: ct);
                        if (answer.Created) created++;
                        else unchanged++;
                    }
                    catch (RpcException e) when (e.StatusCode is StatusCode.InvalidArgument or StatusCode.NotFound or StatusCode.AlreadyExists
                        or StatusCode.FailedPrecondition)
                    {
                        rejected.Add((i + 1, Reasons(e)));
                    }
                    report.RowsAnswered(1);
                }
                return new CsvImport.Answer(created, unchanged, false, rejected);
            }, cancellationToken);

    private static string Reasons(RpcException e) =>
        e.GetRpcStatus()?.GetDetail<BadRequest>() is { FieldViolations.Count: > 0 } badRequest
            ? string.Join("; ", badRequest.FieldViolations.Select(v => $"{v.Field}: {v.Description}"))
            : $"{e.StatusCode}: {e.Status.Detail}";
}
