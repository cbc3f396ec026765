using Google.Rpc;
using Grpc.Core;
using NodaTime;
using NodaTime.Text;

namespace Partnerskab.Portal.Forms;

/// <summary>
/// What is wrong with a posted form: per field (named as the service's request field, which is
/// also the input's name and id) and for the form as a whole. Filled by the portal's own reading
/// of the form (a date or number it cannot read: then no service is called) and from a service's
/// refusal (its field violations, or why it could not do it).
/// </summary>
public sealed class FormProblems
{
    private readonly Dictionary<string, List<string>> fields = new(StringComparer.Ordinal);
    private readonly List<string> general = [];

    public bool Any => fields.Count > 0 || general.Count > 0;

    public IReadOnlyList<string> General => general;

    public IReadOnlyList<string> For(string field) => fields.TryGetValue(field, out var messages) ? messages : [];

    /// <summary>aria-invalid for the field's input: "true", or nothing when it has no problem.</summary>
    public string? Invalid(string field) => For(field).Count > 0 ? "true" : null;

    /// <summary>aria-describedby for the field's input (id <paramref name="id"/>): its help, and its problems when it has any.</summary>
    public string? DescribedBy(string field, string id, string? help = null)
    {
        var ids = string.Join(' ', new[] { help, For(field).Count > 0 ? $"{id}-error" : null }.Where(i => !string.IsNullOrEmpty(i)));
        return ids.Length > 0 ? ids : null;
    }

    public void Add(string field, string message)
    {
        if (!fields.TryGetValue(field, out var messages)) fields[field] = messages = [];
        messages.Add(message);
    }

    public void AddGeneral(string message) => general.Add(message);

    /// <summary>A required date as an ISO day (what a date input posts); a problem on the field otherwise.</summary>
    public LocalDate? Date(string? text, string field, string message)
    {
        var parsed = LocalDatePattern.Iso.Parse(text?.Trim() ?? "");
        if (parsed.Success) return parsed.Value;
        Add(field, message);
        return null;
    }

    /// <summary>A whole number within bounds; a problem on the field otherwise.</summary>
    public int? Number(string? text, string field, int min, int max, string message)
    {
        if (int.TryParse(text?.Trim(), System.Globalization.NumberStyles.Integer, System.Globalization.CultureInfo.InvariantCulture, out var value)
            && value >= min && value <= max)
        {
            return value;
        }
        Add(field, message);
        return null;
    }

    /// <summary>
    /// Makes the form's service call unless the form already has problems. True when it was done;
    /// false when the service refused it (the refusal is now among the problems). Any other
    /// failure, or no right to do it, stays an error of the page.
    /// </summary>
    public async Task<bool> TryAsync(Func<Task> call)
    {
        if (Any) return false;
        try
        {
            await call();
            return true;
        }
        catch (RpcException refusal) when (TakeRefusal(refusal))
        {
            return false;
        }
    }

    /// <summary>
    /// Takes a service's refusal of the form's request: field violations beside their fields, and
    /// a refused precondition, a conflict or an unknown record for the form. False for anything
    /// else.
    /// </summary>
    private bool TakeRefusal(RpcException refusal)
    {
        switch (refusal.StatusCode)
        {
            case StatusCode.InvalidArgument:
                var violations = refusal.GetRpcStatus()?.GetDetail<BadRequest>()?.FieldViolations ?? [];
                foreach (var violation in violations) Add(violation.Field, violation.Description);
                if (violations.Count == 0) AddGeneral(refusal.Status.Detail);
                return true;
            case StatusCode.FailedPrecondition or StatusCode.AlreadyExists or StatusCode.NotFound:
                AddGeneral(refusal.Status.Detail);
                return true;
            default:
                return false;
        }
    }
}

/// <summary>One labelled input of a form, with its help and its problems beside it (Pages/Shared/_Input.cshtml).</summary>
public sealed record InputField(FormProblems Problems, string Field, string Label, string Type, string Value, string? Help = null)
{
    /// <summary>The input's id: the request field's name, with dots (nested fields) as dashes.</summary>
    public string Id => Field.Replace('.', '-').Replace('[', '-').Replace("]", "", StringComparison.Ordinal);
}
