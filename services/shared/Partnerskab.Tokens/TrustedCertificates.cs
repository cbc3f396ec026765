using System.Net.Security;
using System.Security.Cryptography.X509Certificates;

namespace Partnerskab.Tokens;

/// <summary>
/// The HTTP handler a client of the suite reaches an HTTPS server with (the portal: the identity
/// provider and the gateway; the CLI: the portal): the system's trusted roots, and the
/// certificates of a PEM file (a kommune's own CA, or a server's self-signed certificate) as
/// roots besides them. The host name must match the certificate either way.
/// </summary>
public static class TrustedCertificates
{
    public static SocketsHttpHandler Handler(string trustedCertificateFile)
    {
        var handler = new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.FromMinutes(5) };
        if (trustedCertificateFile.Length == 0) return handler;
        var roots = new X509Certificate2Collection();
        roots.ImportFromPemFile(trustedCertificateFile);
        if (roots.Count == 0) throw new InvalidOperationException($"{trustedCertificateFile} holds no PEM certificate.");
        handler.SslOptions.RemoteCertificateValidationCallback = (_, certificate, _, errors) =>
            errors == SslPolicyErrors.None || (errors == SslPolicyErrors.RemoteCertificateChainErrors && certificate is not null && ChainsTo(certificate, roots));
        return handler;
    }

    private static bool ChainsTo(X509Certificate certificate, X509Certificate2Collection roots)
    {
        using var chain = new X509Chain();
        chain.ChainPolicy.TrustMode = X509ChainTrustMode.CustomRootTrust;
        chain.ChainPolicy.CustomTrustStore.AddRange(roots);
        chain.ChainPolicy.RevocationMode = X509RevocationMode.NoCheck;
        using var leaf = new X509Certificate2(certificate);
        return chain.Build(leaf);
    }
}
