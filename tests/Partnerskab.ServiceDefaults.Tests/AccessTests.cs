using System.Security.Claims;
using Grpc.Core;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using Partnerskab.ServiceDefaults.Access;
using Partnerskab.ServiceDefaults.Errors;
using Partnerskab.Tokens;
using Shouldly;

namespace Partnerskab.ServiceDefaults.Tests;

public sealed class AccessTests : IDisposable
{
    private readonly KeyDirectory keys = KeyDirectory.Ensure(
        Path.Combine(Path.GetTempPath(), $"partnerskab-keys-test-{Guid.NewGuid():N}"), ["outcome"]);

    public void Dispose() => Directory.Delete(keys.Path, recursive: true);

    [Fact]
    public async Task A_token_signed_by_a_trusted_key_validates_with_its_claims()
    {
        var partnership = Guid.NewGuid();
        var token = new TokenIssuer(keys.PrivateKey(SigningKeys.TokenServiceIssuer))
            .Issue(new TokenSubject("kommune-x", [SuiteRoles.Kommune, SuiteRoles.Finance], "29189757", [partnership.ToString()]), TimeSpan.FromMinutes(5));

        var result = await ValidateAsync(token);

        result.IsValid.ShouldBeTrue(result.Exception?.Message);
        var caller = new Caller(new ClaimsPrincipal(result.ClaimsIdentity));
        (caller.Subject, caller.Organisation).ShouldBe(("kommune-x", "29189757"));
        caller.Roles.ShouldBe([SuiteRoles.Kommune, SuiteRoles.Finance]);
        caller.MayActFor(partnership).ShouldBeTrue();
        caller.MayActFor(Guid.NewGuid()).ShouldBeFalse();
    }

    [Fact]
    public async Task The_trusted_keys_file_is_re_read_when_it_changes()
    {
        var rotated = keys.Rotate(SigningKeys.TokenServiceIssuer);
        var token = new TokenIssuer(rotated).Issue(new TokenSubject("f", [SuiteRoles.Finance], null, ["*"]), TimeSpan.FromMinutes(5));
        (await ValidateAsync(token)).IsValid.ShouldBeTrue();

        keys.Retire(rotated.Kid);

        (await ValidateAsync(token)).IsValid.ShouldBeFalse();
    }

    [Fact]
    public void A_narrow_caller_cannot_tell_a_missing_record_from_one_outside_its_scope()
    {
        var ours = Guid.NewGuid();
        var narrow = CallerWith([ours.ToString()]);
        var everything = CallerWith([SuiteClaims.AllPartnerships]);
        var foreign = new Record(Guid.NewGuid());

        narrow.EnsureMayActFor(new Record(ours), r => r.PartnershipId, "missing").PartnershipId.ShouldBe(ours);
        var outside = Should.Throw<RpcException>(() => narrow.EnsureMayActFor(foreign, r => r.PartnershipId, "missing"));
        var missing = Should.Throw<RpcException>(() => narrow.EnsureMayActFor<Record>(null, r => r.PartnershipId, "missing"));
        (outside.StatusCode, outside.Status.Detail).ShouldBe((missing.StatusCode, missing.Status.Detail));
        outside.StatusCode.ShouldBe(StatusCode.PermissionDenied);
        everything.EnsureMayActFor(foreign, r => r.PartnershipId, "missing").ShouldBe(foreign);
        Should.Throw<DomainException>(() => everything.EnsureMayActFor<Record>(null, r => r.PartnershipId, "missing"));
    }

    [Fact]
    public void A_policy_refuses_an_rpc_it_does_not_list()
    {
        var policy = new AccessPolicy("partnerskab.test.v1.TestService", new Dictionary<string, string[]> { ["Read"] = [SuiteRoles.Finance] });

        policy.Governs("/partnerskab.test.v1.TestService/Read").ShouldBeTrue();
        policy.Governs("/grpc.health.v1.Health/Check").ShouldBeFalse();
        policy.AllowedRoles("/partnerskab.test.v1.TestService/Read").ShouldBe([SuiteRoles.Finance]);
        policy.AllowedRoles("/partnerskab.test.v1.TestService/Write").ShouldBeEmpty();
    }

    private sealed record Record(Guid PartnershipId);

    private static Caller CallerWith(string[] partnerships) => new(new ClaimsPrincipal(new ClaimsIdentity(
        partnerships.Select(p => new Claim(SuiteClaims.Partnership, p)).Append(new Claim(SuiteClaims.Role, SuiteRoles.Kommune)))));

    private Task<TokenValidationResult> ValidateAsync(string token)
    {
        var trusted = new TrustedKeys(Options.Create(new AuthOptions { TrustedKeysFile = keys.TrustedKeysFile }));
        return new JsonWebTokenHandler { MapInboundClaims = false }.ValidateTokenAsync(token, new TokenValidationParameters
        {
            ValidIssuer = SigningKeys.TokenServiceIssuer,
            ValidAudience = SigningKeys.Audience,
            IssuerSigningKeyResolver = (_, _, keyId, _) => trusted.Resolve(keyId),
        });
    }
}
