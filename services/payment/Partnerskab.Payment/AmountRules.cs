using Partnerskab.ServiceDefaults.Errors;

namespace Partnerskab.Payment;

/// <summary>The bounds of an amount of money in a request, for every RPC that takes one.</summary>
public static class AmountRules
{
    /// <summary>The largest single amount accepted: 1 billion DKK, far above any real price, cap, budget or payment.</summary>
    public const long MaxOre = 100_000_000_000;

    /// <summary>Checks that an amount in øre lies between <paramref name="minimumOre"/> and <see cref="MaxOre"/>.</summary>
    public static long Amount(this RequestValidator v, long ore, string field, long minimumOre = 0)
    {
        v.Check(ore >= minimumOre && ore <= MaxOre, field, $"must be between {minimumOre} and {MaxOre} øre");
        return ore;
    }
}
