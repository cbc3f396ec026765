using Partnerskab.ServiceDefaults.Errors;

namespace Partnerskab.ServiceDefaults;

/// <summary>A citizen as the services know one: the cohort service's keyed pseudonym of the CPR number, 32 lowercase hex characters.</summary>
public static class CitizenPseudonym
{
    public static bool IsWellFormed(string? citizenId) => citizenId is { Length: 32 } && citizenId.All(char.IsAsciiHexDigitLower);

    /// <summary>The request's citizen id, with a violation of <c>citizen_id</c> when it is not a pseudonym.</summary>
    public static string Valid(RequestValidator v, string citizenId)
    {
        v.Check(IsWellFormed(citizenId), "citizen_id", "must be a citizen pseudonym (32 lowercase hex characters)");
        return citizenId;
    }
}
