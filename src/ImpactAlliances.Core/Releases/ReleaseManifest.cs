using System.Text.Encodings.Web;
using System.Text.Json;

namespace ImpactAlliances.Core.Releases;

/// <summary>
/// What an open-data release holds (<c>manifest.json</c> in its folder): when it was made, the content
/// commit it comes from, its counts and every file with its size and SHA-256. Apart from
/// <see cref="ReleaseDate"/>, the same content commit always gives the same manifest.
/// </summary>
public sealed record ReleaseManifest
{
    /// <summary>The manifest's file name in a release folder.</summary>
    public const string FileName = "manifest.json";

    /// <summary>The checksum list <c>sha256sum -c</c> reads.</summary>
    public const string ChecksumsFileName = "SHA256SUMS";

    /// <summary>The day the release was made.</summary>
    public required DateOnly ReleaseDate { get; init; }

    /// <summary>The git commit of the content, with "+modifié" when the work tree differed; null outside git.</summary>
    public required string? ContentCommit { get; init; }

    /// <summary>Number of cases.</summary>
    public required int Cases { get; init; }

    /// <summary>Number of cases per editorial status.</summary>
    public required IReadOnlyDictionary<string, int> CasesByStatus { get; init; }

    /// <summary>The content licence (SPDX identifier).</summary>
    public string Licence { get; init; } = ContentLicence.Spdx;

    /// <summary>The licence's text.</summary>
    public string LicenceUrl { get; init; } = ContentLicence.Url;

    /// <summary>The credit a reuse must give.</summary>
    public string Attribution { get; init; } = ContentLicence.Attribution;

    /// <summary>Every file of the release but the manifest itself, in name order.</summary>
    public required IReadOnlyList<ReleaseFile> Files { get; init; }

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        WriteIndented = true,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    /// <summary>Writes the manifest into a release folder.</summary>
    public void Write(string folder) =>
        File.WriteAllText(Path.Combine(folder, FileName), JsonSerializer.Serialize(this, Json).ReplaceLineEndings("\n") + "\n");

    /// <summary>The manifest of a release folder, or null when it is missing or unreadable.</summary>
    public static ReleaseManifest? TryRead(string folder)
    {
        try
        {
            return JsonSerializer.Deserialize<ReleaseManifest>(File.ReadAllText(Path.Combine(folder, FileName)), Json);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or JsonException)
        {
            return null;
        }
    }
}

/// <summary>One file of a release.</summary>
/// <param name="Name">File name in the release folder.</param>
/// <param name="Bytes">Size.</param>
/// <param name="Sha256">SHA-256 of its bytes, lower-case hexadecimal.</param>
/// <param name="Rows">Number of cases it holds, for the data files.</param>
/// <param name="Description">What it is, in French.</param>
public sealed record ReleaseFile(string Name, long Bytes, string Sha256, int? Rows, string Description);
