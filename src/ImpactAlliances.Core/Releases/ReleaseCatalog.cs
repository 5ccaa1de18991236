namespace ImpactAlliances.Core.Releases;

/// <summary>A release as listed: its folder name and manifest.</summary>
public sealed record Release(string Name, ReleaseManifest Manifest);

/// <summary>
/// The releases in a folder (<c>Releases:Path</c>): each subfolder with a readable manifest. A file is
/// served only when the release lists it: a name from a request never becomes a path by itself.
/// </summary>
public sealed class ReleaseCatalog(string root)
{
    /// <summary>The folder holding the releases.</summary>
    public string Root { get; } = Path.GetFullPath(root);

    /// <summary>Every release, newest first.</summary>
    public IReadOnlyList<Release> List()
    {
        if (!Directory.Exists(Root))
        {
            return [];
        }
        return [.. Directory.EnumerateDirectories(Root)
            .Select(folder => (Name: Path.GetFileName(folder), Manifest: ReleaseManifest.TryRead(folder)))
            .Where(r => r.Manifest is not null && !r.Name.StartsWith('.'))
            .Select(r => new Release(r.Name, r.Manifest!))
            .OrderByDescending(r => r.Manifest.ReleaseDate).ThenByDescending(r => r.Name, StringComparer.Ordinal)];
    }

    /// <summary>The path of a file a release lists, its manifest or its checksums, or null when there is no such release or file.</summary>
    public string? Find(string release, string file)
    {
        var found = List().FirstOrDefault(r => r.Name == release);
        if (found is null || (file is not (ReleaseManifest.FileName or ReleaseManifest.ChecksumsFileName) && found.Manifest.Files.All(f => f.Name != file)))
        {
            return null;
        }
        var path = Path.Combine(Root, found.Name, file);
        return File.Exists(path) ? path : null;
    }
}
