using Google.Protobuf;
using Google.Rpc;
using Grpc.Core;
using Partnerskab.Tokens;
using Shouldly;

namespace Partnerskab.Testing.Rpcs;

/// <summary>What the invalid-input and access tests of every service share: ids, requests and the checks.</summary>
public static class InvalidInput
{
    public const string NotAnId = "not-a-uuid";
    public const string SomeId = "0b8f3f0e-6d2a-4c1e-9a57-2f1d3c4b5a69";
    public const string SomeCitizen = "0123456789abcdef0123456789abcdef";

    /// <summary>The same bad audit query for each service's ListAuditEntries, whose requests differ only in their package.</summary>
    public static TRequest BadAuditQuery<TRequest>() where TRequest : IMessage<TRequest>, new()
    {
        var request = new TRequest();
        var fields = request.Descriptor.Fields;
        fields["filter"].Accessor.SetValue(request, new Protos.Audit.V1.AuditFilter
        {
            RecordedFrom = new Google.Protobuf.WellKnownTypes.Timestamp { Seconds = 1_700_000_000 },
            RecordedBefore = new Google.Protobuf.WellKnownTypes.Timestamp { Seconds = 1_600_000_000 },
            Subject = "bad\u0007subject",
            CitizenId = "0101901234",
            PartnershipId = NotAnId,
        });
        fields["page_size"].Accessor.SetValue(request, 5000);
        fields["page_token"].Accessor.SetValue(request, "not-a-token");
        return request;
    }

    public static string[] BadAuditQueryFields =>
        ["filter.recorded_before", "filter.subject", "filter.citizen_id", "filter.partnership_id", "page_size", "page_token"];

    /// <summary>
    /// Sends a stream's messages and awaits its answer. A server that refuses the call (no access,
    /// a bad first message) answers before it has read the stream, and the client's write or
    /// completion then fails with whatever the transport saw (often Cancelled); the call's answer
    /// is the server's status, so that is what the case asserts.
    /// </summary>
    public static async Task SendThenAnswerAsync<TRequest, TResponse>(AsyncClientStreamingCall<TRequest, TResponse> call, TRequest message)
    {
        try
        {
            await call.RequestStream.WriteAsync(message);
            await call.RequestStream.CompleteAsync();
        }
        catch (Exception e) when (e is RpcException or InvalidOperationException)
        {
            // The answer below carries the server's status.
        }
        await call.ResponseAsync;
    }

    /// <summary>The call is InvalidArgument with google.rpc.BadRequest field violations naming exactly the fields, and no stack trace.</summary>
    public static async Task ShouldBeRefusedByFieldAsync(Func<Task> call, IEnumerable<string> fields)
    {
        var error = await Should.ThrowAsync<RpcException>(call);

        error.StatusCode.ShouldBe(StatusCode.InvalidArgument);
        var badRequest = error.GetRpcStatus()?.GetDetail<BadRequest>();
        badRequest.ShouldNotBeNull("the status carries google.rpc.BadRequest details");
        badRequest.FieldViolations.Select(v => v.Field).Distinct().Order().ShouldBe(fields.Order());
        badRequest.FieldViolations.ShouldAllBe(v => v.Description.Length > 0);
        error.Status.Detail.ShouldNotContain("   at ");
    }

    /// <summary>
    /// Calls the case as every outside role (scoped to <see cref="SomeId"/>): a role in
    /// <paramref name="allowedRoles"/> gets as far as validation (InvalidArgument), any other is
    /// stopped before it (PermissionDenied).
    /// </summary>
    public static async Task ShouldLetOnlyTheseRolesThroughAsync<TClient>(
        RpcCase<TClient> call, string allowedRoles, Func<TokenSubject, TClient> clientsFor) where TClient : IDisposable
    {
        var answers = new List<string>();
        foreach (var role in SuiteRoles.Outside)
        {
            using var clients = clientsFor(new TokenSubject($"test-{role}", [role], null, [SomeId]));
            var error = await Should.ThrowAsync<RpcException>(() => call.Call(clients));
            answers.Add($"{role}: {error.StatusCode}");
        }

        var allowed = allowedRoles.Split(' ');
        answers.ShouldBe(SuiteRoles.Outside.Select(role => $"{role}: {(allowed.Contains(role) ? StatusCode.InvalidArgument : StatusCode.PermissionDenied)}"));
    }
}
