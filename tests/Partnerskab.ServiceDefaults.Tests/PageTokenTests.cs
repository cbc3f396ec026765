using Partnerskab.ServiceDefaults.Paging;
using Shouldly;

namespace Partnerskab.ServiceDefaults.Tests;

public sealed class PageTokenTests
{
    [Theory]
    [InlineData("claims", "16983456000000000", "K-17")]
    [InlineData("claims", "1", "a|b with the separator, æøå")]
    public void A_token_reads_back_as_the_parts_it_was_made_of_the_last_one_holding_anything(string first, string second, string last)
    {
        var token = PageToken.Encode(first, second, last);

        token.ShouldNotContain("=");
        token.ShouldNotContain("+");
        token.ShouldNotContain("/");
        PageToken.Decode(token, 3).ShouldBe([first, second, last]);
    }

    [Theory]
    [InlineData("not a token!")]
    [InlineData("YQ")]
    public void Text_that_is_no_such_token_reads_as_null(string text)
    {
        PageToken.Decode(text, 3).ShouldBeNull();
    }
}
