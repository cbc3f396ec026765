using Grpc.Core;

namespace Partnerskab.Protos.Payment.V1;

/// <summary>The whole of a partnership's ledger, for the callers that want every item (GetLedger answers in pages).</summary>
public static class LedgerPages
{
    /// <summary>The largest page the service gives.</summary>
    private const int MaxPageSize = 1000;

    /// <summary>Every item the request asks for, first page to last, as one answer, all pages within the options' deadline.</summary>
    public static async Task<GetLedgerResponse> GetWholeLedgerAsync(this PaymentService.PaymentServiceClient client, GetLedgerRequest request, CallOptions options)
    {
        var page = request.Clone();
        page.PageSize = MaxPageSize;
        page.PageToken = "";
        var whole = new GetLedgerResponse();
        do
        {
            var answer = await client.GetLedgerAsync(page, options);
            whole.Items.AddRange(answer.Items);
            page.PageToken = answer.NextPageToken;
        }
        while (page.PageToken.Length > 0);
        return whole;
    }

    /// <inheritdoc cref="GetWholeLedgerAsync(PaymentService.PaymentServiceClient, GetLedgerRequest, CallOptions)"/>
    public static Task<GetLedgerResponse> GetWholeLedgerAsync(this PaymentService.PaymentServiceClient client, GetLedgerRequest request,
        DateTime? deadline = null, CancellationToken cancellationToken = default) =>
        client.GetWholeLedgerAsync(request, new CallOptions(deadline: deadline, cancellationToken: cancellationToken));
}
