namespace Partnerskab.Cohort.Partnerships;

/// <summary>
/// What becomes of an agreement's terms: the rules whole terms keep, whether a registration is
/// new, a retry or a clash with another agreement under the same reference, and whether an
/// amendment is made or refused. Pure: the handlers read, decide here, then write or refuse.
/// </summary>
public static class AgreementDecision
{
    /// <summary>The most places a cohort may have: a national programme's size.</summary>
    public const int MaxCohortCapacity = 1_000_000;

    /// <summary>
    /// The rules the terms keep as a whole: the contract runs forward, the handover window lies
    /// inside it, and the cohort's size and the follow-up's length are in range. A date that
    /// failed its own check is the default and takes no part in a comparison.
    /// </summary>
    public static IReadOnlyList<(string Field, string Reason)> Violations(AgreementTerms terms)
    {
        var violations = new List<(string Field, string Reason)>();
        void Check(bool condition, string field, string reason)
        {
            if (!condition) violations.Add((field, reason));
        }
        var (contractStart, contractEnd) = (terms.ContractStart, terms.ContractEnd);
        var (windowStart, windowEnd) = (terms.HandoverWindowStart, terms.HandoverWindowEnd);
        if (contractStart != default && contractEnd != default) Check(contractStart < contractEnd, "contract_end", "must be after contract_start");
        if (windowStart != default && windowEnd != default) Check(windowStart <= windowEnd, "handover_window_end", "must not be before handover_window_start");
        if (windowStart != default && contractStart != default) Check(windowStart >= contractStart, "handover_window_start", "must be inside the contract period");
        if (windowEnd != default && contractEnd != default) Check(windowEnd <= contractEnd, "handover_window_end", "must be inside the contract period");
        Check(terms.CohortCapacity is >= 1 and <= MaxCohortCapacity, "cohort_capacity", $"must be between 1 and {MaxCohortCapacity}");
        Check(terms.FollowUpMonths is >= 1 and <= 120, "follow_up_months", "must be between 1 and 120");
        return violations;
    }

    public abstract record Registration;

    public sealed record Register : Registration;

    /// <summary>The same terms were registered under the reference before: a retry, answered with the partnership as it is.</summary>
    public sealed record AlreadyRegistered : Registration;

    /// <summary>Another agreement is registered under the reference.</summary>
    public sealed record ReferenceTaken : Registration;

    /// <param name="registered">The terms first registered under the reference (version 1), if any.</param>
    public static Registration Registering(AgreementTerms requested, AgreementTerms? registered) =>
        registered is null ? new Register()
        : registered.SameAs(requested) ? new AlreadyRegistered()
        : new ReferenceTaken();

    public abstract record Amendment;

    /// <summary>The amendment is made: the terms become version <paramref name="Version"/>.</summary>
    public sealed record Amend(int Version) : Amendment;

    /// <summary>The caller amended another version than the current one.</summary>
    public sealed record StaleVersion(int Current) : Amendment;

    /// <summary>
    /// The kommune and the provider are the contract's parties: invoices go from the one to the
    /// other under gapless numbers per issuer, so an amendment may rename them but a change of
    /// CVR number is a new agreement.
    /// </summary>
    public sealed record PartiesChanged(IReadOnlyList<(string Field, string Reason)> Violations) : Amendment;

    public sealed record ChangesNothing : Amendment;

    /// <summary>The amended cohort would hold fewer places than are taken.</summary>
    public sealed record BelowPlacesTaken(int PlacesTaken) : Amendment;

    public static Amendment Amending(Partnership current, int expectedVersion, AgreementTerms amended, int placesTaken)
    {
        if (current.Version != expectedVersion) return new StaleVersion(current.Version);
        var parties = new List<(string Field, string Reason)>();
        if (amended.Kommune.Cvr != current.Terms.Kommune.Cvr) parties.Add(PartyStays("kommune.cvr", current.Terms.Kommune.Cvr));
        if (amended.Provider.Cvr != current.Terms.Provider.Cvr) parties.Add(PartyStays("provider.cvr", current.Terms.Provider.Cvr));
        if (parties.Count > 0) return new PartiesChanged(parties);
        if (current.Terms.SameAs(amended)) return new ChangesNothing();
        return amended.CohortCapacity < placesTaken ? new BelowPlacesTaken(placesTaken) : new Amend(current.Version + 1);
    }

    private static (string Field, string Reason) PartyStays(string field, string cvr) =>
        (field, $"must stay {cvr}: an amendment cannot change a party of the agreement; a new party means a new agreement");
}
