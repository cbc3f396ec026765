namespace Partnerskab.Portal;

/// <summary>Where the portal finds the services, its signing key and the browser it prints with. Bound from "Portal".</summary>
public sealed class PortalOptions
{
    public const string Section = "Portal";

    /// <summary>
    /// The services' gRPC (h2c) addresses: one instance (http://host:port) or every instance behind a DNS name
    /// (dns:///host:port, e.g. a Kubernetes headless Service), over which calls are spread round robin.
    /// </summary>
    public Uri CohortUrl { get; set; } = new("http://127.0.0.1:5101");
    public Uri OutcomeUrl { get; set; } = new("http://127.0.0.1:5201");
    public Uri PaymentUrl { get; set; } = new("http://127.0.0.1:5301");

    /// <summary>
    /// Static lists of each service's instances (environment Portal__CohortUrls__0, __1, ...); a list, when given,
    /// replaces the single address, and calls are spread round robin over the instances that answer.
    /// </summary>
    public List<Uri> CohortUrls { get; set; } = [];
    public List<Uri> OutcomeUrls { get; set; } = [];
    public List<Uri> PaymentUrls { get; set; } = [];

    /// <summary>The portal's private key ("partnerskab-portal.jwk" in the key directory); its public part is in the trusted JWKS.</summary>
    public string SigningKeyFile { get; set; } = "";

    /// <summary>
    /// A PEM certificate and key and the port to serve pages on with them: HTTPS. The plain HTTP
    /// port (Service:HttpPort) then answers health checks and sends everything else to HTTPS.
    /// Without them the pages are served on the plain HTTP port, which the portal allows only on loopback.
    /// </summary>
    public string CertificateFile { get; set; } = "";
    public string CertificateKeyFile { get; set; } = "";
    public int HttpsPort { get; set; }

    /// <summary>The headless browser that prints the committee pack as PDF.</summary>
    public string ChromiumPath { get; set; } = "/usr/bin/chromium";

    /// <summary>The broker whose error queues the operator's page lists and replays (amqp://user:password@host:port/); unset: that part of the page is off.</summary>
    public Uri? RabbitMqUri { get; set; }

    /// <summary>A signed-in person who does nothing for this long is signed out.</summary>
    public TimeSpan IdleTimeout { get; set; } = TimeSpan.FromMinutes(20);

    /// <summary>
    /// PEM certificates trusted as roots besides the system's when the portal calls another HTTPS
    /// server (the identity provider, the gateway): a kommune's own CA or a server's self-signed certificate.
    /// </summary>
    public string TrustedCertificateFile { get; set; } = "";

    /// <summary>The gateway's address (https), whose bulk jobs run the citizens and weekly statuses uploads; unset: those pages say so.</summary>
    public Uri? GatewayUrl { get; set; }

    /// <summary>The kommune's own identity provider (OpenID Connect); unset: local accounts only.</summary>
    public SignIn.ProviderSignInOptions OpenIdConnect { get; set; } = new();

    public bool ServesHttps => CertificateFile.Length > 0;
}
