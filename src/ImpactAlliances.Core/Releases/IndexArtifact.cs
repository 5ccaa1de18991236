using System.Security.Cryptography;
using System.Text.Json;
using System.Text.RegularExpressions;
using ImpactAlliances.Core.Content;
using ImpactAlliances.Core.Indexing;
using ImpactAlliances.Core.Schema;
using ImpactAlliances.Core.Search;

namespace ImpactAlliances.Core.Releases;

/// <summary>
/// An index version packed for other machines: a folder <c>&lt;version&gt;/</c> holding the version's files as
/// they are plus <c>artifact.json</c>, which lists each file with its size and SHA-256. A publish folder
/// holds artifacts side by side and a <c>current</c> file naming the one to serve, replaced last and
/// atomically. Artifacts are immutable: a version is never rewritten under the same name.
/// </summary>
public static partial class IndexArtifact
{
    /// <summary>The file naming the artifact to serve, in a publish folder.</summary>
    public const string PointerFile = "current";
    /// <summary>The file listing an artifact's files and checksums.</summary>
    public const string ManifestFile = "artifact.json";
    /// <summary>Artifacts a publish folder keeps besides the current one, for nodes still downloading them.</summary>
    public const int KeptPrevious = 2;

    /// <summary>
    /// Packs the version <paramref name="store"/> serves into <paramref name="publishFolder"/> (created if missing) and makes it
    /// the current artifact.
    /// </summary>
    /// <exception cref="IndexUnavailableException">The store has no index; nothing is written.</exception>
    public static IndexArtifactManifest Publish(IndexStore store, string publishFolder)
    {
        ArgumentNullException.ThrowIfNull(store);
        var name = store.CurrentVersion() ?? throw new IndexUnavailableException(store.Root);
        Directory.CreateDirectory(publishFolder);
        var version = store.Version(name);
        var destination = Path.Combine(publishFolder, name);
        IndexArtifactManifest manifest;
        if (Directory.Exists(destination))
        {
            manifest = ReadManifest(File.ReadAllText(Path.Combine(destination, ManifestFile)), name);
        }
        else
        {
            // Read first: a version whose manifest is unreadable is not copied at all.
            var built = IndexManifest.Read(version);
            // Written aside and renamed, so that a node never sees half an artifact under its name.
            var partial = destination + ".partial";
            if (Directory.Exists(partial))
            {
                Directory.Delete(partial, recursive: true);
            }
            var files = new List<ArtifactFile>();
            foreach (var file in Directory.EnumerateFiles(version.Folder, "*", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
            {
                var relative = Path.GetRelativePath(version.Folder, file).Replace(Path.DirectorySeparatorChar, '/');
                var target = Path.Combine(partial, relative);
                Directory.CreateDirectory(Path.GetDirectoryName(target)!);
                File.Copy(file, target);
                using var stream = File.OpenRead(target);
                files.Add(new ArtifactFile(relative, stream.Length, Convert.ToHexStringLower(SHA256.HashData(stream))));
            }
            manifest = new IndexArtifactManifest(built.Format, name, built.BuiltAt, files);
            File.WriteAllText(Path.Combine(partial, ManifestFile), JsonSerializer.Serialize(manifest, JsonOptions));
            Directory.Move(partial, destination);
        }
        var pointer = Path.Combine(publishFolder, PointerFile);
        File.WriteAllText(pointer + ".tmp", name);
        File.Move(pointer + ".tmp", pointer, overwrite: true);
        Prune(publishFolder, name);
        return manifest;
    }

    /// <summary>
    /// Downloads the current artifact of <paramref name="source"/> into <paramref name="store"/> unless it is
    /// the version served, checks every file's size and SHA-256 and that the index opens, then switches to it.
    /// </summary>
    /// <returns>The version switched to, or null when the store already serves the current artifact.</returns>
    /// <exception cref="InvalidDataException">The artifact is corrupt or not for this index format; the store is unchanged.</exception>
    /// <exception cref="IOException">The source or the store could not be read or written; try again later.</exception>
    /// <exception cref="HttpRequestException">An HTTP source did not answer; try again later.</exception>
    public static async Task<string?> FetchAsync(IndexArtifactSource source, IndexStore store, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(store);
        var name = (await source.ReadTextAsync(PointerFile, cancellationToken)).Trim();
        if (!VersionName().IsMatch(name))
        {
            throw new InvalidDataException($"{source.Location}/{PointerFile}: '{Shorten(name)}' is not a version name");
        }
        if (store.CurrentVersion() == name)
        {
            return null;
        }
        var manifest = ReadManifest(await source.ReadTextAsync($"{name}/{ManifestFile}", cancellationToken), name);
        if (manifest.Format != CaseStudySchema.FormatVersion)
        {
            throw new InvalidDataException($"artifact {name} holds an index of format {manifest.Format}; this site reads format {CaseStudySchema.FormatVersion}");
        }
        using var target = store.BeginImport(name);
        foreach (var file in manifest.Files)
        {
            var destination = Path.GetFullPath(Path.Combine(target.Folder, file.Path));
            if (!SafeRelativePath().IsMatch(file.Path) || !destination.StartsWith(target.Folder + Path.DirectorySeparatorChar, StringComparison.Ordinal))
            {
                throw new InvalidDataException($"artifact {name}: file path '{Shorten(file.Path)}' leaves the artifact");
            }
            Directory.CreateDirectory(Path.GetDirectoryName(destination)!);
            await DownloadAsync(source, $"{name}/{file.Path}", destination, file, cancellationToken);
        }
        // Checksums prove the bytes are the published ones; opening proves they are an index.
        try
        {
            IndexSnapshot.Open(target.Version).Release();
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            throw new InvalidDataException($"artifact {name} does not open as an index: {ex.Message}", ex);
        }
        target.Publish();
        return name;
    }

    private static async Task DownloadAsync(IndexArtifactSource source, string path, string destination, ArtifactFile expected, CancellationToken cancellationToken)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        long length = 0;
        await using (var input = await source.OpenAsync(path, cancellationToken))
        await using (var output = File.Create(destination))
        {
            var buffer = new byte[81920];
            int read;
            while ((read = await input.ReadAsync(buffer, cancellationToken)) > 0)
            {
                length += read;
                if (length > expected.Size)
                {
                    throw new InvalidDataException($"{path}: larger than the {expected.Size} bytes the artifact lists");
                }
                hash.AppendData(buffer, 0, read);
                await output.WriteAsync(buffer.AsMemory(0, read), cancellationToken);
            }
        }
        var actual = Convert.ToHexStringLower(hash.GetHashAndReset());
        if (length != expected.Size || actual != expected.Sha256)
        {
            throw new InvalidDataException($"{path}: {length} bytes with SHA-256 {actual}; the artifact lists {expected.Size} bytes with SHA-256 {expected.Sha256}");
        }
    }

    private static IndexArtifactManifest ReadManifest(string json, string name)
    {
        IndexArtifactManifest? manifest;
        try
        {
            manifest = JsonSerializer.Deserialize<IndexArtifactManifest>(json, JsonOptions);
        }
        catch (JsonException ex)
        {
            throw new InvalidDataException($"artifact {name}: unreadable {ManifestFile}: {ex.Message}", ex);
        }
        if (manifest is null || manifest.Version != name || manifest.Files is not { Count: > 0 } || manifest.Files.Any(f => f is null || f.Path is null || f.Sha256 is null))
        {
            throw new InvalidDataException($"artifact {name}: {ManifestFile} does not describe version {name}");
        }
        return manifest;
    }

    private static void Prune(string publishFolder, string current)
    {
        var older = Directory.EnumerateDirectories(publishFolder).Select(Path.GetFileName).OfType<string>()
            .Where(n => n != current && VersionName().IsMatch(n) && File.Exists(Path.Combine(publishFolder, n, ManifestFile)))
            .Order(StringComparer.Ordinal).ToList();
        foreach (var name in older.Take(Math.Max(0, older.Count - KeptPrevious)))
        {
            IndexStore.TryDelete(Path.Combine(publishFolder, name));
        }
    }

    private static string Shorten(string text) => text.Length > 80 ? text[..80] + "…" : text;

    private static readonly JsonSerializerOptions JsonOptions = new(JsonSerializerDefaults.Web) { WriteIndented = true };

    // Version folder names as IndexStore makes them; nothing that could be a path.
    [GeneratedRegex(@"^[0-9A-Za-z][0-9A-Za-z_-]{0,99}$")]
    private static partial Regex VersionName();

    [GeneratedRegex(@"^(?:[0-9A-Za-z_][0-9A-Za-z._-]*/)*[0-9A-Za-z_][0-9A-Za-z._-]*$")]
    private static partial Regex SafeRelativePath();
}

/// <summary>What an artifact holds: the index format, the version, when it was built, and each file's checksum.</summary>
public sealed record IndexArtifactManifest(int Format, string Version, DateTimeOffset BuiltAt, IReadOnlyList<ArtifactFile> Files);

/// <summary>One file of an artifact: its path inside the version folder, size in bytes and SHA-256 in lowercase hex.</summary>
public sealed record ArtifactFile(string Path, long Size, string Sha256);

/// <summary>Where artifacts are published: a folder (a shared volume) or an http(s) address (any static file server).</summary>
public abstract class IndexArtifactSource
{
    /// <summary>The folder or address, for messages.</summary>
    public abstract string Location { get; }

