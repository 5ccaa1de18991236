namespace ImpactAlliances.Core.Content;

/// <summary>Resolves the configured content and index folders.</summary>
public static class RepositoryPaths
{
    /// <summary>The file that marks the repository root.</summary>
    public const string RootMarker = "ImpactAlliances.sln";

    /// <summary>
    /// An absolute path as it is; a relative one against the current folder when it names something there (a
    /// file or folder the user gave from where they stand), else against the repository root when the current
    /// folder, or else the program's own folder, is inside the repository (so <c>dotnet run</c> finds
    /// <c>content</c> from any folder of it), else against the current folder.
    /// </summary>
    public static string Resolve(string path) => Resolve(path, Directory.GetCurrentDirectory());

    /// <summary><see cref="Resolve(string)"/> from a given current folder.</summary>
    internal static string Resolve(string path, string currentFolder)
    {
        if (Path.IsPathRooted(path))
        {
            return Path.GetFullPath(path);
        }
        var here = Path.GetFullPath(path, currentFolder);
        if (File.Exists(here) || Directory.Exists(here))
        {
            return here;
        }
        // From the current folder first; a tool started from elsewhere still finds the repository it was built in.
        var root = FindRoot(currentFolder) ?? FindRoot(AppContext.BaseDirectory);
        return root is null ? here : Path.GetFullPath(Path.Combine(root, path));
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
