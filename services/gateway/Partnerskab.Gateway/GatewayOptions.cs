namespace Partnerskab.Gateway;

/// <summary>Where the gateway listens and where the services are. Bound from the "Gateway" configuration section.</summary>
public sealed class GatewayOptions
{
    public const string Section = "Gateway";

    /// <summary>The public HTTPS port (HTTP/1.1 and HTTP/2 by ALPN).</summary>
    public int HttpsPort { get; set; }

    /// <summary>The server certificate: a PEM file (with <see cref="CertificateKeyPath"/>) or a PKCS#12 file (with <see cref="CertificatePassword"/>).</summary>
    public string CertificatePath { get; set; } = "";

    /// <summary>The PEM private key of a PEM certificate.</summary>
    public string? CertificateKeyPath { get; set; }

    /// <summary>The password of a PKCS#12 certificate file.</summary>
    public string? CertificatePassword { get; set; }

    /// <summary>
    /// The cohort, outcome and payment services' gRPC (h2c) addresses: one instance (http://host:port) or every instance
    /// behind a DNS name (dns:///host:port, e.g. a Kubernetes headless Service), over which calls are spread round robin.
    /// </summary>
    public Uri? CohortUrl { get; set; }
    public Uri? OutcomeUrl { get; set; }
    public Uri? PaymentUrl { get; set; }

    /// <summary>
    /// Static lists of each service's instances (environment Gateway__CohortUrls__0, __1, ...); a list, when given,
    /// replaces the single address, and calls are spread round robin over the instances that answer.
    /// </summary>
    public List<Uri> CohortUrls { get; set; } = [];
    public List<Uri> OutcomeUrls { get; set; } = [];
    public List<Uri> PaymentUrls { get; set; } = [];

    /// <summary>
    /// The gateway's own private signing key (JWK, issuer partnerskab-gateway), with which it signs
    /// the short-lived tokens of the callers whose bulk jobs it runs.
    /// </summary>
    public string SigningKeyFile { get; set; } = "";

    /// <summary>The largest request body the gateway forwards; the services take messages up to 4 MB.</summary>
    public long MaxRequestBodyBytes { get; set; } = 4 * 1024 * 1024;
}
