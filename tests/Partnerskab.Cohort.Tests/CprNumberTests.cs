using NodaTime;
using Partnerskab.Cohort.Handover;

namespace Partnerskab.Cohort.Tests;

public sealed class CprNumberTests
{
    [Theory]
    [InlineData("150385-1234", 1985, 3, 15)]   // 7th digit 1: 1900s
    [InlineData("1503851234", 1985, 3, 15)]
    [InlineData("010100-4000", 2000, 1, 1)]    // 7th digit 4, year 00-36: 2000s
    [InlineData("010137-4000", 1937, 1, 1)]    // 7th digit 4, year 37-99: 1900s
    [InlineData("010157-5000", 2057, 1, 1)]    // 7th digit 5-8, year 00-57: 2000s
    [InlineData("010158-8000", 1858, 1, 1)]    // 7th digit 5-8, year 58-99: 1800s
    [InlineData("290200-4123", 2000, 2, 29)]   // 2000 is a leap year
    [InlineData("311299-9999", 1999, 12, 31)]  // 7th digit 9, year 37-99: 1900s
    [InlineData(" 150385-1234 ", 1985, 3, 15)]
    public void A_valid_number_gives_its_birth_date(string text, int year, int month, int day)
    {
        CprNumber.TryParse(text, out var cpr, out var error).ShouldBeTrue(error);
        cpr.BirthDate.ShouldBe(new LocalDate(year, month, day));
        cpr.Digits.Length.ShouldBe(10);
    }

    [Theory]
    [InlineData("")]
    [InlineData(null)]
    [InlineData("150385-123")]
    [InlineData("150385--1234")]
    [InlineData("15038512345")]
    [InlineData("1503851a34")]
    [InlineData("150-3851234")]
    [InlineData("١٥٠٣٨٥١٢٣٤")] // Arabic-Indic digits are digits to char.IsDigit, not to a CPR
    public void A_number_of_the_wrong_shape_is_refused(string? text)
    {
        CprNumber.TryParse(text, out _, out var error).ShouldBeFalse();
        error.ShouldContain("10 digits");
    }

    [Theory]
    [InlineData("320185-1234")]
    [InlineData("001285-1234")]
    [InlineData("151385-1234")]
    [InlineData("290201-4123")] // 2001 is not a leap year
    [InlineData("290200-2123")] // 1900 is not a leap year
    public void A_number_without_a_real_birth_date_is_refused(string text)
    {
        CprNumber.TryParse(text, out _, out var error).ShouldBeFalse();
        error.ShouldContain("birth date");
    }

    [Fact]
    public void The_number_never_shows_itself_in_text()
    {
        CprNumber.TryParse("150385-1234", out var cpr, out _).ShouldBeTrue();
        cpr.ToString().ShouldNotContain("1503");
        $"{cpr}".ShouldBe("CPR(redacted)");
    }
}
