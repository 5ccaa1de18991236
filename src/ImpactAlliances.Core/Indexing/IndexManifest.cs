using System.Text.Json;

namespace ImpactAlliances.Core.Indexing;

/// <summary>What an index version holds, written next to it.</summary>
public sealed record IndexManifest(int Format, int Cases, DateTimeOffset BuiltAt)
{
    /// <summary>Writes the manifest of a version.</summary>
    public void Write(IndexVersion version) => File.WriteAllText(version.ManifestFile, JsonSerializer.Serialize(this));

    /// <summary>Reads the manifest of a version.</summary>
    public static IndexManifest Read(IndexVersion version) =>
        JsonSerializer.Deserialize<IndexManifest>(File.ReadAllText(version.ManifestFile))
        ?? throw new InvalidDataException($"{version.ManifestFile}: empty manifest");
}
