using Partnerskab.Portal.Uploads;
using Partnerskab.Tokens;
using Shouldly;

namespace Partnerskab.Portal.Tests;

public sealed class UploadKindTests
{
    private static readonly Guid Partnership = Guid.Parse("0193f2a4-1c2d-7e3f-8a9b-0c1d2e3f4a5b");

    [Fact]
    public void Each_kind_posts_to_its_gateway_import_in_the_chosen_mode()
    {
        UploadKind.Citizens.PathFor(Partnership, validateOnly: true).ShouldBe($"v1/partnerships/{Partnership}/citizens:import?mode=validate");
        UploadKind.WeeklyStatuses.PathFor(Partnership, validateOnly: false)
            .ShouldBe($"v1/partnerships/{Partnership}/weeklyStatuses:import?source=STATUS_SOURCE_PROVIDER&mode=import");
    }

    [Fact]
    public void The_kinds_are_found_by_their_address_and_belong_to_the_kommune_and_the_provider()
    {
        UploadKind.FromSlug("borgere").ShouldBe(UploadKind.Citizens);
        UploadKind.FromSlug("ugestatus")!.Role.ShouldBe(SuiteRoles.Provider);
        UploadKind.Citizens.Role.ShouldBe(SuiteRoles.Kommune);
        UploadKind.FromSlug("krav").ShouldBeNull();
        UploadKind.FromSlug(null).ShouldBeNull();
    }

    [Theory]
    [InlineData("borgere.csv", "text/csv")]
    [InlineData("BORGERE.CSV", "text/csv")]
    [InlineData("uge.ndjson", "application/x-ndjson")]
    [InlineData("uge.jsonl", "application/x-ndjson")]
    [InlineData("borgere.xlsx", null)]
    [InlineData("borgere", null)]
    public void A_file_is_sent_as_CSV_or_NDJSON_by_its_name_and_nothing_else(string name, string? mediaType) =>
        UploadKind.MediaTypeOf(name).ShouldBe(mediaType);
}
