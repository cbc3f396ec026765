using Partnerskab.Contracts;
using Partnerskab.ServiceDefaults.Errors;

namespace Partnerskab.ServiceDefaults;

/// <summary>A request's citizen: a <see cref="Pseudonym"/>, checked where a request names one.</summary>
public static class CitizenPseudonym
{
    /// <summary>The request's citizen id, with a violation of <c>citizen_id</c> when it is not a pseudonym.</summary>
    public static string Valid(RequestValidator v, string citizenId)
    {
        v.Check(Pseudonym.IsWellFormed(citizenId), "citizen_id", "must be a citizen pseudonym (32 lowercase hex characters)");
        return citizenId;
    }
}
