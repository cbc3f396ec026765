namespace Partnerskab.Payment;

/// <summary>
/// The one place where money is rounded. Amounts are whole øre in a long everywhere; a result
/// that is not a whole number of øre is rounded half away from zero (0.5 øre becomes 1 øre,
/// -0.5 øre becomes -1 øre), as EN 16931 and Peppol BIS Billing 3.0 expect for two decimals.
/// <list type="bullet">
/// <item>VAT is computed once per invoice and VAT rate on the sum of the lines' net amounts
/// (BR-CO-17, BR-S-08/09), never per line, so the VAT breakdown always equals the sum of its lines.</item>
/// <item>Lines are never rounded: every line amount is already whole øre (unit prices are whole
/// øre, quantities whole units, caps whole øre).</item>
/// <item>Shares (of a budget, of a payment, per citizen) use the same rule.</item>
/// <item>A price split across payers (<see cref="Split"/>) is the exception: every part is rounded
/// toward zero and the øre left go to one named payer, so the parts sum to the price exactly.</item>
/// </list>
/// </summary>
public static class Money
{
    /// <summary>The VAT of a taxable amount at a rate in hundredths of a percent (2500 = 25 %).</summary>
    public static long Vat(long taxableOre, int rateBasisPoints) => Share(taxableOre, rateBasisPoints, 10_000);

    /// <summary>amount × numerator / denominator, rounded to whole øre half away from zero; 0 when the denominator is 0.</summary>
    public static long Share(long amountOre, long numerator, long denominator) =>
        denominator == 0 ? 0 : (long)Math.Round((decimal)amountOre * numerator / denominator, MidpointRounding.AwayFromZero);

    /// <summary>A part of a whole in hundredths of a percent (8300 = 83.00 %); 0 when the whole is 0.</summary>
    public static long BasisPoints(long partOre, long wholeOre) => Share(10_000, partOre, wholeOre);

    /// <summary>
    /// An amount split by shares: each part is amount × share / the shares' total, rounded toward
    /// zero, and the øre the rounding leaves go to the part at <paramref name="remainderIndex"/> (the
    /// payer the rate card names). The parts always sum to the amount, no øre is lost or doubled, and
    /// a negative amount (a credit) splits as the exact opposite of the positive one.
    /// </summary>
    public static long[] Split(long amountOre, IReadOnlyList<long> shares, int remainderIndex)
    {
        var total = shares.Sum();
        if (total <= 0 || shares.Any(s => s < 0)) throw new ArgumentException("Shares are never negative and sum to more than 0.", nameof(shares));
        ArgumentOutOfRangeException.ThrowIfNegative(remainderIndex);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(remainderIndex, shares.Count);
        var parts = shares.Select(share => (long)((Int128)amountOre * share / total)).ToArray();
        parts[remainderIndex] += amountOre - parts.Sum();
        return parts;
    }

    /// <summary>
    /// An amount split in proportion to ceilings that sum to at least it (a capped price across the
    /// payers' full parts): <see cref="Split"/> by the ceilings, and the øre the remainder part would
    /// get above its own ceiling go to the first parts with room. No part exceeds its ceiling or goes
    /// below 0, and the parts sum to the amount.
    /// </summary>
    public static long[] SplitWithin(long amountOre, IReadOnlyList<long> ceilings, int remainderIndex)
    {
        if (ceilings.Any(c => c < 0)) throw new ArgumentException("Ceilings are never negative.", nameof(ceilings));
        ArgumentOutOfRangeException.ThrowIfNegative(amountOre);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(amountOre, ceilings.Sum());
        if (amountOre == 0) return new long[ceilings.Count];
        var parts = Split(amountOre, ceilings, remainderIndex);
        // Only the remainder part can pass its ceiling: every other is rounded down from at most its ceiling.
        var excess = parts[remainderIndex] - ceilings[remainderIndex];
        for (var i = 0; excess > 0; i++)
        {
            var moved = Math.Min(excess, ceilings[i] - parts[i]);
            parts[i] += moved;
            parts[remainderIndex] -= moved;
            excess -= moved;
        }
        return parts;
    }

    /// <summary>Øre as an amount with two decimals and a point, as UBL writes it: 123456 as "1234.56".</summary>
    public static string Decimal2(long ore) => (ore / 100m).ToString("0.00", System.Globalization.CultureInfo.InvariantCulture);
}
