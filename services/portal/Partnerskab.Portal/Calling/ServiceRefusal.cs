using Google.Rpc;
using Grpc.Core;

namespace Partnerskab.Portal.Calling;

/// <summary>
/// A service's refusal of what a form asked, for the form to show: its field violations
/// ("field: why"), or its message when it names no field. Other failures are not a form's to show.
/// </summary>
public static class ServiceRefusal
{
    public static IReadOnlyList<string>? Problems(RpcException e)
    {
        if (e.StatusCode is not (StatusCode.InvalidArgument or StatusCode.FailedPrecondition or StatusCode.AlreadyExists)) return null;
        return e.GetRpcStatus()?.GetDetail<BadRequest>() is { FieldViolations.Count: > 0 } badRequest
            ? [.. badRequest.FieldViolations.Select(v => $"{v.Field}: {v.Description}")]
            : [e.Status.Detail];
    }
}
