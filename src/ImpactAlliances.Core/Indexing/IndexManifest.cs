using System.Text.Json;

namespace ImpactAlliances.Core.Indexing;

/// <summary>What an index version holds, written next to it.</summary>
public sealed record IndexManifest(int Format, int Cases, DateTimeOffset BuiltAt)
{
    /// <summary>The git commit of the content the version was built from, when the content is a checkout.</summary>
    public string? ContentCommit { get; init; }

    /// <summary>Writes the manifest of a version.</summary>
    public void Write(IndexVersion version) => File.WriteAllText(version.ManifestFile, JsonSerializer.Serialize(this));

    /// <summary>The manifest of a version, or null when it is missing or unreadable.</summary>
    public static IndexManifest? TryRead(IndexVersion version)
    {
        try
        {
            return Read(version);
        }
        catch (Exception ex) when (ex is IOException or InvalidDataException)
        {
            return null;
        }
    }

    /// <summary>Reads the manifest of a version.</summary>
    /// <exception cref="InvalidDataException">The manifest is not what a build writes; the message says where.</exception>
    public static IndexManifest Read(IndexVersion version)
    {
        try
        {
            return JsonSerializer.Deserialize<IndexManifest>(File.ReadAllText(version.ManifestFile))
                ?? throw new InvalidDataException($"{version.ManifestFile}: empty manifest");
        }
        catch (JsonException ex)
        {
            throw new InvalidDataException($"{version.ManifestFile}:{(ex.LineNumber ?? 0) + 1}: unreadable manifest", ex);
        }
    }
}
