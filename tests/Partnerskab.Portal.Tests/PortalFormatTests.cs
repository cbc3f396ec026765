using NodaTime;
using Partnerskab.Portal.Formatting;
using Shouldly;

namespace Partnerskab.Portal.Tests;

public sealed class PortalFormatTests
{
    private static readonly System.Globalization.CultureInfo Danish = PortalFormat.Danish;
    private static readonly System.Globalization.CultureInfo English = PortalFormat.English;

    [Theory]
    [InlineData(2023, 11, 16, "16. november 2023", "16 November 2023")]
    [InlineData(2025, 3, 1, "1. marts 2025", "1 March 2025")]
    [InlineData(2024, 2, 29, "29. februar 2024", "29 February 2024")]
    public void Dates_read_as_the_minutes_write_them(int year, int month, int day, string danish, string english)
    {
        PortalFormat.Date(new LocalDate(year, month, day), Danish).ShouldBe(danish);
        PortalFormat.Date(new LocalDate(year, month, day), English).ShouldBe(english);
    }

    [Theory]
    [InlineData(123_456_789L, "1.234.567,89 kr.", "DKK 1,234,567.89")]
    [InlineData(0L, "0,00 kr.", "DKK 0.00")]
    [InlineData(5L, "0,05 kr.", "DKK 0.05")]
    [InlineData(-250_000L, "-2.500,00 kr.", "DKK -2,500.00")]
    public void Kroner_are_exact_to_the_øre(long ore, string danish, string english)
    {
        PortalFormat.Kroner(ore, Danish).ShouldBe(danish);
        PortalFormat.Kroner(ore, English).ShouldBe(english);
    }

    [Theory]
    [InlineData(30_000_000L, "0,3 mio. kr.", "DKK 0.3m")]
    [InlineData(350_000_000L, "3,5 mio. kr.", "DKK 3.5m")]
    [InlineData(560_000_000L, "5,6 mio. kr.", "DKK 5.6m")]
    // 0.25 mio. rounds half away from zero, as a committee table does; one øre less does not.
    [InlineData(25_000_000L, "0,3 mio. kr.", "DKK 0.3m")]
    [InlineData(24_999_999L, "0,2 mio. kr.", "DKK 0.2m")]
    [InlineData(123_456_789_000L, "1.234,6 mio. kr.", "DKK 1,234.6m")]
    public void Millions_have_one_decimal(long ore, string danish, string english)
    {
        PortalFormat.Millions(ore, Danish).ShouldBe(danish);
        PortalFormat.Millions(ore, English).ShouldBe(english);
    }

    [Theory]
    [InlineData(4250L, "42,5 %", "42.5%")]
    [InlineData(9600L, "96 %", "96%")]
    [InlineData(3077L, "30,8 %", "30.8%")]
    [InlineData(0L, "0 %", "0%")]
    public void Shares_come_from_basis_points(long basisPoints, string danish, string english)
    {
        PortalFormat.Percent(basisPoints, Danish).ShouldBe(danish);
        PortalFormat.Percent(basisPoints, English).ShouldBe(english);
    }

    [Fact]
    public void Months_and_counts_are_in_the_language_asked_for()
    {
        PortalFormat.Month("2023-04", Danish).ShouldBe("april 2023");
        PortalFormat.Month("2023-04", English).ShouldBe("April 2023");
        PortalFormat.Count(1234567, Danish).ShouldBe("1.234.567");
        PortalFormat.Count(1234567, English).ShouldBe("1,234,567");
    }

    [Theory]
    [InlineData(1234L, "12,34", "12.34")]
    [InlineData(-5L, "-0,05", "-0.05")]
    [InlineData(123_456_00L, "123.456,00", "123,456.00")]
    public void Hundredths_have_two_decimals(long hundredths, string danish, string english)
    {
        PortalFormat.Hundredths(hundredths, Danish).ShouldBe(danish);
        PortalFormat.Hundredths(hundredths, English).ShouldBe(english);
    }

    [Theory]
    [InlineData(11_500L, "1,15")]
    [InlineData(11_549L, "1,15")]
    [InlineData(11_550L, "1,16")]
    [InlineData(0L, "0,00")]
    public void A_multiple_in_ten_thousandths_rounds_half_away_from_zero_to_two_decimals(long tenThousandths, string danish) =>
        PortalFormat.Multiple(tenThousandths, Danish).ShouldBe(danish);

    [Theory]
    [InlineData(0.0845, "8,45 %", "8.45%")]
    [InlineData(-0.123456, "-12,35 %", "-12.35%")]
    [InlineData(12.5, "1.250,00 %", "1,250.00%")]
    public void An_annual_rate_is_a_percentage_with_two_decimals(double rate, string danish, string english)
    {
        PortalFormat.AnnualRate(rate, Danish).ShouldBe(danish);
        PortalFormat.AnnualRate(rate, English).ShouldBe(english);
    }
}
