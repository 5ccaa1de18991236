using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text.Json;

namespace ImpactAlliances.Web.Tests;

/// <summary>An https:// address on the command line, with Kestrel's certificate settings, is served over TLS.</summary>
public sealed class HttpsAddressFacts : IDisposable
{
    private readonly string _root = Directory.CreateTempSubdirectory("ia-https-").FullName;

    [Fact]
    public async Task The_built_site_given_an_https_address_and_a_certificate_answers_over_tls()
    {
        var certificate = Path.Combine(_root, "site.pfx");
        using (var rsa = RSA.Create(2048))
        {
            var request = new CertificateRequest("CN=127.0.0.1", rsa, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
            var names = new SubjectAlternativeNameBuilder();
            names.AddIpAddress(IPAddress.Loopback);
            request.CertificateExtensions.Add(names.Build());
            using var selfSigned = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddDays(1));
            File.WriteAllBytes(certificate, selfSigned.Export(X509ContentType.Pfx, "test"));
        }

        await using var site = await BuiltSite.StartAsync(_root, "--urls", "https://127.0.0.1:0",
            $"--Kestrel:Certificates:Default:Path={certificate}", "--Kestrel:Certificates:Default:Password=test");

        // A host that cannot configure HTTPS for the address stops before it listens.
        Assert.NotNull(site.ListeningLine);
        using var entry = JsonDocument.Parse(site.ListeningLine);
        var address = entry.RootElement.GetProperty("State").GetProperty("address").GetString()!;
        Assert.StartsWith("https://127.0.0.1:", address, StringComparison.Ordinal);
        using var handler = new HttpClientHandler { ServerCertificateCustomValidationCallback = HttpClientHandler.DangerousAcceptAnyServerCertificateValidator };
        using var client = new HttpClient(handler) { BaseAddress = new Uri(address) };
        using var response = await client.GetAsync(new Uri("/health/live", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(_root, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}
