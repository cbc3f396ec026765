using Partnerskab.ServiceDefaults.Errors;
using Partnerskab.ServiceDefaults.Paging;
using Shouldly;

namespace Partnerskab.ServiceDefaults.Tests;

public sealed class PageTokenTests
{
    [Theory]
    [InlineData("16983456000000000", "K-17")]
    [InlineData("1", "a|b with the separator, æøå")]
    public void A_token_reads_back_as_the_key_it_was_written_with_the_last_part_holding_anything(string first, string last)
    {
        var token = PageToken.Write("claims", first, last);
        var v = new RequestValidator();

        token.ShouldNotContain("=");
        token.ShouldNotContain("+");
        token.ShouldNotContain("/");
        token.ShouldNotContain(last);
        PageToken.Read(v, token, "claims", 2, key => key).ShouldBe([first, last]);
        v.IsValid.ShouldBeTrue();
    }

    [Fact]
    public void An_empty_token_is_the_first_page()
    {
        var v = new RequestValidator();

        PageToken.Read<long?>(v, "", "audit", 1, _ => throw new InvalidOperationException("no key to read")).ShouldBeNull();
        v.IsValid.ShouldBeTrue();
    }

    public static TheoryData<string> NoTokensOfTheAuditList => new()
    {
        "not a token!",
        "YQ",
        PageToken.Write("claims", "17"),
        PageToken.Write("audit", "17", "18"),
        PageToken.Write("audit", "seventeen"),
        // The same key with one character of the check sum changed, and cut short.
        Changed(PageToken.Write("audit", "17")),
        PageToken.Write("audit", "17")[..^2],
    };

    [Theory]
    [MemberData(nameof(NoTokensOfTheAuditList))]
    public void A_token_of_another_list_a_changed_or_cut_token_or_a_key_that_does_not_parse_is_a_violation_of_page_token(string text)
    {
        var v = new RequestValidator();

        PageToken.Read<long?>(v, text, "audit", 1, key => long.TryParse(key[0], out var id) ? id : null).ShouldBeNull();

        v.Violations.ShouldHaveSingleItem().Field.ShouldBe("page_token");
        PageToken.Read<long?>(new RequestValidator(), PageToken.Write("audit", "17"), "audit", 1, key => long.Parse(key[0])).ShouldBe(17);
    }

    private static string Changed(string token) => (token[0] == 'A' ? 'B' : 'A') + token[1..];
}
