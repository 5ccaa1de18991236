using System.Security.Cryptography;
using ImpactAlliances.Core.Releases;

namespace ImpactAlliances.Web.Tests;

/// <summary>A small open-data release as the indexer's release command lays it out, and a file beside it that no manifest lists.</summary>
public static class ReleaseFixture
{
    public const string Name = "impact-alliances-2026-11-30";
    public const string Commit = "0123456789abcdef0123456789abcdef01234567";
    public const string Csv = "slug,title\nwimoov-renault-mobilite-solidaire,\"Wimoov et Renault\"\n";
    /// <summary>A file in the release folder that its manifest does not list: never served.</summary>
    public const string Unlisted = "notes-internes.txt";

    public static void WriteTo(string releases, string content)
    {
        var folder = Directory.CreateDirectory(Path.Combine(releases, Name)).FullName;
        File.WriteAllText(Path.Combine(folder, "cases.csv"), Csv);
        File.WriteAllBytes(Path.Combine(folder, "cases.parquet"), [0x50, 0x41, 0x52, 0x31, 0, 0x50, 0x41, 0x52, 0x31]);
        File.Copy(Path.Combine(content, "LICENSE"), Path.Combine(folder, "LICENSE"));
        File.WriteAllText(Path.Combine(folder, Unlisted), "à ne pas publier");
        var files = new[] { ("LICENSE", (int?)null), ("cases.csv", 1), ("cases.parquet", 1) }
            .Select(f => Describe(folder, f.Item1, f.Item2)).ToList();
        new ReleaseManifest
        {
            ReleaseDate = new DateOnly(2026, 11, 30),
            ContentCommit = Commit,
            Cases = 1,
            CasesByStatus = new Dictionary<string, int> { ["verifie"] = 1 },
            Files = files,
        }.Write(folder);
        File.WriteAllText(Path.Combine(folder, ReleaseManifest.ChecksumsFileName),
            string.Concat(files.Append(Describe(folder, ReleaseManifest.FileName, null)).Select(f => $"{f.Sha256}  {f.Name}\n")));
        // A folder without a manifest is not a release.
        Directory.CreateDirectory(Path.Combine(releases, "brouillon-sans-manifeste"));
    }

    private static ReleaseFile Describe(string folder, string name, int? rows)
    {
        var bytes = File.ReadAllBytes(Path.Combine(folder, name));
        return new ReleaseFile(name, bytes.Length, Convert.ToHexStringLower(SHA256.HashData(bytes)), rows, $"Fichier {name}");
    }
}
