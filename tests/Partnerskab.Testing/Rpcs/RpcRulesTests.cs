using Grpc.Core;
using Grpc.Health.V1;
using Npgsql;
using Partnerskab.Scenario;
using Partnerskab.Testing.InProcess;
using Shouldly;
using Xunit;
using Xunit.Abstractions;

namespace Partnerskab.Testing.Rpcs;

/// <summary>
/// What every RPC of a service must do, checked against the service in process: invalid input is
/// InvalidArgument with BadRequest field violations naming the fields, and writes nothing; each
/// outside role gets through to validation only where it is allowed (PermissionDenied elsewhere);
/// a call without a token is Unauthenticated; a corpus of hostile input (<see cref="HostileInput"/>)
/// gets a deliberate status without internal detail, leaves the service serving, and writes
/// nothing. And the service's audit table refuses every change but an insert.
/// </summary>
public abstract class RpcRulesTests<TEntryPoint, TClient, TRpcs>(InProcessService<TEntryPoint, TClient> service, ITestOutputHelper output)
    : InProcessTests(service.ResetAsync)
    where TEntryPoint : class
    where TClient : ClientBase<TClient>
    where TRpcs : IServiceRpcs<TClient>
{
    public static TheoryData<string> Rpcs() => new(TRpcs.Cases.Select(c => c.Rpc));

    public static TheoryData<string> Methods() => new(TRpcs.Service.Methods.Select(m => m.FullName));

    private static RpcCase<InProcessClient<TClient>> Case(string rpc) => TRpcs.Cases.Single(c => c.Rpc == rpc);

    [Fact]
    public void Every_rpc_has_an_invalid_input_case_and_its_allowed_roles()
    {
        var rpcs = TRpcs.Service.Methods.Select(m => $"{TRpcs.Service.File.Package.Split('.')[1]}.{m.Name}").Order().ToList();
        TRpcs.Cases.Select(c => c.Rpc).Order().ShouldBe(rpcs);
        TRpcs.RolesAllowed.Keys.Order().ShouldBe(rpcs);
    }

    [Theory]
    [MemberData(nameof(Rpcs))]
    public async Task Invalid_input_is_InvalidArgument_with_field_violations_and_writes_nothing(string rpc)
    {
        var invalid = Case(rpc);
        var before = await service.RowCountsAsync();
        using var client = service.ClientFor(LocalSuite.Operator);

        await InvalidInput.ShouldBeRefusedByFieldAsync(() => invalid.Call(client), invalid.Fields);

        (await service.RowCountsAsync()).ShouldBe(before);
    }

    // The invalid-input cases are reused: a role that may call the RPC gets as far as validation
    // (InvalidArgument); any other role is stopped before it (PermissionDenied).
    [Theory]
    [MemberData(nameof(Rpcs))]
    public async Task Each_role_may_call_only_the_rpcs_meant_for_it(string rpc) =>
        await InvalidInput.ShouldLetOnlyTheseRolesThroughAsync(Case(rpc), TRpcs.RolesAllowed[rpc], service.ClientFor);

    [Theory]
    [MemberData(nameof(Rpcs))]
    public async Task A_call_without_a_token_is_Unauthenticated(string rpc)
    {
        using var anonymous = service.ClientFor(bearerToken: null);
        var error = await Should.ThrowAsync<RpcException>(() => Case(rpc).Call(anonymous));
        error.StatusCode.ShouldBe(StatusCode.Unauthenticated);
    }

    [Theory]
    [MemberData(nameof(Methods))]
    public async Task Hostile_input_is_refused_cleanly_and_writes_nothing(string rpc)
    {
        var method = TRpcs.Service.Methods.Single(m => m.FullName == rpc);
        var before = await service.RowCountsAsync();
        using var channel = service.ChannelFor(LocalSuite.Operator);

        var (tried, badAnswers) = await HostileInput.SendAsync(channel.Invoker, method, SuiteClients.Deadline);

        output.WriteLine($"{rpc}: {tried} hostile inputs tried, {badAnswers.Count} answered badly");
        badAnswers.ShouldBeEmpty();
        // The service still stands: its health check answers Serving.
        (await new Health.HealthClient(channel.Invoker).CheckAsync(new HealthCheckRequest(), deadline: SuiteClients.Deadline()))
            .Status.ShouldBe(HealthCheckResponse.Types.ServingStatus.Serving);
        (await service.RowCountsAsync()).ShouldBe(before);
    }

    [Theory]
    [InlineData("UPDATE audit_entries SET subject = 'someone else'")]
    [InlineData("DELETE FROM audit_entries")]
    [InlineData("TRUNCATE audit_entries")]
    public async Task The_audit_table_refuses_updates_deletes_and_truncation(string sql)
    {
        await using var connection = await service.OpenAsync();
        await using (var insert = new NpgsqlCommand(
            "INSERT INTO audit_entries (recorded_at, subject, roles, rpc, citizen_ids, citizen_records, status_code) VALUES (now(), 'test', '{}', 'test', '{}', 0, 'OK')",
            connection))
        {
            await insert.ExecuteNonQueryAsync();
        }
        await using var change = new NpgsqlCommand(sql, connection);
        var error = await Should.ThrowAsync<PostgresException>(() => change.ExecuteNonQueryAsync());
        error.SqlState.ShouldBe(PostgresErrorCodes.RestrictViolation);
    }
}
