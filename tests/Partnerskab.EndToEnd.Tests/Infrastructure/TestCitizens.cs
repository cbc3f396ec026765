namespace Partnerskab.EndToEnd.Tests.Infrastructure;

/// <summary>Synthetic CPR numbers with valid date parts (born 1950-1989), distinct for distinct n.</summary>
public static class TestCitizens
{
    public static string Cpr(int n)
    {
        var day = 1 + n % 28;
        var month = 1 + n / 28 % 12;
        var year = 50 + n / 336 % 40;
        var serial = 1000 + n / 13440 % 3000; // seventh digit 1-3: born in the 1900s
        return $"{day:D2}{month:D2}{year:D2}-{serial:D4}";
    }

    public static string UniqueReference(string prefix) => $"{prefix}-{Guid.NewGuid():N}";
}
