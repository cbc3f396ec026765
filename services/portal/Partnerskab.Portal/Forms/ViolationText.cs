using System.Collections.Concurrent;
using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.Extensions.Localization;
using Partnerskab.Portal.Formatting;

namespace Partnerskab.Portal.Forms;

/// <summary>
/// A service's words in the page's language: a field violation, a refusal of the whole request
/// (the message of a gRPC status: not found, a refused precondition, a conflict, no right to do
/// it), or a reason given in place of a figure. The services word them in English, some with
/// values in them ("must be between 0 and 520"); each known wording is a resource "Violation:
/// {English template}", "Refusal: {English template}" or "Reason: {English template}" whose
/// Danish value has the same placeholders ("Skal være mellem {0} og {1}."). A Danish page shows
/// the Danish text with the service's values; an English page, or a wording no resource knows,
/// shows the service's own text.
/// </summary>
public static partial class ViolationText
{
    public const string KeyPrefix = "Violation: ";
    public const string RefusalKeyPrefix = "Refusal: ";
    public const string ReasonKeyPrefix = "Reason: ";

    private static readonly ConcurrentDictionary<string, IReadOnlyList<string>> Known = new(StringComparer.Ordinal);

    /// <summary>A field violation's description.</summary>
    public static string Localize(string message, IStringLocalizer localizer, CultureInfo culture) => Localize(KeyPrefix, message, localizer, culture);

    /// <summary>A status message: why the service refused the request as a whole.</summary>
    public static string LocalizeRefusal(string message, IStringLocalizer localizer, CultureInfo culture) =>
        Localize(RefusalKeyPrefix, message, localizer, culture);

    /// <summary>A plain sentence a service gives instead of a figure: why a business case has no estimate.</summary>
    public static string LocalizeReason(string message, IStringLocalizer localizer, CultureInfo culture) =>
        Localize(ReasonKeyPrefix, message, localizer, culture);

    private static string Localize(string prefix, string message, IStringLocalizer localizer, CultureInfo culture)
    {
        if (!PortalFormat.IsDanish(culture)) return message;
        var known = Known.GetOrAdd(prefix, _ => [.. localizer.GetAllStrings(includeParentCultures: true).Select(s => s.Name)
            .Where(n => n.StartsWith(prefix, StringComparison.Ordinal)).Select(n => n[prefix.Length..])]);
        return Find(message, known) is { } found
            ? string.Format(culture, localizer[prefix + found.Template].Value, [.. found.Values])
            : message;
    }

    /// <summary>
    /// The template the message was made from, and the values in its placeholders; of several that
    /// fit, the one with the most fixed text. Null when none fits.
    /// </summary>
    public static (string Template, IReadOnlyList<string> Values)? Find(string message, IEnumerable<string> templates) =>
        templates
            .Select(template => (Template: template, Match: Pattern(template).Match(message)))
            .Where(candidate => candidate.Match.Success)
            .OrderByDescending(candidate => Placeholder().Replace(candidate.Template, "").Length)
            .Select(candidate => ((string, IReadOnlyList<string>)?)(candidate.Template, [.. candidate.Match.Groups.Values.Skip(1).Select(g => g.Value)]))
            .FirstOrDefault();

    /// <summary>The template as a pattern of the whole message: its fixed text, and a value where each placeholder is.</summary>
    private static Regex Pattern(string template) =>
        new($"^{Placeholder().Replace(Regex.Escape(template).Replace("\\{", "{", StringComparison.Ordinal), "(.+?)")}$", RegexOptions.CultureInvariant);

    [GeneratedRegex(@"\{\d+\}")]
    private static partial Regex Placeholder();
}