    /// <summary>Opens a file of the publish folder, by its path relative to it.</summary>
    public abstract Task<Stream> OpenAsync(string path, CancellationToken cancellationToken);

    /// <summary>Reads a small text file of the publish folder.</summary>
    public async Task<string> ReadTextAsync(string path, CancellationToken cancellationToken)
    {
        await using var stream = await OpenAsync(path, cancellationToken);
        using var reader = new StreamReader(stream);
        return await reader.ReadToEndAsync(cancellationToken);
    }

    /// <summary>The source at <paramref name="location"/>: an http(s) address read with <paramref name="http"/>, else a folder.</summary>
    public static IndexArtifactSource Create(string location, HttpClient http) =>
        Uri.TryCreate(location, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https"
            ? new HttpSource(uri, http)
            : new FolderSource(RepositoryPaths.Resolve(location));

    private sealed class FolderSource(string folder) : IndexArtifactSource
    {
        public override string Location => folder;

        public override Task<Stream> OpenAsync(string path, CancellationToken cancellationToken) =>
            Task.FromResult<Stream>(File.OpenRead(Path.Combine(folder, path)));
    }

    private sealed class HttpSource(Uri root, HttpClient http) : IndexArtifactSource
    {
        private readonly Uri _root = root.AbsoluteUri.EndsWith('/') ? root : new Uri(root.AbsoluteUri + "/");

        public override string Location => _root.AbsoluteUri.TrimEnd('/');

        public override async Task<Stream> OpenAsync(string path, CancellationToken cancellationToken)
        {
            var response = await http.GetAsync(new Uri(_root, path), HttpCompletionOption.ResponseHeadersRead, cancellationToken);
            response.EnsureSuccessStatusCode();
            return await response.Content.ReadAsStreamAsync(cancellationToken);
        }
    }
}
