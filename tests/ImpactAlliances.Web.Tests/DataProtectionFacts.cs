using System.Xml.Linq;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.AspNetCore.DataProtection.Repositories;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

namespace ImpactAlliances.Web.Tests;

/// <summary>The site protects no data: it starts and answers its pages without reading or writing a Data Protection key.</summary>
public sealed class DataProtectionFacts : IDisposable
{
    private readonly KeyRingSite _site = new();

    [Fact]
    public async Task Starting_and_answering_pages_neither_reads_nor_writes_the_key_ring()
    {
        var client = _site.CreateClient();
        foreach (var path in new[] { "/", "/?q=emploi", "/exemples", "/carte", "/statistiques", "/nope", "/erreur/404" })
        {
            using var response = await client.GetAsync(path);
            Assert.True((int)response.StatusCode < 500, $"{path}: {response.StatusCode}");
        }
        Assert.Equal((0, 0), (_site.KeyRing.Reads, _site.KeyRing.Writes));
    }

    public void Dispose() => _site.Dispose();

    private sealed class KeyRingSite : SiteFactory
    {
        public WatchedKeyRing KeyRing { get; } = new();

        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            // Where the keys would be read from and written to, instead of the user's key ring.
            builder.ConfigureTestServices(services => services.Configure<KeyManagementOptions>(options => options.XmlRepository = KeyRing));
        }
    }

    /// <summary>A key ring in memory that counts what reads and writes it.</summary>
    private sealed class WatchedKeyRing : IXmlRepository
    {
        private readonly List<XElement> _keys = [];
        public int Reads { get; private set; }
        public int Writes { get; private set; }

        public IReadOnlyCollection<XElement> GetAllElements()
        {
            Reads++;
            return [.. _keys];
        }

        public void StoreElement(XElement element, string friendlyName)
        {
            Writes++;
            _keys.Add(element);
        }
    }
}
