using Google.Rpc;
using Grpc.Core;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;
using Partnerskab.ServiceDefaults.Errors;
using Status = Grpc.Core.Status;

namespace Partnerskab.ServiceDefaults.Tests;

public sealed class ErrorInterceptorTests
{
    private readonly ErrorInterceptor interceptor = new(NullLogger<ErrorInterceptor>.Instance);

    [Fact]
    public async Task Invalid_requests_become_InvalidArgument_with_BadRequest_details()
    {
        var error = await CallThrowing(new InvalidRequestException([new BadRequest.Types.FieldViolation { Field = "cpr", Description = "must be 10 digits" }]));

        error.StatusCode.ShouldBe(StatusCode.InvalidArgument);
        var details = error.GetRpcStatus()!.GetDetail<BadRequest>();
        details.FieldViolations.ShouldHaveSingleItem().Field.ShouldBe("cpr");
    }

    [Theory]
    [InlineData(StatusCode.NotFound)]
    [InlineData(StatusCode.AlreadyExists)]
    [InlineData(StatusCode.FailedPrecondition)]
    public async Task Domain_refusals_keep_their_code_and_message(StatusCode code)
    {
        var error = await CallThrowing(new DomainException(code, "the reason"));
        error.StatusCode.ShouldBe(code);
        error.Status.Detail.ShouldBe("the reason");
    }

    [Fact]
    public async Task Anything_else_is_Internal_and_tells_the_caller_nothing()
    {
        var error = await CallThrowing(new InvalidOperationException("connection string Host=db;Password=secret"));
        error.StatusCode.ShouldBe(StatusCode.Internal);
        error.Status.Detail.ShouldNotContain("secret");
        error.Status.Detail.ShouldNotContain("InvalidOperationException");
    }

    [Fact]
    public async Task A_database_that_is_away_is_Unavailable_so_the_caller_tries_again()
    {
        var refused = new NpgsqlException("Failed to connect to 127.0.0.1:5432", new System.Net.Sockets.SocketException(111));
        var error = await CallThrowing(new DbUpdateException("An error occurred while saving the entity changes.", refused));
        error.StatusCode.ShouldBe(StatusCode.Unavailable);
        error.Status.Detail.ShouldNotContain("5432");
    }

    [Fact]
    public async Task RpcExceptions_from_calls_to_other_services_pass_through()
    {
        var error = await CallThrowing(new RpcException(new Status(StatusCode.Unavailable, "cohort is down")));
        error.StatusCode.ShouldBe(StatusCode.Unavailable);
    }

    private async Task<RpcException> CallThrowing(Exception exception) =>
        await Should.ThrowAsync<RpcException>(() => interceptor.UnaryServerHandler<string, string>(
            "request", new TestCallContext(), (_, _) => throw exception));

    private sealed class TestCallContext : ServerCallContext
    {
        protected override string MethodCore => "/test.v1.TestService/Call";
        protected override string HostCore => "localhost";
        protected override string PeerCore => "ipv4:127.0.0.1:1";
        protected override DateTime DeadlineCore => DateTime.MaxValue;
        protected override Metadata RequestHeadersCore => [];
        protected override CancellationToken CancellationTokenCore => CancellationToken.None;
        protected override Metadata ResponseTrailersCore => [];
        protected override Status StatusCore { get; set; }
        protected override WriteOptions? WriteOptionsCore { get; set; }
        protected override AuthContext AuthContextCore => new(null, []);
        protected override ContextPropagationToken CreatePropagationTokenCore(ContextPropagationOptions? options) => throw new NotSupportedException();
        protected override Task WriteResponseHeadersAsyncCore(Metadata responseHeaders) => Task.CompletedTask;
    }
}
