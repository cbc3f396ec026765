using System.Security.Cryptography;
using Partnerskab.Cohort.Handover;

namespace Partnerskab.Cohort.Tests;

public sealed class CprPseudonymizerTests
{
    private static readonly byte[] Key = RandomNumberGenerator.GetBytes(32);

    [Fact]
    public void The_same_number_gets_the_same_pseudonym_whether_written_with_a_dash_or_not()
    {
        var pseudonymizer = new CprPseudonymizer(Key);
        var withDash = pseudonymizer.Pseudonym(Parse("150385-1234"));
        withDash.ShouldBe(pseudonymizer.Pseudonym(Parse("1503851234")));
        withDash.ShouldMatch("^[0-9a-f]{32}$");
        withDash.ShouldNotContain("150385");
    }

    [Fact]
    public void Another_key_or_another_number_gives_another_pseudonym()
    {
        var pseudonym = new CprPseudonymizer(Key).Pseudonym(Parse("150385-1234"));
        new CprPseudonymizer(RandomNumberGenerator.GetBytes(32)).Pseudonym(Parse("150385-1234")).ShouldNotBe(pseudonym);
        new CprPseudonymizer(Key).Pseudonym(Parse("150385-1235")).ShouldNotBe(pseudonym);
    }

    [Fact]
    public void A_short_key_is_refused()
    {
        Should.Throw<ArgumentException>(() => new CprPseudonymizer(new byte[16]));
    }

    private static CprNumber Parse(string text) => CprNumber.TryParse(text, out var cpr, out _) ? cpr : throw new ArgumentException(text);
}
