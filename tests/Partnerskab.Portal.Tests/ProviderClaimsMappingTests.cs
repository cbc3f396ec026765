using System.Security.Claims;
using Partnerskab.Portal.SignIn;
using Partnerskab.Tokens;
using Shouldly;

namespace Partnerskab.Portal.Tests;

public sealed class ProviderClaimsMappingTests
{
    private static readonly string Partnership = Guid.NewGuid().ToString();

    private static readonly ProviderSignInOptions Entra = new()
    {
        Authority = new Uri("https://login.microsoftonline.com/tenant/v2.0"),
        UserNameClaim = "upn",
        RoleClaim = "roles",
        OrganisationClaim = "extn.cvr",
        PartnershipClaim = "extn.partnerships",
        RoleValues = new() { ["Partnerskab.Sagsbehandler"] = SuiteRoles.Kommune, ["Partnerskab.Oekonomi"] = SuiteRoles.Finance },
    };

    private static Claim[] Person(params (string Type, string Value)[] more) =>
        [new("sub", "abc-123"), new("upn", "sofie@haderslev.dk"), new("name", "Sofie Sagsbehandler"), .. more.Select(c => new Claim(c.Type, c.Value))];

    [Fact]
    public void Mapped_role_values_organisation_and_partnerships_come_from_the_configured_claims()
    {
        var mapping = ProviderClaimsMapping.Map(
            Person(("roles", "Partnerskab.Sagsbehandler"), ("roles", "partnerskab.oekonomi"), ("roles", "Alle"), ("extn.cvr", "29189420"),
                ("extn.partnerships", Partnership.ToUpperInvariant()), ("extn.partnerships", Partnership)),
            Entra);

        var mapped = mapping.ShouldBeOfType<ProviderMapping.FromClaims>();
        mapped.Person.ShouldBe(new ProviderPerson("abc-123", "sofie@haderslev.dk", "Sofie Sagsbehandler"));
        mapped.Roles.ShouldBe([SuiteRoles.Kommune, SuiteRoles.Finance]);
        mapped.Organisation.ShouldBe("29189420");
        mapped.Partnerships.ShouldBe([Partnership]);
    }

    [Fact]
    public void Without_a_role_map_the_providers_values_must_be_the_portals_role_names()
    {
        var options = new ProviderSignInOptions { Authority = Entra.Authority, UserNameClaim = "upn" };
        var mapping = ProviderClaimsMapping.Map(Person(("roles", "Committee"), ("roles", "chef"), ("cvr", "29189420"), ("partnerships", "*")), options);

        var mapped = mapping.ShouldBeOfType<ProviderMapping.FromClaims>();
        mapped.Roles.ShouldBe([SuiteRoles.Committee]);
        mapped.Partnerships.ShouldBe([SuiteClaims.AllPartnerships]);
    }

    [Fact]
    public void No_role_claim_at_all_leaves_roles_and_scope_to_the_local_account()
    {
        ProviderClaimsMapping.Map(Person(("extn.cvr", "29189420")), Entra)
            .ShouldBe(new ProviderMapping.FromAccount(new ProviderPerson("abc-123", "sofie@haderslev.dk", "Sofie Sagsbehandler")));
    }

    [Fact]
    public void The_name_falls_back_to_the_user_name()
    {
        var mapping = ProviderClaimsMapping.Map([new("sub", "abc-123"), new("upn", "sofie@haderslev.dk")], Entra);
        mapping.ShouldBeOfType<ProviderMapping.FromAccount>().Person.DisplayName.ShouldBe("sofie@haderslev.dk");
    }

    [Theory]
    [InlineData("roles", "Kantine", "ProviderNoRole", "Kantine")]
    [InlineData("extn.cvr", "2918942", "ProviderOrganisationInvalid", "2918942")]
    [InlineData("extn.partnerships", "haderslev", "ProviderPartnershipInvalid", "haderslev")]
    public void Role_claims_that_give_no_role_or_an_unreadable_scope_are_refused(string type, string value, string reason, string shown)
    {
        var claims = new Dictionary<string, string>
        {
            ["roles"] = "Partnerskab.Sagsbehandler",
            ["extn.cvr"] = "29189420",
            ["extn.partnerships"] = Partnership,
            [type] = value,
        };
        ProviderClaimsMapping.Map(Person([.. claims.Select(pair => (pair.Key, pair.Value))]), Entra)
            .ShouldBe(new ProviderMapping.Refused(reason, shown));
    }

    [Fact]
    public void A_missing_organisation_is_refused_when_the_provider_gives_roles()
    {
        ProviderClaimsMapping.Map(Person(("roles", "Partnerskab.Sagsbehandler")), Entra)
            .ShouldBe(new ProviderMapping.Refused("ProviderOrganisationInvalid"));
    }

    [Fact]
    public void Without_subject_or_user_name_nobody_is_signed_in()
    {
        ProviderClaimsMapping.Map([new("upn", "sofie@haderslev.dk")], Entra).ShouldBe(new ProviderMapping.Refused("ProviderNoSubject"));
        ProviderClaimsMapping.Map([new("sub", "abc-123"), new("preferred_username", "sofie")], Entra).ShouldBe(new ProviderMapping.Refused("ProviderNoUserName", "upn"));
    }

    [Fact]
    public void A_configuration_naming_a_role_the_portal_lacks_or_without_a_secret_is_refused_at_start()
    {
        var options = new ProviderSignInOptions { Authority = new Uri("http://idp.example"), ClientId = "portal", RoleValues = new() { ["x"] = "chef" } };
        options.Problems().Count.ShouldBe(3);
        new ProviderSignInOptions().Problems().ShouldBeEmpty();
    }
}
