using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Text.RegularExpressions;
using Partnerskab.Tokens;

namespace Partnerskab.Testing;

/// <summary>
/// The portal as people use it: a real process in front of a <see cref="LocalSuite"/>, pages on
/// HTTPS with a certificate of a throwaway authority, health on an HTTP port, its own fresh
/// database beside the suite's, calling the services as the signed-in person. The settings every
/// such portal has are made here; a caller adds what its portal also uses (Chromium, RabbitMQ, the
/// gateway, an identity provider).
/// </summary>
public sealed partial class LocalPortal : IAsyncDisposable
{
    private readonly Dictionary<string, string> settings;
    private ServiceProcess? process;

    private LocalPortal(LocalSuite suite)
    {
        var directory = Directory.CreateTempSubdirectory("partnerskab-portal-").FullName;
        Certificates = TestCertificates.Create(directory);
        HttpsPort = TestEnvironment.FreePort();
        LogFile = Path.Combine(TestEnvironment.LogDirectory, $"{Path.GetFileName(directory)}.log");
        settings = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["ConnectionStrings__Database"] = suite.ConnectionString("portal"),
            ["Portal__CohortUrl"] = suite.Cohort.GrpcUrl.ToString(),
            ["Portal__OutcomeUrl"] = suite.Outcome.GrpcUrl.ToString(),
            ["Portal__PaymentUrl"] = suite.Payment.GrpcUrl.ToString(),
            ["Portal__SigningKeyFile"] = suite.Keys.PrivateKeyFile(SigningKeys.PortalIssuer),
            ["Portal__CertificateFile"] = Certificates.CertificateFile,
            ["Portal__CertificateKeyFile"] = Certificates.KeyFile,
            ["Portal__HttpsPort"] = HttpsPort.ToString(CultureInfo.InvariantCulture),
        };
    }

    public ServiceProcess Process => process ?? throw new InvalidOperationException("The portal is not started.");
    public TestCertificates Certificates { get; }
    public int HttpsPort { get; }

    /// <summary>The portal's log (the process's output).</summary>
    public string LogFile { get; }

    /// <summary>Where the pages are, by an address the certificate carries.</summary>
    public Uri Url => new($"https://127.0.0.1:{HttpsPort}/");

    public static string Dll => TestEnvironment.ServiceDll("portal", "Partnerskab.Portal");

    public static async Task<LocalPortal> StartAsync(LocalSuite suite)
    {
        var portal = Prepare(suite);
        await portal.StartAsync();
        return portal;
    }

    /// <summary>
    /// The portal's certificate, ports and settings, not started yet: what the portal will use (an
    /// identity provider serving with its certificate, its address) can be set up first.
    /// </summary>
    public static LocalPortal Prepare(LocalSuite suite) => new(suite);

    /// <summary>Starts the process with the settings every portal has and <paramref name="more"/>.</summary>
    public async Task StartAsync(IReadOnlyDictionary<string, string>? more = null)
    {
        foreach (var (key, value) in more ?? new Dictionary<string, string>()) settings[key] = value;
        process = new ServiceProcess("portal", Dll, settings, TestEnvironment.FreePort(), TestEnvironment.FreePort(), LogFile);
        await process.StartAsync();
    }

    /// <summary>
    /// Runs the portal's add-account command as deploy/up.sh does: the password on standard input
    /// (it must meet the portal's policy), the portal's settings.
    /// </summary>
    public async Task<(int ExitCode, string Output)> AddAccountAsync(string user, string name, string organisation, string roles, string partnerships,
        string password)
    {
        var start = new ProcessStartInfo("dotnet", [Dll, "add-account", "--user", user, "--name", name, "--org", organisation, "--roles", roles, "--partnerships", partnerships])
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = Path.GetDirectoryName(Dll)!,
        };
        foreach (var (key, value) in settings) start.Environment[key] = value;
        start.Environment["Service__HttpPort"] = Process.HttpUrl.Port.ToString(CultureInfo.InvariantCulture);
        using var command = System.Diagnostics.Process.Start(start)!;
        await command.StandardInput.WriteLineAsync(password);
        command.StandardInput.Close();
        var output = await command.StandardOutput.ReadToEndAsync() + await command.StandardError.ReadToEndAsync();
        await command.WaitForExitAsync();
        return (command.ExitCode, output);
    }

    /// <summary>A client signed in as the person through the sign-in form (anti-forgery token and session cookie), as a browser is.</summary>
    public async Task<HttpClient> SignedInClientAsync(string user, string password)
    {
        var handler = new SocketsHttpHandler
        {
            CookieContainer = new CookieContainer(),
            AllowAutoRedirect = false,
            SslOptions = { RemoteCertificateValidationCallback = (_, certificate, _, errors) => Certificates.Trusts(certificate, errors) },
        };
        var client = new HttpClient(handler) { BaseAddress = Url, Timeout = TimeSpan.FromSeconds(60) };
        var form = await client.GetStringAsync("log-ind");
        var token = AntiforgeryToken().Match(form);
        if (!token.Success) throw new InvalidOperationException("The sign-in page has no anti-forgery token.");
        using var signIn = await client.PostAsync("log-ind", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["userName"] = user, ["password"] = password, ["returnUrl"] = "/", ["__RequestVerificationToken"] = WebUtility.HtmlDecode(token.Groups[1].Value),
        }));
        if (signIn.StatusCode != HttpStatusCode.Redirect || handler.CookieContainer.GetCookies(Url)["partnerskab.session"] is null)
        {
            throw new InvalidOperationException($"{user} was not signed in: {(int)signIn.StatusCode}.");
        }
        return client;
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex AntiforgeryToken();

    public async ValueTask DisposeAsync()
    {
        if (process is not null) await process.DisposeAsync();
    }
}
