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
    /// <param name="describe">A field violation's description as shown; unset: as the service gave it.</param>
    /// <param name="refusal">The status message as shown; unset: as the service gave it.</param>
    public static IReadOnlyList<string>? Problems(RpcException e, Func<string, string>? describe = null, Func<string, string>? refusal = null)
    {
        if (e.StatusCode is not (StatusCode.InvalidArgument or StatusCode.FailedPrecondition or StatusCode.AlreadyExists)) return null;
        describe ??= description => description;
        refusal ??= message => message;
        return e.GetRpcStatus()?.GetDetail<BadRequest>() is { FieldViolations.Count: > 0 } badRequest
            ? [.. badRequest.FieldViolations.Select(v => $"{v.Field}: {describe(v.Description)}")]
            : [refusal(e.Status.Detail)];
    }

    /// <summary>The refusal in the page's language (<see cref="Forms.ViolationText"/>): each field violation, or the status message.</summary>
    public static IReadOnlyList<string>? Problems(RpcException e, IStringLocalizer localizer)
    {
        var culture = System.Globalization.CultureInfo.CurrentUICulture;
        return Problems(e, description => Forms.ViolationText.Localize(description, localizer, culture),
            message => Forms.ViolationText.LocalizeRefusal(message, localizer, culture));
    }
}
