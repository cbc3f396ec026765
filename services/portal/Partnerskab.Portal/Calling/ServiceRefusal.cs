using Google.Rpc;
using Grpc.Core;
using Microsoft.Extensions.Localization;

namespace Partnerskab.Portal.Calling;

/// <summary>
/// A service's refusal of what a form asked, for the form to show: its field violations
/// ("field: why"), or its message when it names no field. Other failures are not a form's to show.
/// </summary>
public static class ServiceRefusal
{
    public static IReadOnlyList<string>? Problems(RpcException e, Func<string, string>? describe = null)
    {
        if (e.StatusCode is not (StatusCode.InvalidArgument or StatusCode.FailedPrecondition or StatusCode.AlreadyExists)) return null;
        describe ??= description => description;
        return e.GetRpcStatus()?.GetDetail<BadRequest>() is { FieldViolations.Count: > 0 } badRequest
            ? [.. badRequest.FieldViolations.Select(v => $"{v.Field}: {describe(v.Description)}")]
            : [e.Status.Detail];
    }

    /// <summary>The refusal with each field violation in the page's language (<see cref="Forms.ViolationText"/>).</summary>
    public static IReadOnlyList<string>? Problems(RpcException e, IStringLocalizer localizer) =>
        Problems(e, description => Forms.ViolationText.Localize(description, localizer, System.Globalization.CultureInfo.CurrentUICulture));
}
