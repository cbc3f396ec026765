using Grpc.Core;
using Grpc.Net.ClientFactory;
using Microsoft.Extensions.Options;
using NodaTime;
using Partnerskab.Protos.Cohort.V1;
using Partnerskab.ServiceDefaults;
using Partnerskab.ServiceDefaults.Access;
using Partnerskab.ServiceDefaults.Calling;
using Partnerskab.ServiceDefaults.Errors;

namespace Partnerskab.Outcome.FollowUp;

/// <summary>Bound from the "Services" configuration section.</summary>
public sealed class CohortClientOptions
{
    public const string Section = "Services";

    /// <summary>
    /// The cohort service's address: one instance (http://host:port), or every instance behind a DNS name
    /// (dns:///host:port, e.g. a Kubernetes headless service), over which calls are spread round robin.
    /// </summary>
    public Uri? CohortUrl { get; set; }

    /// <summary>
    /// A static list of the cohort service's instances (environment Services__CohortUrls__0, __1, ...); when given,
    /// it replaces <see cref="CohortUrl"/> and calls are spread round robin over the instances that answer.
    /// </summary>
    public List<Uri> CohortUrls { get; set; } = [];

    /// <summary>The deadline of every call to the cohort service.</summary>
    public TimeSpan CohortDeadline { get; set; } = TimeSpan.FromSeconds(3);
}

/// <summary>
/// Questions this service asks the cohort service when it needs the answer now. Every call has
/// a deadline; Unavailable and DeadlineExceeded reach the caller as they are, so callers fail
/// fast and may retry.
/// </summary>
public sealed class CohortLookup(CohortService.CohortServiceClient client, IOptions<CohortClientOptions> options)
{
    /// <summary>Whether the citizen is in follow-up on the day asked about (an exit counts), and the window from the handover.</summary>
    public sealed record FollowUpAnswer(bool InFollowUp, LocalDate Start, LocalDate End)
    {
        /// <summary>Why the day asked about is not in follow-up, for a rejection the sender can act on.</summary>
        public string OutsideReason(string what) =>
            $"{what} is outside the citizen's follow-up {Start:uuuu-MM-dd} to {End:uuuu-MM-dd} (end exclusive) or on or after an exit";
    }

    /// <summary>
    /// Whether the citizen is in follow-up on the date; null when the cohort service does not know
    /// the citizen. Asked through <see cref="FollowUpLookup"/>, which opens the citizen's follow-up from the answer.
    /// </summary>
    public async Task<FollowUpAnswer?> FollowUpStatusAsync(Guid partnershipId, string citizenId, LocalDate onDate, CancellationToken cancellationToken)
    {
        try
        {
            var answer = await client.GetFollowUpStatusAsync(new GetFollowUpStatusRequest
            {
                PartnershipId = partnershipId.ToString(),
                CitizenId = citizenId,
                OnDate = onDate.ToProto(),
            }, deadline: Deadline(), cancellationToken: cancellationToken);
            return new FollowUpAnswer(answer.InFollowUp,
                ToLocalDate(answer.FollowUpStart), ToLocalDate(answer.FollowUpEnd));
        }
        catch (RpcException e) when (e.StatusCode == StatusCode.NotFound)
        {
            return null;
        }
    }

    public async Task EnsurePartnershipExistsAsync(Guid partnershipId, CancellationToken cancellationToken)
    {
        try
        {
            await client.GetPartnershipAsync(new GetPartnershipRequest { PartnershipId = partnershipId.ToString() },
                deadline: Deadline(), cancellationToken: cancellationToken);
        }
        catch (RpcException e) when (e.StatusCode == StatusCode.NotFound)
        {
            throw DomainException.NotFound($"Partnership {partnershipId} does not exist.");
        }
    }

    private DateTime Deadline() => DateTime.UtcNow + options.Value.CohortDeadline;

    private static LocalDate ToLocalDate(Google.Type.Date date) =>
        ProtoDates.TryToLocalDate(date, out var value) ? value : throw new InvalidOperationException("The cohort service sent an invalid date.");
}

public static class CohortClientRegistration
{
    /// <summary>
    /// The cohort client through the gRPC client factory: the incoming call's deadline and
    /// cancellation propagate, and the lookups (reads) are tried again, on the next instance, when one is unavailable.
    /// </summary>
    public static WebApplicationBuilder AddCohortClient(this WebApplicationBuilder builder)
    {
        var section = builder.Configuration.GetSection(CohortClientOptions.Section);
        builder.Services.Configure<CohortClientOptions>(section);
        var configured = section.Get<CohortClientOptions>() ?? new CohortClientOptions();
        var cohort = ServiceInstances.From(CohortClientOptions.Section, nameof(CohortClientOptions.CohortUrl), configured.CohortUrl, configured.CohortUrls);

        builder.Services.AddGrpcClient<CohortService.CohortServiceClient>(client => client.Address = cohort.Address)
            .EnableCallContextPropagation(propagation => propagation.SuppressContextNotFoundErrors = true)
            .AddCallCredentials((_, metadata, services) =>
            {
                metadata.Add("Authorization", $"Bearer {services.GetRequiredService<ServiceTokens>().Current()}");
                return Task.CompletedTask;
            })
            // Plain HTTP/2 on loopback or inside the deployment's network: the token goes anyway.
            .ConfigureChannel(channel => channel.UnsafeUseInsecureChannelCallCredentials = true)
            .ConfigureChannel(channel => channel.ServiceConfig = new Grpc.Net.Client.Configuration.ServiceConfig
            {
                MethodConfigs = { ReadRetries.For(CohortService.Descriptor) },
            })
            .ConfigureChannel(cohort.Spread);
        builder.Services.AddScoped<CohortLookup>();
        return builder;
    }
}
