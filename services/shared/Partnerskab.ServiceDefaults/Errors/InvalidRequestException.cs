using Google.Rpc;

namespace Partnerskab.ServiceDefaults.Errors;

/// <summary>The request broke field rules; becomes InvalidArgument with BadRequest field violations.</summary>
public sealed class InvalidRequestException(IReadOnlyList<BadRequest.Types.FieldViolation> violations)
    : Exception("The request is invalid: " + string.Join("; ", violations.Select(v => $"{v.Field}: {v.Description}")))
{
    public IReadOnlyList<BadRequest.Types.FieldViolation> Violations { get; } = violations;
}
