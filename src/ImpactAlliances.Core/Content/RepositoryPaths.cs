namespace ImpactAlliances.Core.Content;

/// <summary>Resolves the configured content and index folders.</summary>
public static class RepositoryPaths
{
    /// <summary>The file that marks the repository root.</summary>
    public const string RootMarker = "ImpactAlliances.sln";

    /// <summary>
    /// An absolute path as it is; a relative one against the repository root when the current folder, or
    /// else the program's own folder, is inside the repository (so <c>dotnet run</c> works from any folder
    /// of it), else against the current folder.
    /// </summary>
    public static string Resolve(string path)
    {
        if (Path.IsPathRooted(path))
        {
            return Path.GetFullPath(path);
        }
        // From the current folder first; a tool started from elsewhere still finds the repository it was built in.
        var root = FindRoot(Directory.GetCurrentDirectory()) ?? FindRoot(AppContext.BaseDirectory);
        return Path.GetFullPath(Path.Combine(root ?? Directory.GetCurrentDirectory(), path));
    }

    private static string? FindRoot(string start)
    {
        for (var folder = new DirectoryInfo(start); folder is not null; folder = folder.Parent)
        {
            if (File.Exists(Path.Combine(folder.FullName, RootMarker)))
            {
                return folder.FullName;
            }
        }
        return null;
    }
}
