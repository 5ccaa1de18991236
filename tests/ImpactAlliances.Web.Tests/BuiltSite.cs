using System.Diagnostics;
using ImpactAlliances.Core.Content;

namespace ImpactAlliances.Web.Tests;

/// <summary>
/// The built site started as its own process, as a service manager starts it (Production, from another folder), over a
/// content folder holding only the taxonomy, so that its start-up build is instant.
/// </summary>
internal sealed class BuiltSite : IAsyncDisposable
{
    private readonly Process _process;

    private BuiltSite(Process process) => _process = process;

    /// <summary>The console line that says where the site listens, or null if it stopped or took 90 s without saying.</summary>
    public string? ListeningLine { get; private set; }

    /// <summary>Starts the site from <paramref name="root"/> (where its content and index go) with these arguments.</summary>
    public static async Task<BuiltSite> StartAsync(string root, params string[] arguments)
    {
        var content = Directory.CreateDirectory(Path.Combine(root, "content", "cases")).Parent!.FullName;
        File.Copy(RepositoryPaths.Resolve("content/taxonomy.yml"), Path.Combine(content, "taxonomy.yml"), overwrite: true);
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = root,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            Environment = { ["ASPNETCORE_ENVIRONMENT"] = "Production" },
        };
        foreach (var argument in (string[])[Path.Combine(AppContext.BaseDirectory, "ImpactAlliances.Web.dll"),
                     $"--Content:Path={content}", $"--Index:Path={Path.Combine(root, "index")}", .. arguments])
        {
            start.ArgumentList.Add(argument);
        }
        var site = new BuiltSite(Process.Start(start)!);
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(90));
        string? line;
        do
        {
            line = await site._process.StandardOutput.ReadLineAsync(timeout.Token);
        }
        while (line is not null && !line.Contains("Now listening on", StringComparison.Ordinal));
        site.ListeningLine = line;
        return site;
    }

    public async ValueTask DisposeAsync()
    {
        _process.Kill(entireProcessTree: true);
        await _process.WaitForExitAsync();
        _process.Dispose();
    }
}
