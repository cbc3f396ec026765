using Grpc.Core;
using Partnerskab.Protos.Payment.V1;

namespace Partnerskab.Testing;

public static class InvoiceRuns
{
    /// <summary>
    /// Runs invoices once the partnership's registration has reached the payment service: it comes by event, and until
    /// it has, a run is refused for want of the parties and tried again, up to the patience.
    /// </summary>
    public static async Task<RunInvoicesResponse> OnceRegisteredAsync(Func<Task<RunInvoicesResponse>> run, TimeSpan patience,
        Action? onRetry = null, CancellationToken cancellationToken = default)
    {
        var giveUpAt = DateTime.UtcNow + patience;
        while (true)
        {
            try
            {
                return await run();
            }
            catch (RpcException e) when (e.StatusCode == StatusCode.FailedPrecondition && e.Status.Detail.Contains("has not reached")
                                         && DateTime.UtcNow < giveUpAt)
            {
                onRetry?.Invoke();
                await Task.Delay(TimeSpan.FromMilliseconds(100), cancellationToken);
            }
        }
    }
}
