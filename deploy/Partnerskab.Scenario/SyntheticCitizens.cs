namespace Partnerskab.Scenario;

/// <summary>
/// Synthetic CPR numbers for scenarios, tests and benchmarks: valid date parts (born 1950-1989,
/// seventh digit 1-3), distinct for distinct n up to 40 million. Not real people's numbers by
/// design, though any well-formed number could belong to someone: never use them outside tests.
/// </summary>
public static class SyntheticCitizens
{
    public static string Cpr(int n)
    {
        var day = 1 + n % 28;
        var month = 1 + n / 28 % 12;
        var year = 50 + n / 336 % 40;
        var serial = 1000 + n / 13440 % 3000;
        return $"{day:D2}{month:D2}{year:D2}-{serial:D4}";
    }
}
