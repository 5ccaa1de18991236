using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using CsvHelper;
using CsvHelper.Configuration;
using ImpactAlliances.Core.Indexing;
using ImpactAlliances.Core.Releases;
using ImpactAlliances.Core.Schema;
using ImpactAlliances.Core.Search;
using Lucene.Net.Index;
using Parquet.Serialization;

namespace ImpactAlliances.Indexer;

/// <summary>
/// Writes an open-data release of an index version: every case as JSON Lines, CSV and Parquet, the
/// taxonomy, the content licence, a schema and a manifest with checksums. The files depend only on the
/// cases, the taxonomy and the content commit, so one commit always gives the same bytes; only the
/// manifest's date (and the checksum of the manifest) changes from one day to the next.
/// </summary>
internal static class ReleaseWriter
{
    public const string JsonLinesFile = "cases.jsonl", CsvFile = "cases.csv", ParquetFile = "cases.parquet",
        TaxonomyFile = "taxonomy.yml", SchemaFile = "schema.md", LicenceFile = "LICENSE";

    private static readonly JsonSerializerOptions JsonLines = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>The release folder's name for a date.</summary>
    public static string FolderName(DateOnly date) => $"impact-alliances-{ReleaseRecord.Date(date)}";

    /// <summary>Writes the release of <paramref name="snapshot"/> into <paramref name="folder"/>, which must be empty.</summary>
    public static async Task<ReleaseManifest> WriteAsync(IndexSnapshot snapshot, string licenceFile, string folder, DateOnly date)
    {
        var cases = ReadCases(snapshot);
        var records = cases.Select(ReleaseRecord.Of).ToList();
        await WriteJsonLinesAsync(Path.Combine(folder, JsonLinesFile), records);
        await WriteCsvAsync(Path.Combine(folder, CsvFile), records);
        await using (var parquet = File.Create(Path.Combine(folder, ParquetFile)))
        {
            await ParquetSerializer.SerializeAsync(records, parquet);
        }
        File.Copy(snapshot.Version.TaxonomyFile, Path.Combine(folder, TaxonomyFile));
        File.Copy(licenceFile, Path.Combine(folder, LicenceFile));
        var commit = snapshot.Manifest.ContentCommit;
        await File.WriteAllTextAsync(Path.Combine(folder, SchemaFile), Schema(records.Count, commit));

        var descriptions = new Dictionary<string, (string Text, int? Rows)>
        {
            [JsonLinesFile] = ("Les cas, un objet JSON par ligne (JSON Lines, UTF-8)", records.Count),
            [CsvFile] = ("Les cas en CSV (UTF-8 avec BOM, virgule, listes séparées par « | »)", records.Count),
            [ParquetFile] = ("Les cas en Apache Parquet, colonnes typées, listes en champs répétés", records.Count),
            [TaxonomyFile] = ("La taxonomie : valeurs, libellés et définitions de chaque facette", null),
            [SchemaFile] = ("Description de chaque colonne, licence et citation", null),
            [LicenceFile] = ("Licence du contenu : CC BY 4.0", null),
        };
        var files = descriptions.OrderBy(d => d.Key, StringComparer.Ordinal)
            .Select(d => Describe(folder, d.Key, d.Value.Text, d.Value.Rows)).ToList();
        var manifest = new ReleaseManifest
        {
            ReleaseDate = date,
            ContentCommit = commit,
            Cases = records.Count,
            CasesByStatus = new SortedDictionary<string, int>(records.GroupBy(r => r.Status).ToDictionary(g => g.Key, g => g.Count()), StringComparer.Ordinal),
            Files = files,
        };
        manifest.Write(folder);
        // Every file, the manifest included, as `sha256sum -c SHA256SUMS` reads them.
        var sums = files.Append(Describe(folder, ReleaseManifest.FileName, "", null))
            .Select(f => $"{f.Sha256}  {f.Name}\n");
        await File.WriteAllTextAsync(Path.Combine(folder, ReleaseManifest.ChecksumsFileName), string.Concat(sums));
        return manifest;
    }

    /// <summary>Every case of the index, in slug order.</summary>
    private static List<CaseStudy> ReadCases(IndexSnapshot snapshot)
    {
        var reader = snapshot.Reader;
        var live = MultiFields.GetLiveDocs(reader);
        var cases = new List<CaseStudy>(reader.NumDocs);
        for (var doc = 0; doc < reader.MaxDoc; doc++)
        {
            if (live is null || live.Get(doc))
            {
                cases.Add(CaseStudyDocumentMapper.ToIndexedCase(reader.Document(doc)).Case);
            }
        }
        cases.Sort((a, b) => string.CompareOrdinal(a.Slug, b.Slug));
        return cases;
    }

