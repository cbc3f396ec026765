using System.Net;
using System.Net.Security;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace Partnerskab.Testing;

/// <summary>
/// A throwaway certificate authority and a server certificate it signed for localhost and
/// 127.0.0.1, as PEM files, the way deploy/up.sh makes them with openssl; and a TLS check that
/// trusts that authority alone.
/// </summary>
public sealed class TestCertificates
{
    private TestCertificates(X509Certificate2 authority, string certificateFile, string keyFile)
    {
        Authority = authority;
        CertificateFile = certificateFile;
        KeyFile = keyFile;
    }

    public X509Certificate2 Authority { get; }
    public string CertificateFile { get; }
    public string KeyFile { get; }

    public static TestCertificates Create(string directory)
    {
        var now = DateTimeOffset.UtcNow;
        using var authorityKey = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var authorityRequest = new CertificateRequest("CN=Partnerskab test CA", authorityKey, HashAlgorithmName.SHA256);
        authorityRequest.CertificateExtensions.Add(new X509BasicConstraintsExtension(true, false, 0, true));
        authorityRequest.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.KeyCertSign | X509KeyUsageFlags.CrlSign, true));
        authorityRequest.CertificateExtensions.Add(new X509SubjectKeyIdentifierExtension(authorityRequest.PublicKey, false));
        using var authority = authorityRequest.CreateSelfSigned(now.AddDays(-1), now.AddYears(1));

        using var serverKey = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var serverRequest = new CertificateRequest("CN=localhost", serverKey, HashAlgorithmName.SHA256);
        var names = new SubjectAlternativeNameBuilder();
        names.AddDnsName("localhost");
        names.AddIpAddress(IPAddress.Loopback);
        serverRequest.CertificateExtensions.Add(names.Build());
        serverRequest.CertificateExtensions.Add(new X509BasicConstraintsExtension(false, false, 0, true));
        serverRequest.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.DigitalSignature, true));
        serverRequest.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension([new Oid("1.3.6.1.5.5.7.3.1")], false));
        serverRequest.CertificateExtensions.Add(X509AuthorityKeyIdentifierExtension.CreateFromCertificate(authority, true, false));
        using var server = serverRequest.Create(authority, now.AddDays(-1), now.AddDays(30), RandomNumberGenerator.GetBytes(16));

        Directory.CreateDirectory(directory);
        var certificateFile = Path.Combine(directory, "gateway.crt");
        var keyFile = Path.Combine(directory, "gateway.key");
        File.WriteAllText(certificateFile, server.ExportCertificatePem());
        File.WriteAllText(keyFile, serverKey.ExportPkcs8PrivateKeyPem());
        return new TestCertificates(X509CertificateLoader.LoadCertificate(authority.RawData), certificateFile, keyFile);
    }

    /// <summary>Accepts a server certificate for the requested name that chains to <see cref="Authority"/>, and nothing else.</summary>
    public bool Trusts(X509Certificate? certificate, SslPolicyErrors errors)
    {
        if (certificate is null || (errors & ~SslPolicyErrors.RemoteCertificateChainErrors) != SslPolicyErrors.None) return false;
        using var chain = new X509Chain();
        chain.ChainPolicy.TrustMode = X509ChainTrustMode.CustomRootTrust;
        chain.ChainPolicy.CustomTrustStore.Add(Authority);
        chain.ChainPolicy.RevocationMode = X509RevocationMode.NoCheck;
        using var presented = X509CertificateLoader.LoadCertificate(certificate.GetRawCertData());
        return chain.Build(presented);
    }
}
