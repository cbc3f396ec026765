using System.Text.Json;
using Partnerskab.Contracts;
using Partnerskab.Contracts.Cohort;

namespace Partnerskab.ServiceDefaults.Tests;

public sealed class PseudonymTests
{
    private const string Citizen = "0123456789abcdef0123456789abcdef";

    [Theory]
    [InlineData("")]
    [InlineData("0123456789ABCDEF0123456789ABCDEF")]
    [InlineData("0123456789abcdef0123456789abcde")]
    [InlineData("0123456789abcdef0123456789abcdeg")]
    [InlineData("010190-1234")]
    public void Only_32_lowercase_hex_characters_are_a_pseudonym(string text)
    {
        Pseudonym.IsWellFormed(text).ShouldBeFalse();
        Should.Throw<FormatException>(() => new Pseudonym(text)).Message.ShouldContain("is not a citizen pseudonym");
    }

    [Fact]
    public void An_event_carries_the_pseudonym_and_the_exit_reason_as_the_text_the_services_have_always_sent()
    {
        var options = new JsonSerializerOptions(JsonSerializerDefaults.Web);
        var exited = new CitizenExited
        {
            PartnershipId = Guid.Parse("7b1e2a52-5f0c-4a4d-9a51-0b3c0c6b8a11"), CitizenId = new Pseudonym(Citizen),
            ExitDate = new DateOnly(2023, 6, 1), Reason = ExitReason.WronglyEnrolled,
        };

        var json = JsonSerializer.Serialize(exited, options);

        json.ShouldBe($$"""{"partnershipId":"7b1e2a52-5f0c-4a4d-9a51-0b3c0c6b8a11","citizenId":"{{Citizen}}","exitDate":"2023-06-01","reason":"WronglyEnrolled"}""");
        JsonSerializer.Deserialize<CitizenExited>(json, options).ShouldBe(exited);
    }

    [Fact]
    public void An_event_whose_citizen_is_not_a_pseudonym_does_not_read()
    {
        var json = """{"partnershipId":"7b1e2a52-5f0c-4a4d-9a51-0b3c0c6b8a11","citizenId":"010190-1234","exitDate":"2023-06-01","reason":"Withdrew"}""";

        Should.Throw<JsonException>(() => JsonSerializer.Deserialize<CitizenExited>(json, new JsonSerializerOptions(JsonSerializerDefaults.Web)))
            .Message.ShouldContain("is not a citizen pseudonym");
    }
}
