namespace ImpactAlliances.Web;

/// <summary>
/// Where the site reads its settings files and <c>wwwroot</c>. The host's default is the current folder: right for
/// <c>dotnet run</c> and for the container's <c>WORKDIR</c>. A published site started from another folder (a service
/// manager's <c>/</c>, a script run from elsewhere) would read neither <c>appsettings.json</c> (its log format, request
/// limits and API budget) nor <c>wwwroot</c>, and answer its styles and scripts with empty 200s. So, unless a content
/// root is given, the site's own folder is used when it holds the settings and the current folder does not.
/// </summary>
internal static class ContentRoot
{
    private const string SettingsFile = "appsettings.json";

    /// <summary>The host argument that sets the content root, or none when the default is right or one is given.</summary>
    public static IEnumerable<string> Arguments(IReadOnlyList<string> args, string currentFolder, string siteFolder, Func<string, string?> environment)
    {
        var given = args.Any(a => a.TrimStart('-', '/').StartsWith("contentRoot", StringComparison.OrdinalIgnoreCase))
            || environment("ASPNETCORE_CONTENTROOT") is { Length: > 0 } || environment("DOTNET_CONTENTROOT") is { Length: > 0 };
        if (!given && !File.Exists(Path.Combine(currentFolder, SettingsFile)) && File.Exists(Path.Combine(siteFolder, SettingsFile)))
        {
            yield return $"--contentRoot={siteFolder}";
        }
    }

    /// <summary><see cref="Arguments(IReadOnlyList{string}, string, string, Func{string, string?})"/> for this process.</summary>
    public static IEnumerable<string> Arguments(IReadOnlyList<string> args) =>
        Arguments(args, Directory.GetCurrentDirectory(), AppContext.BaseDirectory, Environment.GetEnvironmentVariable);
}