    private static async Task WriteJsonLinesAsync(string path, List<ReleaseRecord> records)
    {
        await using var text = new StreamWriter(path, append: false, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false)) { NewLine = "\n" };
        foreach (var record in records)
        {
            await text.WriteLineAsync(JsonSerializer.Serialize(record, JsonLines));
        }
    }

    private static async Task WriteCsvAsync(string path, List<ReleaseRecord> records)
    {
        // As the site's export: a BOM so that spreadsheets read UTF-8, RFC 4180 quoting.
        await using var text = new StreamWriter(path, append: false, new UTF8Encoding(encoderShouldEmitUTF8Identifier: true));
        await using var csv = new CsvWriter(text, new CsvConfiguration(CultureInfo.InvariantCulture));
        foreach (var column in ReleaseRecord.Columns)
        {
            csv.WriteField(column.Name);
        }
        await csv.NextRecordAsync();
        foreach (var record in records)
        {
            foreach (var column in ReleaseRecord.Columns)
            {
                csv.WriteField(column.CsvValue(record));
            }
            await csv.NextRecordAsync();
        }
    }

    private static ReleaseFile Describe(string folder, string name, string description, int? rows)
    {
        var path = Path.Combine(folder, name);
        using var stream = File.OpenRead(path);
        return new ReleaseFile(name, stream.Length, Convert.ToHexStringLower(SHA256.HashData(stream)), rows, description);
    }

    /// <summary>The release's schema.md: files, columns, formats, licence and citation.</summary>
    private static string Schema(int cases, string? commit)
    {
        var text = new StringBuilder();
        text.Append(CultureInfo.InvariantCulture, $"""
            # Impact Alliances : données ouvertes

            Exemples d'alliances entre associations, entreprises, collectivités et autres acteurs de l'intérêt
            général en France, chacun appuyé sur des sources citées. Cette version contient {cases} cas, lus au
            commit du contenu `{commit ?? "inconnu"}` ; `manifest.json` donne sa date, ses comptes et la somme
            SHA-256 de chaque fichier.

            ## Licence et citation

            Contenu sous licence Creative Commons Attribution 4.0 International (CC BY 4.0, fichier `LICENSE`) :
            vous pouvez le copier, le modifier et le réutiliser, y compris commercialement, en créditant la source.
            Citer : « {ContentLicence.Attribution} », avec la date de cette version et son commit. Les sources
            citées par chaque cas restent la propriété de leurs éditeurs.

            ## Fichiers

            | fichier | contenu |
            | --- | --- |
            | `{JsonLinesFile}` | un cas par ligne, objet JSON dont les clés sont les colonnes ci-dessous ; listes en tableaux, valeur absente en `null` |
            | `{CsvFile}` | une ligne d'en-tête puis un cas par ligne ; UTF-8 avec BOM, séparateur virgule, guillemets selon la RFC 4180 ; listes jointes par `{ReleaseRecord.CsvListSeparator}` ; valeur absente : champ vide |
            | `{ParquetFile}` | Apache Parquet, une colonne typée par colonne ci-dessous ; listes en champs répétés (LIST) ; valeur absente : null |
            | `{TaxonomyFile}` | les valeurs possibles de chaque facette, avec libellés et définitions |
            | `{LicenceFile}` | le texte de la licence |
            | `{ReleaseManifest.FileName}` | date, commit, comptes, taille et SHA-256 de chaque fichier |
            | `{ReleaseManifest.ChecksumsFileName}` | sommes SHA-256 : `sha256sum -c {ReleaseManifest.ChecksumsFileName}` vérifie la copie |

            Les cas sont triés par `slug`. Les listes parallèles (`organisations` et `organisation_actors` ;
            `source_titles`, `source_urls`, `source_publishers`, `source_dates`, `source_accessed`) ont la même
            longueur et se lisent élément par élément.

            ## Colonnes

            | colonne | type | description |
            | --- | --- | --- |

            """);
        foreach (var column in ReleaseRecord.Columns)
        {
            text.Append(CultureInfo.InvariantCulture, $"| `{column.Name}` | {column.Type} | {column.Description} |\n");
        }
        return text.ToString().ReplaceLineEndings("\n");
    }
}
