namespace ImpactAlliances.Core.Indexing;

/// <summary>
/// The index folder: each build is a version folder, and the <c>current</c> pointer file names the one
/// being served. A new version is switched in by renaming the pointer, which is atomic, so a reader
/// sees the old index or the new one, never half of one.
/// </summary>
public sealed class IndexStore(string root)
{
    private const string PointerFile = "current";
    private const string LockFile = ".build.lock";
    private const string BuildingSuffix = ".building";

    /// <summary>The folder holding the versions.</summary>
    public string Root { get; } = Path.GetFullPath(root);

    /// <summary>The name of the version being served, or null when there is none.</summary>
    public string? CurrentVersion()
    {
        var pointer = Path.Combine(Root, PointerFile);
        try
        {
            var name = File.Exists(pointer) ? File.ReadAllText(pointer).Trim() : "";
            return name.Length > 0 && Directory.Exists(Path.Combine(Root, name)) ? name : null;
        }
        catch (IOException)
        {
            return null;
        }
    }

    /// <summary>The folder of a version.</summary>
    public IndexVersion Version(string name) => new(name, Path.Combine(Root, name));

    /// <summary>Starts a build in a fresh folder; only one build runs at a time.</summary>
    /// <exception cref="IOException">Another build holds the lock.</exception>
    public IndexBuildTarget BeginBuild() => Begin($"{DateTime.UtcNow:yyyyMMdd'T'HHmmssfff}-{Guid.NewGuid():N}"[..27]);

    /// <summary>Starts writing a version built elsewhere (an artifact), under its own name.</summary>
    /// <exception cref="IOException">Another build holds the lock.</exception>
    public IndexBuildTarget BeginImport(string name) => Begin(name);

    private IndexBuildTarget Begin(string name)
    {
        // A version's own folder given for the store (its parent meant): a build there would nest a store in a version.
        if (new IndexVersion("", Root) is var asVersion && Directory.Exists(asVersion.LuceneFolder) && File.Exists(asVersion.ManifestFile))
        {
            throw new IOException($"'{Root}' is an index version's folder, not an index folder: give its parent, '{Path.GetDirectoryName(Root)}'.");
        }
        Directory.CreateDirectory(Root);
        var lockStream = new FileStream(Path.Combine(Root, LockFile), FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None, 1, FileOptions.DeleteOnClose);
        var folder = Path.Combine(Root, name + BuildingSuffix);
        if (Directory.Exists(folder))
        {
            Directory.Delete(folder, recursive: true);
        }
        Directory.CreateDirectory(folder);
        return new IndexBuildTarget(this, name, folder, lockStream);
    }

    /// <summary>Makes a finished build the served version, then removes versions older than the previous one.</summary>
    internal void Publish(IndexBuildTarget target)
    {
        var previous = CurrentVersion();
        var destination = Path.Combine(Root, target.Name);
        if (Directory.Exists(destination))
        {
            // An imported version coming back (a rollback): the copy already here was checked when it came.
            TryDelete(target.Folder);
        }
        else
        {
            Directory.Move(target.Folder, destination);
        }
        var temporary = Path.Combine(Root, PointerFile + ".tmp");
        File.WriteAllText(temporary, target.Name);
        File.Move(temporary, Path.Combine(Root, PointerFile), overwrite: true);
        // The previous version stays for a site still reading it; older ones go. Only versions (a folder with its manifest):
        // a store pointed at a folder that holds other things (a version's own folder, whose « lucene » went) keeps them.
        foreach (var folder in Directory.EnumerateDirectories(Root))
        {
            var name = Path.GetFileName(folder);
            if (name != target.Name && name != previous && !name.EndsWith(BuildingSuffix, StringComparison.Ordinal)
                && File.Exists(Version(name).ManifestFile))
            {
                TryDelete(folder);
            }
        }
    }

    internal static void TryDelete(string folder)
    {
        try
        {
            Directory.Delete(folder, recursive: true);
        }
        catch (IOException)
        {
            // Still open elsewhere (Windows); the next build removes it.
        }
        catch (UnauthorizedAccessException)
        {
        }
    }
}

/// <summary>A built index version: its name and folder.</summary>
public sealed record IndexVersion(string Name, string Folder)
{
    /// <summary>The Lucene directory of the version.</summary>
    public string LuceneFolder => Path.Combine(Folder, "lucene");
    /// <summary>The taxonomy the version was built with; the site reads labels from it.</summary>
    public string TaxonomyFile => Path.Combine(Folder, "taxonomy.yml");
    /// <summary>What was built, when, from what.</summary>
    public string ManifestFile => Path.Combine(Folder, "manifest.json");
}

/// <summary>A build in progress; disposing it without <see cref="Publish"/> discards it.</summary>
public sealed class IndexBuildTarget : IDisposable
{
    private readonly IndexStore _store;
    private readonly FileStream _lock;
    private bool _published;

    internal IndexBuildTarget(IndexStore store, string name, string folder, FileStream lockStream)
    {
        (_store, Name, Folder, _lock) = (store, name, folder, lockStream);
    }

    /// <summary>The store it is built in.</summary>
    public IndexStore Store => _store;

    /// <summary>The version name it will be published as.</summary>
    public string Name { get; }
    /// <summary>Where it is being written.</summary>
    public string Folder { get; }
    /// <summary>The version as it is being written.</summary>
    public IndexVersion Version => new(Name, Folder);

    /// <summary>Switches the served index to this build.</summary>
    public void Publish()
    {
        _store.Publish(this);
        _published = true;
    }

    /// <inheritdoc />
    public void Dispose()
    {
        if (!_published)
        {
            IndexStore.TryDelete(Folder);
        }
        _lock.Dispose();
    }
}
