using System.Text.RegularExpressions;
using System.Xml.Linq;
using Partnerskab.Portal.Forms;
using Shouldly;

namespace Partnerskab.Portal.Tests;

/// <summary>The services' field violations in Danish: every wording the services' validators can give has a Danish resource.</summary>
public sealed partial class ViolationTextTests
{
    private static readonly string[] ServiceSources = ["services/cohort", "services/outcome", "services/payment", "services/shared/Partnerskab.ServiceDefaults"];

    private const string CohortWindow = "the {0} date {1} is outside the citizen's follow-up {2} to {3} (end exclusive) or on or after an exit";

    private static readonly string[] FollowUpWindow =
    [
        "the citizen was exited as wrongly enrolled and was never in follow-up",
        "the {0} date {1} is outside the citizen's follow-up {2} to the exit on {3} (exclusive; reason {4})",
        "the {0} date {1} is outside the citizen's follow-up window {2} to {3} (end exclusive)",
    ];

    /// <summary>
    /// Where a violation's description is not written at the call but comes from elsewhere: the
    /// wordings each such expression can give (their templates, with {n} for the values in them).
    /// </summary>
    private static readonly Dictionary<string, string[]> Indirect = new(StringComparer.Ordinal)
    {
        ["cprError"] = ["must be 10 digits, as DDMMYY-SSSS or DDMMYYSSSS", "does not start with a valid birth date (DDMMYY)"],
        ["problem!"] =
        [
            "must be the first day of a quarter (1 January, April, July or October): the rate card invoices quarterly",
            "must be the first day of a month: the rate card invoices monthly",
        ],
        ["StatusRowFate.HandedOverToComparisonReason"] = ["is a citizen handed over to this partnership; a citizen of the cohort is not in its comparison group"],
        ["Handovers.CaseReferenceTakenReason(taken)"] = ["is already the case reference of citizen {0} in this partnership; a case reference names one citizen"],
        ["answer.OutsideReason($\"the contact date {contactDate:uuuu-MM-dd}\")"] = [CohortWindow],
        ["answer.OutsideReason($\"the outcome date {outcomeDate:uuuu-MM-dd}\")"] = [CohortWindow],
        ["citizen.OutsideFollowUpReason($\"the contact date {contactDate:uuuu-MM-dd}\")"] = [.. FollowUpWindow],
        ["citizen.OutsideFollowUpReason($\"the outcome date {content.OutcomeDate:uuuu-MM-dd}\")"] = [.. FollowUpWindow],
        // Passed on from where they are made; those calls are read as the others are.
        ["description"] = [],
        ["reason"] = [],
        ["x.Reason"] = ["must stay {0}: an amendment cannot change a party of the agreement; a new party means a new agreement"],
    };

    [Fact]
    public void Every_violation_the_services_validators_can_give_has_a_Danish_text()
    {
        var found = ViolationsInServices().ToList();
        found.Count.ShouldBeGreaterThan(60);
        ShouldAllBeKnown(found.Select(f => (f.File, f.Expression, f.Template is not null)));
        var templates = found.Select(f => f.Template!).Where(t => t.Length > 0).Concat(Indirect.Values.SelectMany(t => t)).Distinct().ToList();
        ShouldAllHaveDanishTexts(templates, ViolationText.KeyPrefix);
    }

    /// <summary>Every wording is written at its call or known to the test's list of indirect ones.</summary>
    internal static void ShouldAllBeKnown(IEnumerable<(string File, string Expression, bool Known)> found) =>
        found.Where(f => !f.Known).Select(f => $"{f.File}: {f.Expression}").Distinct().ToList()
            .ShouldBeEmpty("a wording that is not written at the call: add it and its wordings to Indirect, and a Danish resource for each");

    /// <summary>Each template has a Danish resource (<paramref name="prefix"/> and the template) that uses the template's placeholders and no others.</summary>
    internal static void ShouldAllHaveDanishTexts(IReadOnlyList<string> templates, string prefix)
    {
        var danish = DanishTemplates(prefix);
        templates.Where(t => !danish.ContainsKey(t)).ShouldBeEmpty($"add a resource \"{prefix}<template>\" with the Danish text to SharedResource.resx");
        foreach (var template in templates)
        {
            Placeholders(danish[template]).ShouldBeSubsetOf(Placeholders(template), template);
        }
    }

    [Theory]
    [InlineData("must be between 0 and 520", "must be between 0 and 520", new string[0])]
    [InlineData("must be at most 200 characters", "must be at most {0} characters", new[] { "200" })]
    [InlineData("must be between 100 and 999999999 øre", "must be between {0} and {1} øre", new[] { "100", "999999999" })]
    [InlineData("2023-02-30 is not a calendar date between 1900-01-01 and 2199-12-31", "{0}-{1}-{2} is not a calendar date between 1900-01-01 and 2199-12-31",
        new[] { "2023", "02", "30" })]
    public void A_message_is_found_by_its_template_with_the_values_in_it(string message, string template, string[] values)
    {
        var found = ViolationText.Find(message, DanishTemplates().Keys);
        found.ShouldNotBeNull();
        found.Value.Template.ShouldBe(template);
        found.Value.Values.ShouldBe(values);
    }

