using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using ImpactAlliances.Core.Content;

namespace ImpactAlliances.Web.Tests;

/// <summary>Starting the site on a port already taken: one French message naming --urls, a failing exit code, no stack trace.</summary>
public sealed class BusyPortFacts : IDisposable
{
    private readonly string _root = Directory.CreateTempSubdirectory("ia-port-").FullName;

    [Fact]
    public async Task The_site_started_on_a_taken_port_says_so_in_french_and_exits_with_1()
    {
        using var taken = new TcpListener(IPAddress.Loopback, 0);
        taken.Start();
        var port = ((IPEndPoint)taken.LocalEndpoint).Port;
        // A content folder with only the taxonomy: the start-up build is instant.
        var content = Directory.CreateDirectory(Path.Combine(_root, "content", "cases")).Parent!.FullName;
        File.Copy(RepositoryPaths.Resolve("content/taxonomy.yml"), Path.Combine(content, "taxonomy.yml"));
        var site = new ProcessStartInfo("dotnet")
        {
            ArgumentList =
            {
                Path.Combine(AppContext.BaseDirectory, "ImpactAlliances.Web.dll"),
                "--urls", $"http://127.0.0.1:{port}", $"--Content:Path={content}", $"--Index:Path={Path.Combine(_root, "index")}",
            },
            WorkingDirectory = _root,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };

        using var process = Process.Start(site)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(90));
        await process.WaitForExitAsync(timeout.Token);

        Assert.Equal(1, process.ExitCode);
        Assert.Equal(
            $"Le port {port} est déjà utilisé, sans doute par un autre site ou aperçu lancé. Arrêtez-le, ou lancez le site sur un autre port avec l'option --urls http://localhost:{port + 1} :\n"
            + $"  dotnet run --project src/ImpactAlliances.Web -- --Content:Path={content} --Index:Path={Path.Combine(_root, "index")} --urls http://localhost:{port + 1}\n",
            (await error).ReplaceLineEndings("\n"));
        var everything = await output + await error;
        Assert.DoesNotContain("Exception", everything, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", everything, StringComparison.Ordinal);
    }

    [Fact]
    public void Any_other_start_up_failure_is_not_mistaken_for_a_busy_port()
    {
        Assert.Null(BusyPort.Explain(new IOException("disk full"), []));
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
