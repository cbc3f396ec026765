using NodaTime;

namespace Partnerskab.Payment.Investments;

/// <summary>
/// The internal rate of return of dated cash flows (XIRR): the annual rate r at which their present
/// value Σ cᵢ (1 + r)^(−tᵢ) is zero, tᵢ being the days from the first cash flow over 365
/// (Actual/365, as spreadsheets' XIRR counts). Money stays exact until here: the rate is a real
/// number, computed in double.
/// <para>Method: the present value is evaluated in a scaled form (every term divided by the largest
/// discount factor) so that no term overflows for long horizons or rates near −100 %. Rates from
/// <see cref="LowestRate"/> to <see cref="HighestRate"/> are scanned on a grid of
/// <see cref="GridPoints"/> points evenly spaced in ln(1 + r); each grid interval where the present
/// value changes sign holds a rate, found by Newton's method kept inside the interval, falling back
/// to bisection whenever a Newton step leaves the interval or fails to halve it. Each rate found
/// lies within <see cref="Tolerance"/> of a true root.</para>
/// <para>Answers: cash flows that never change sign (nothing drawn, or nothing paid back) have no
/// rate (<see cref="Outcome.NoSolution"/>). One sign change has exactly one rate (Descartes' rule of
/// signs, which holds for real exponents); several sign changes may have none or several, so
/// several rates found are all given and none chosen (<see cref="Outcome.SeveralRates"/>). Two rates
/// closer together than one grid interval (0.4 % of 1 + r) may be missed.</para>
/// </summary>
public static class RateOfReturn
{
    public const double LowestRate = -0.9999;
    public const double HighestRate = 1000;
    public const int GridPoints = 4000;
    public const double Tolerance = 1e-9;
    private const int MaxIterations = 200;

    public enum Outcome
    {
        Rate = 1,
        NoSolution = 2,
        NoRateFound = 3,
        SeveralRates = 4,
    }

    public readonly record struct CashFlow(LocalDate On, long AmountOre);

    /// <summary>The answer: the rate when there is one; with several, all of them (lowest first).</summary>
    public sealed record Result(Outcome Outcome, double? Rate, IReadOnlyList<double> Candidates);

    public static Result Of(IEnumerable<CashFlow> cashFlows)
    {
        var byDay = cashFlows.GroupBy(c => c.On).Select(g => (On: g.Key, Ore: g.Sum(c => c.AmountOre)))
            .Where(d => d.Ore != 0).OrderBy(d => d.On).ToList();
        if (!byDay.Any(d => d.Ore > 0) || !byDay.Any(d => d.Ore < 0)) return new Result(Outcome.NoSolution, null, []);

        var first = byDay[0].On;
        var terms = byDay.Select(d => new Term(Period.DaysBetween(first, d.On) / 365.0, d.Ore)).ToArray();
        var rates = Roots(terms);
        return rates.Count switch
        {
            0 => new Result(Outcome.NoRateFound, null, []),
            1 => new Result(Outcome.Rate, rates[0], rates),
            _ => new Result(Outcome.SeveralRates, null, rates),
        };
    }

    private readonly record struct Term(double Years, double Amount);

    private static List<double> Roots(Term[] terms)
    {
        var roots = new List<double>();
        var lowest = Math.Log(1 + LowestRate);
        var step = (Math.Log(1 + HighestRate) - lowest) / (GridPoints - 1);
        (double Rate, double Value)? previous = null;
        for (var i = 0; i < GridPoints; i++)
        {
            var rate = Math.Exp(lowest + i * step) - 1;
            var value = PresentValue(terms, rate).Value;
            if (value == 0)
            {
                roots.Add(rate);
                previous = null;
                continue;
            }
            if (previous is { } p && Math.Sign(p.Value) != Math.Sign(value)) roots.Add(Solve(terms, p.Rate, rate, p.Value));
            previous = (rate, value);
        }
        return roots;
    }

    /// <summary>
    /// Newton's method inside [low, high], where the present value changes sign. A Newton step is
    /// taken only if it lands inside the interval and the interval at least halved in the step
    /// before; otherwise the step bisects, so the interval halves at least every second step.
    /// </summary>
    private static double Solve(Term[] terms, double low, double high, double valueAtLow)
    {
        var rate = (low + high) / 2;
        var previousWidth = high - low;
        for (var i = 0; i < MaxIterations; i++)
        {
            var (value, slope) = PresentValue(terms, rate);
            if (value == 0) return rate;
            if (Math.Sign(value) == Math.Sign(valueAtLow)) low = rate;
            else high = rate;
            var width = high - low;
            if (width <= Tolerance) break;
            var newton = rate - value / slope;
            rate = double.IsFinite(newton) && newton > low && newton < high && width <= previousWidth / 2 ? newton : (low + high) / 2;
            previousWidth = width;
        }
        return (low + high) / 2;
    }

    /// <summary>
    /// The present value and its slope at the rate, both divided by the largest discount factor
    /// (a positive number, so signs and roots are those of the true present value, and Newton's
    /// step value / slope is unchanged).
    /// </summary>
    private static (double Value, double Slope) PresentValue(Term[] terms, double rate)
    {
        var log = Math.Log(1 + rate);
        var largest = terms.Max(t => -t.Years * log);
        double value = 0, slope = 0;
        foreach (var t in terms)
        {
            var discounted = t.Amount * Math.Exp(-t.Years * log - largest);
            value += discounted;
            slope -= t.Years * discounted / (1 + rate);
        }
        return (value, slope);
    }
}
