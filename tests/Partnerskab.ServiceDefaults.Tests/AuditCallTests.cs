using System.Security.Claims;
using Grpc.Core;
using NodaTime;
using Partnerskab.ServiceDefaults.Access;
using Partnerskab.ServiceDefaults.Audit;
using Partnerskab.Tokens;

namespace Partnerskab.ServiceDefaults.Tests;

/// <summary>
/// Which entry an audited call leaves behind: the entries of committed business writes, plus one
/// after the call for whatever they did not carry, every refused or failed call included.
/// </summary>
public sealed class AuditCallTests
{
    private static readonly Guid Partnership = Guid.NewGuid();
    private const string A = "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa";
    private const string B = "bbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb";

    [Fact]
    public void A_read_gets_one_entry_with_the_caller_each_pseudonym_once_and_every_record_counted()
    {
        var call = Begin();
        AuditCall.Citizens(Partnership, [B, A, A]);

        var entry = call.Finish("OK").ShouldNotBeNull();

        (entry.Subject, entry.Organisation, entry.Rpc, entry.PartnershipId, entry.StatusCode)
            .ShouldBe(("provider-1", "12345678", "/svc/GetThing", Partnership, "OK"));
        entry.Roles.ShouldBe([SuiteRoles.Provider]);
        entry.CitizenIds.ShouldBe([A, B]);
        entry.CitizenRecords.ShouldBe(3);
    }

    [Fact]
    public void A_committed_write_carried_its_entry_so_none_follows_the_call()
    {
        var call = Begin();
        AuditCall.Citizen(Partnership, A);
        var saved = call.TakePendingForSave().ShouldNotBeNull();
        call.Committed([saved]);

        saved.CitizenIds.ShouldBe([A]);
        call.Finish("OK").ShouldBeNull();
    }

    [Fact]
    public void A_write_whose_transaction_rolled_back_is_recorded_after_the_call_with_its_status()
    {
        var call = Begin();
        AuditCall.Citizen(Partnership, A);
        var saved = call.TakePendingForSave().ShouldNotBeNull();
        call.Unsaved(saved);

        var entry = call.Finish("ALREADY_EXISTS").ShouldNotBeNull();

        (entry.StatusCode, entry.CitizenRecords).ShouldBe(("ALREADY_EXISTS", 1));
        entry.CitizenIds.ShouldBe([A]);
    }

    [Fact]
    public void A_stream_that_fails_after_a_committed_batch_records_the_uncommitted_batch_with_the_failure()
    {
        var call = Begin();
        AuditCall.Citizens(Partnership, [A]);
        call.Committed([call.TakePendingForSave()!]);
        AuditCall.Citizens(Partnership, [B]);
        call.TakePendingForSave().ShouldNotBeNull();

        var entry = call.Finish("UNAVAILABLE").ShouldNotBeNull();

        entry.CitizenIds.ShouldBe([B]);
        entry.StatusCode.ShouldBe("UNAVAILABLE");
    }

    [Fact]
    public void A_refused_call_is_recorded_with_no_citizen_and_nothing_saved_after_the_call_is_captured()
    {
        var call = Begin();

        var entry = call.Finish("PERMISSION_DENIED").ShouldNotBeNull();

        (entry.CitizenIds.Count, entry.CitizenRecords, entry.StatusCode).ShouldBe((0, 0, "PERMISSION_DENIED"));
        AuditCall.Citizen(Partnership, A);
        call.TakePendingForSave().ShouldBeNull();
    }

    [Theory]
    [InlineData(StatusCode.OK, "OK")]
    [InlineData(StatusCode.PermissionDenied, "PERMISSION_DENIED")]
    [InlineData(StatusCode.InvalidArgument, "INVALID_ARGUMENT")]
    [InlineData(StatusCode.DeadlineExceeded, "DEADLINE_EXCEEDED")]
    [InlineData(StatusCode.Unavailable, "UNAVAILABLE")]
    public void Statuses_are_recorded_by_their_canonical_gRPC_names(StatusCode status, string name)
    {
        AuditInterceptor.CanonicalName(status).ShouldBe(name);
    }

    [Fact]
    public void The_policy_audits_only_its_own_services_listed_methods()
    {
        var policy = new AuditPolicy("pkg.v1.Svc", ["GetThing"]);

        policy.Audits("/pkg.v1.Svc/GetThing").ShouldBeTrue();
        policy.Audits("/pkg.v1.Svc/CountThings").ShouldBeFalse();
        policy.Audits("/pkg.v1.Other/GetThing").ShouldBeFalse();
        policy.Audits("/grpc.health.v1.Health/Check").ShouldBeFalse();
    }

    private static AuditCall Begin()
    {
        var caller = new Caller(new ClaimsPrincipal(new ClaimsIdentity(
        [
            new Claim(SuiteClaims.Subject, "provider-1"),
            new Claim(SuiteClaims.Role, SuiteRoles.Provider),
            new Claim(SuiteClaims.Organisation, "12345678"),
        ])));
        return AuditCall.Begin("/svc/GetThing", caller, null, SystemClock.Instance);
    }
}
