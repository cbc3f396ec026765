using Partnerskab.Cli.CommandLine;
using Partnerskab.Tokens;
using Shouldly;

namespace Partnerskab.Portal.Tests;

/// <summary>`partnerskab outcome report --pdf`: the committee pack the portal prints, fetched with the caller's token.</summary>
[Collection(PortalCollection.Name)]
public sealed class PackCliTests(PortalSuite portal)
{
    private TokenSubject Subject(string role, string partnership) => new($"cli-{role}", [role], "29189420", [partnership]);

    private Task<(int ExitCode, string Output, string Error)> ReportAsync(string token, string partnership, string pdf) =>
        CliAsync(["outcome", "report", "--partnership", partnership, "--as-of", "2025-10-20", "--pdf", pdf,
            "--portal-url", portal.Url.ToString(), "--portal-certificate", portal.TrustedCertificatesFile, "--token", token]);

    [Theory]
    [InlineData(SuiteRoles.Committee)]
    [InlineData(SuiteRoles.Kommune)]
    public async Task The_committee_pack_is_written_as_the_portal_prints_it_with_the_reference_figures(string role)
    {
        var pdf = Path.Combine(Browser.ScreenshotFolder, $"committee-pack-cli-{role}.pdf");
        File.Delete(pdf);

        var (exitCode, output, error) = await ReportAsync(portal.Services.TokenFor(Subject(role, portal.ReferencePartnershipId)), portal.ReferencePartnershipId, pdf);

        (exitCode, error).ShouldBe((0, ""));
        output.ShouldStartWith($"wrote {pdf} (");
        DashboardTests.ShouldHoldTheReferenceFigures(await DashboardTests.PdfTextAsync(pdf));
    }

    [Fact]
    public async Task A_token_whose_role_or_partnerships_do_not_allow_the_pack_is_refused_and_no_file_is_written()
    {
        var pdf = Path.Combine(Directory.CreateTempSubdirectory("partnerskab-pack-").FullName, "pack.pdf");
        var reference = portal.ReferencePartnershipId;

        // The provider and finance do not read the committee's report, even of their own partnership.
        foreach (var role in new[] { SuiteRoles.Provider, SuiteRoles.Finance })
        {
            var refused = await ReportAsync(portal.Services.TokenFor(Subject(role, reference)), reference, pdf);
            refused.ExitCode.ShouldBe(CliCommands.CouldNotRun);
            refused.Error.ShouldBe("partnerskab: the portal refused: 403 Forbidden: The token's roles or partnerships do not allow this.\n");
        }
        var otherPartnership = await ReportAsync(portal.Services.TokenFor(Subject(SuiteRoles.Committee, Guid.NewGuid().ToString())), reference, pdf);
        otherPartnership.Error.ShouldStartWith("partnerskab: the portal refused: 403 Forbidden: ");

        var unknown = await ReportAsync(portal.Services.TokenFor(Subject(SuiteRoles.Committee, SuiteClaims.AllPartnerships)), Guid.NewGuid().ToString(), pdf);
        unknown.ExitCode.ShouldBe(CliCommands.CouldNotRun);
        unknown.Error.ShouldBe("partnerskab: the portal refused: 404 Not Found: There is no such page or partnership.\n");

        // A token signed by a key the suite does not trust.
        var forged = new TokenIssuer(SigningKeys.CreatePrivateKey(SigningKeys.TokenServiceIssuer)).Issue(Subject(SuiteRoles.Committee, reference), TimeSpan.FromMinutes(5));
        var unsigned = await ReportAsync(forged, reference, pdf);
        unsigned.ExitCode.ShouldBe(CliCommands.CouldNotRun);
        unsigned.Error.ShouldStartWith("partnerskab: the portal refused: 401 Unauthorized: The bearer token is missing, expired or not signed");
        File.Exists(pdf).ShouldBeFalse();
    }

    private static async Task<(int ExitCode, string Output, string Error)> CliAsync(string[] args)
    {
        var (output, error) = (new StringWriter(), new StringWriter());
        var exitCode = await CliCommands.RunAsync(args, output, error);
        return (exitCode, output.ToString(), error.ToString());
    }
}
