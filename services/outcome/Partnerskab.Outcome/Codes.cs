using System.Text.RegularExpressions;

namespace Partnerskab.Outcome;

/// <summary>The codes a partnership names its milestones and KPI targets by (a milestone's is shared with payment's rate card).</summary>
public static partial class Codes
{
    public const string Rule = "1-50 characters of A-Z, 0-9 and _";

    public static bool IsValid(string code) => Pattern().IsMatch(code);

    [GeneratedRegex("^[A-Z0-9_]{1,50}$")]
    private static partial Regex Pattern();
}
