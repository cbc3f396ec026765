using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Text.RegularExpressions;
using Partnerskab.Tokens;

namespace Partnerskab.Testing;

/// <summary>
/// The portal as people use it: a real process in front of a <see cref="LocalSuite"/>, pages on
/// HTTPS with a certificate of a throwaway authority, health on an HTTP port, its own fresh
/// database beside the suite's, calling the services as the signed-in person.
/// </summary>
public sealed partial class LocalPortal : IAsyncDisposable
{
    private readonly IReadOnlyDictionary<string, string> settings;

    private LocalPortal(LocalSuite suite)
    {
        var directory = Directory.CreateTempSubdirectory("partnerskab-portal-").FullName;
        Certificates = TestCertificates.Create(directory);
        HttpsPort = TestEnvironment.FreePort();
        settings = new Dictionary<string, string>
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
        Process = new ServiceProcess("portal", Dll, settings, TestEnvironment.FreePort(), TestEnvironment.FreePort(),
            Path.Combine(TestEnvironment.LogDirectory, $"{Path.GetFileName(directory)}.log"));
    }

    public ServiceProcess Process { get; }
    public TestCertificates Certificates { get; }
    public int HttpsPort { get; }

    /// <summary>Where the pages are, by the name the certificate carries.</summary>
    public Uri Url => new($"https://localhost:{HttpsPort}/");

    public static string Dll => Path.Combine(TestEnvironment.RepositoryRoot, "services", "portal", "Partnerskab.Portal", "bin",
        TestEnvironment.Configuration, "net10.0", "Partnerskab.Portal.dll");

    public static async Task<LocalPortal> StartAsync(LocalSuite suite)
    {
        var portal = new LocalPortal(suite);
        await portal.Process.StartAsync();
        return portal;
    }

    /// <summary>An account made with the portal's add-account command; the password must meet the portal's policy.</summary>
    public async Task AddAccountAsync(string user, string roles, string organisation, string partnerships, string password)
    {
        var (exitCode, output) = await AddAccountAsync(Dll, settings, Process.HttpUrl.Port, user, $"Benchmark {user}", organisation, roles, partnerships, password);
        if (exitCode != 0) throw new InvalidOperationException($"add-account {user} failed: {output}");
    }

    /// <summary>Runs the portal's add-account command as deploy/up.sh does: the password on standard input, the portal's environment.</summary>
    public static async Task<(int ExitCode, string Output)> AddAccountAsync(string dll, IReadOnlyDictionary<string, string> environment, int httpPort,
        string user, string name, string organisation, string roles, string partnerships, string password)
    {
        var start = new ProcessStartInfo("dotnet", [dll, "add-account", "--user", user, "--name", name, "--org", organisation, "--roles", roles, "--partnerships", partnerships])
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = Path.GetDirectoryName(dll)!,
        };
        foreach (var (key, value) in environment) start.Environment[key] = value;
        start.Environment["Service__HttpPort"] = httpPort.ToString(CultureInfo.InvariantCulture);
        using var process = System.Diagnostics.Process.Start(start)!;
        await process.StandardInput.WriteLineAsync(password);
        process.StandardInput.Close();
        var output = await process.StandardOutput.ReadToEndAsync() + await process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        return (process.ExitCode, output);
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

    public async ValueTask DisposeAsync() => await Process.DisposeAsync();
}
