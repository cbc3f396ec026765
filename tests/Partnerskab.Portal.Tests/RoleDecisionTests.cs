using Google.Protobuf.WellKnownTypes;
using Google.Rpc;
using Grpc.Core;
using NodaTime;
using Partnerskab.Portal.Accounts;
using Partnerskab.Portal.Audit;
using Partnerskab.Portal.Calling;
using Partnerskab.Portal.Finance;
using Partnerskab.Portal.Formatting;
using Partnerskab.Portal.Pages.Finance;
using Partnerskab.Protos.Audit.V1;
using Partnerskab.Protos.Payment.V1;
using Shouldly;

namespace Partnerskab.Portal.Tests;

/// <summary>The finance, auditor, operator and two-factor pages' decisions, without a service or a browser.</summary>
public sealed class RoleDecisionTests
{
    [Theory]
    [InlineData("2023-03-01", null)]
    [InlineData("2023-03-31", 1)]
    [InlineData("2023-04-01", 2)]
    [InlineData("2026-12-06", 3)]
    public void The_rate_card_in_force_is_the_latest_version_effective_by_the_day(string day, int? version)
    {
        RateCard[] versions = [Card(1, 2023, 3, 2), Card(2, 2023, 4, 1), Card(3, 2024, 1, 1)];

        (RateCardsModel.InForce(versions, NodaTime.Text.LocalDatePattern.Iso.Parse(day).Value)?.Version).ShouldBe(version);
    }

    [Theory]
    [InlineData(null, "", null, false)]
    [InlineData("  ", "", null, false)]
    [InlineData("2025-10-20", "2025-10-20", "2025-10-20", false)]
    [InlineData(" 2025-10-20 ", "2025-10-20", "2025-10-20", false)]
    [InlineData("20-10-2025", "20-10-2025", null, true)]
    [InlineData("2025-02-30", "2025-02-30", null, true)]
    public void A_typed_date_is_read_or_kept_to_show_with_its_problem(string? typed, string text, string? value, bool invalid)
    {
        var field = DateField.Read(typed);

        field.Text.ShouldBe(text);
        (field.Value?.ToString("uuuu-MM-dd", null)).ShouldBe(value);
        field.Invalid.ShouldBe(invalid);
    }

    [Fact]
    public void An_empty_date_reads_as_the_fallback_and_shows_it()
    {
        DateField.Read("", new LocalDate(2026, 12, 6)).ShouldBe(new DateField("2026-12-06", new LocalDate(2026, 12, 6)));
    }

    [Fact]
    public void A_service_refusal_names_its_fields_and_other_failures_are_not_a_forms_to_show()
    {
        var invalid = new Google.Rpc.Status
        {
            Code = (int)Code.InvalidArgument, Message = "invalid",
            Details = { Any.Pack(new BadRequest { FieldViolations = { new BadRequest.Types.FieldViolation { Field = "period_start", Description = "must be the first day" } } }) },
        }.ToRpcException();
        ServiceRefusal.Problems(invalid).ShouldBe(["period_start: must be the first day"]);
        ServiceRefusal.Problems(new RpcException(new Grpc.Core.Status(StatusCode.FailedPrecondition, "no payee account"))).ShouldBe(["no payee account"]);
        ServiceRefusal.Problems(new RpcException(new Grpc.Core.Status(StatusCode.PermissionDenied, "no"))).ShouldBeNull();
        ServiceRefusal.Problems(new RpcException(new Grpc.Core.Status(StatusCode.Unavailable, "down"))).ShouldBeNull();
    }

    [Fact]
    public void The_three_audit_logs_read_as_one_list_newest_first_and_say_when_one_was_cut()
    {
        var merged = AuditLogReader.Merge(
        [
            ("cohort", [Entry("c1", 10), Entry("c2", 30)], false),
            ("outcome", [Entry("o1", 20)], true),
            ("payment", [Entry("p1", 30)], false),
        ]);

        merged.Entries.Select(e => (e.Service, e.Audit.EntryId)).ShouldBe([("cohort", "c2"), ("payment", "p1"), ("outcome", "o1"), ("cohort", "c1")]);
        merged.Cut.ShouldBeTrue();
        var empty = AuditLogReader.Merge([("cohort", [], false)]);
        empty.Entries.ShouldBeEmpty();
        empty.Cut.ShouldBeFalse();
    }

    [Fact]
    public void The_authenticator_key_is_shown_in_groups_of_four_and_as_an_otpauth_uri()
    {
        AuthenticatorUri.Grouped("JBSWY3DPEHPK3PXPAB").ShouldBe("jbsw y3dp ehpk 3pxp ab");
        AuthenticatorUri.For("udvalg formand@kommune", "JBSWY3DPEHPK3PXP")
            .ShouldBe("otpauth://totp/Partnerskab:udvalg%20formand%40kommune?secret=JBSWY3DPEHPK3PXP&issuer=Partnerskab&algorithm=SHA1&digits=6&period=30");
    }

    [Fact]
    public void A_moment_reads_to_the_minute_as_the_minutes_write_it()
    {
        var moment = new LocalDateTime(2023, 11, 16, 9, 5);
        PortalFormat.Moment(moment, PortalFormat.Danish).ShouldBe("16. november 2023 kl. 09.05");
        PortalFormat.Moment(moment, PortalFormat.English).ShouldBe("16 November 2023 09:05");
    }

    private static RateCard Card(int version, int year, int month, int day) =>
        new() { Version = version, EffectiveFrom = new Google.Type.Date { Year = year, Month = month, Day = day } };

    private static AuditEntry Entry(string id, int seconds) =>
        new() { EntryId = id, RecordedAt = Timestamp.FromDateTimeOffset(new DateTimeOffset(2025, 10, 20, 8, 0, seconds, TimeSpan.Zero)) };
}
