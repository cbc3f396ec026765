using System.Net;
using System.Net.Http.Headers;
using System.Security.Authentication;
using System.Security.Cryptography;
using Partnerskab.Tokens;

namespace Partnerskab.Testing;

/// <summary>
/// The gateway as users run it: a real process in front of a <see cref="LocalSuite"/>, HTTPS on
/// its public port with a certificate of a throwaway authority, health on an HTTP port, its own
/// fresh database beside the suite's.
/// </summary>
public sealed class LocalGateway : IAsyncDisposable
{
    private readonly string directory;

    private LocalGateway(LocalSuite suite, IReadOnlyDictionary<string, string> environment)
    {
        directory = Directory.CreateTempSubdirectory("partnerskab-gateway-").FullName;
        Certificates = TestCertificates.Create(directory);
        HttpsPort = TestEnvironment.FreePort();
        var dll = TestEnvironment.ServiceDll("gateway", "Partnerskab.Gateway");
        var settings = new Dictionary<string, string>
        {
            ["Gateway__HttpsPort"] = HttpsPort.ToString(),
            ["Gateway__CertificatePath"] = Certificates.CertificateFile,
            ["Gateway__CertificateKeyPath"] = Certificates.KeyFile,
            ["Gateway__CohortUrl"] = suite.Cohort.GrpcUrl.ToString(),
            ["Gateway__OutcomeUrl"] = suite.Outcome.GrpcUrl.ToString(),
            ["Gateway__PaymentUrl"] = suite.Payment.GrpcUrl.ToString(),
            ["Gateway__SigningKeyFile"] = suite.Keys.PrivateKeyFile(SigningKeys.GatewayIssuer),
            ["Auth__TrustedKeysFile"] = suite.Keys.TrustedKeysFile,
            ["ConnectionStrings__Database"] = suite.ConnectionString("gateway"),
            ["Idempotency__FingerprintKey"] = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)),
        };
        foreach (var (key, value) in environment) settings[key] = value;
        // The gateway has no gRPC port of its own; ServiceProcess's is left unused.
        Process = new ServiceProcess("gateway", dll, settings, TestEnvironment.FreePort(), TestEnvironment.FreePort(),
            Path.Combine(TestEnvironment.LogDirectory, $"{Path.GetFileName(directory)}.log"));
    }

    public ServiceProcess Process { get; }
    public TestCertificates Certificates { get; }
    public int HttpsPort { get; }

    /// <summary>The public address, by the name the certificate carries.</summary>
    public Uri Url => new($"https://localhost:{HttpsPort}/");

    public static async Task<LocalGateway> StartAsync(LocalSuite suite, IReadOnlyDictionary<string, string>? environment = null)
    {
        var gateway = new LocalGateway(suite, environment ?? new Dictionary<string, string>());
        await gateway.Process.StartAsync();
        return gateway;
    }

    /// <summary>A handler that speaks TLS 1.2+ to the gateway and trusts only the test authority.</summary>
    public SocketsHttpHandler Handler() => new()
    {
        SslOptions =
        {
            EnabledSslProtocols = SslProtocols.Tls12 | SslProtocols.Tls13,
            RemoteCertificateValidationCallback = (_, certificate, _, errors) => Certificates.Trusts(certificate, errors),
        },
    };

    /// <summary>A plain HTTP client of the public address, with a bearer token unless null; HTTP/2 unless told otherwise.</summary>
    public HttpClient Client(string? token, Version? version = null)
    {
        var client = new HttpClient(Handler())
        {
            BaseAddress = Url,
            DefaultRequestVersion = version ?? HttpVersion.Version20,
            DefaultVersionPolicy = HttpVersionPolicy.RequestVersionExact,
            Timeout = TimeSpan.FromSeconds(30),
        };
        if (token is not null) client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    public async ValueTask DisposeAsync()
    {
        await Process.DisposeAsync();
        Directory.Delete(directory, recursive: true);
    }
}
