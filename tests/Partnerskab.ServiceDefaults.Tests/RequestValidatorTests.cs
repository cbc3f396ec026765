using NodaTime;
using Partnerskab.ServiceDefaults.Errors;

namespace Partnerskab.ServiceDefaults.Tests;

public sealed class RequestValidatorTests
{
    [Theory]
    [InlineData(2024, 2, 29, true)]
    [InlineData(2023, 2, 29, false)]
    [InlineData(2023, 4, 31, false)]
    [InlineData(0, 1, 1, false)]
    [InlineData(9999, 12, 31, false)]
    [InlineData(2023, 0, 1, false)]
    [InlineData(2023, 1, 0, false)]
    [InlineData(1900, 1, 1, true)]
    [InlineData(2199, 12, 31, true)]
    public void Only_real_calendar_dates_in_range_pass(int year, int month, int day, bool valid)
    {
        var validator = new RequestValidator();
        var date = validator.Date(new Google.Type.Date { Year = year, Month = month, Day = day }, "on_date");
        validator.IsValid.ShouldBe(valid);
        if (valid) date.ShouldBe(new LocalDate(year, month, day));
    }

    [Fact]
    public void Every_violation_is_reported_at_once_by_field()
    {
        var validator = new RequestValidator();
        validator.Id("nope", "partnership_id");
        validator.Text("  ", "name");
        validator.Text(new string('x', 201), "reference");
        validator.Text("tab\there", "note");
        validator.Date(null, "handover_date");
        validator.Digits("1234567", "cvr", 8);

        var error = Should.Throw<InvalidRequestException>(validator.ThrowIfInvalid);
        error.Violations.Select(v => v.Field).ShouldBe(["partnership_id", "name", "reference", "note", "handover_date", "cvr"]);
    }

    [Fact]
    public void Text_is_trimmed_and_ids_parsed()
    {
        var validator = new RequestValidator();
        validator.Text("  Haderslev  ", "name").ShouldBe("Haderslev");
        validator.Id("0b8f3f0e-6d2a-4c1e-9a57-2f1d3c4b5a69", "id").ShouldBe(Guid.Parse("0b8f3f0e-6d2a-4c1e-9a57-2f1d3c4b5a69"));
        validator.IsValid.ShouldBeTrue();
    }

    private enum Colour { Unspecified = 0, Red = 1 }

    [Fact]
    public void An_enum_must_be_set_and_known()
    {
        var validator = new RequestValidator();
        validator.Enum(Colour.Unspecified, "unset");
        validator.Enum((Colour)7, "unknown");
        validator.Enum(Colour.Red, "fine");
        var error = Should.Throw<InvalidRequestException>(validator.ThrowIfInvalid);
        error.Violations.Select(v => (v.Field, v.Description)).ShouldBe([("unset", "is required"), ("unknown", "7 is not a known value")]);
    }
}