    [Fact]
    public void Of_two_templates_that_fit_the_one_with_more_fixed_text_wins_and_an_unknown_wording_is_not_found()
    {
        ViolationText.Find("must be 1-50 characters of A-Z, 0-9 and _", ["must be {0}", "must be 1-50 characters of A-Z, 0-9 and _"])!.Value.Template
            .ShouldBe("must be 1-50 characters of A-Z, 0-9 and _");
        ViolationText.Find("must be a prime number", DanishTemplates().Keys.Where(t => t != "must be {0}")).ShouldBeNull();
    }

    /// <summary>The resources' English templates (of the keys with <paramref name="prefix"/>) and their Danish texts.</summary>
    internal static Dictionary<string, string> DanishTemplates(string prefix = ViolationText.KeyPrefix) =>
        XDocument.Load(Path.Combine(TestEnvironment.RepositoryRoot, "services/portal/Partnerskab.Portal/Resources/SharedResource.resx"))
            .Root!.Elements("data")
            .Where(d => ((string)d.Attribute("name")!).StartsWith(prefix, StringComparison.Ordinal))
            .ToDictionary(d => ((string)d.Attribute("name")!)[prefix.Length..], d => (string)d.Element("value")!);

    private static HashSet<string> Placeholders(string text) => [.. PlaceholderPattern().Matches(text).Select(m => m.Value)];

    /// <summary>The services' C# files (not generated, not migrations), by name, with their text.</summary>
    internal static IEnumerable<(string File, string Source)> ServiceFiles() =>
        ServiceSources.SelectMany(root => Directory.EnumerateFiles(Path.Combine(TestEnvironment.RepositoryRoot, root), "*.cs", SearchOption.AllDirectories))
            .Where(f => !f.Contains("/obj/", StringComparison.Ordinal) && !f.Contains("/bin/", StringComparison.Ordinal) && !f.Contains("/Migrations/", StringComparison.Ordinal))
            .Select(f => (Path.GetFileName(f), File.ReadAllText(f)));

    /// <summary>Each description a validator call of the services gives: its template when written at the call, "" when <see cref="Indirect"/> knows the expression, else null.</summary>
    private static IEnumerable<(string File, string Expression, string? Template)> ViolationsInServices()
    {
        foreach (var (file, source) in ServiceFiles())
        {
            foreach (var pattern in (Regex[])[AddCall(), CheckCall(), FieldViolation(), ViolationTuple(), ValidatorAdd()])
            {
                foreach (Match match in pattern.Matches(source))
                {
                    var expression = Regex.Replace(match.Groups["m"].Value.Trim(), @"\s+", " ");
                    yield return (file, expression, Template(expression) ?? (Indirect.ContainsKey(expression) ? "" : null));
                }
            }
        }
    }

    /// <summary>A string literal as a template: an interpolated string's holes become {0}, {1}, ...</summary>
    internal static string? Template(string expression)
    {
        var literal = StringLiteral().Match(expression);
        if (!literal.Success) return null;
        var text = literal.Groups["text"].Value.Replace("\\\"", "\"", StringComparison.Ordinal).Replace("\\\\", "\\", StringComparison.Ordinal);
        if (literal.Groups["interpolated"].Length == 0) return text;
        var n = 0;
        return Hole().Replace(text, _ => $"{{{n++}}}");
    }

    [GeneratedRegex(@"\bv\.Add\(\s*[^,;]+?,\s*(?<m>[^;]*?)\);")]
    private static partial Regex AddCall();

    [GeneratedRegex(@"\b(?:v\.)?Check\([^;]*?,\s*(?:\$?""[^""]*""|[a-z]\w*)\s*,\s*(?<m>\$?""(?:[^""\\]|\\.)*""|[^;]*?)\);", RegexOptions.Singleline)]
    private static partial Regex CheckCall();

    [GeneratedRegex(@"Field\s*=\s*[^,]+,\s*Description\s*=\s*(?<m>\$?""(?:[^""\\]|\\.)*""|[^,}\n]+)")]
    private static partial Regex FieldViolation();

    [GeneratedRegex(@"violations\.Add\(\(\s*""[^""]+"",\s*(?<m>[^;]*?)\)\);", RegexOptions.Singleline)]
    private static partial Regex ViolationTuple();

    /// <summary>RequestValidator's own checks.</summary>
    [GeneratedRegex(@"(?<![.\w])Add\(field,\s*(?<m>\$?""(?:[^""\\]|\\.)*"")\)")]
    private static partial Regex ValidatorAdd();

    [GeneratedRegex(@"^(?<interpolated>\$?)""(?<text>(?:[^""\\]|\\.)*)""$")]
    private static partial Regex StringLiteral();

    [GeneratedRegex(@"\{[^{}]*\}")]
    private static partial Regex Hole();

    [GeneratedRegex(@"\{\d+\}")]
    private static partial Regex PlaceholderPattern();
}
