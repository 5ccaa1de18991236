using System.Globalization;
using System.Text;
using ImpactAlliances.Core.Places;
using ImpactAlliances.Core.Schema;
using Lucene.Net.Util;

namespace ImpactAlliances.Core.Indexing;

/// <summary>
/// A case as one row of a table export (CSV). The index stores each case's row ready-made
/// (<see cref="CaseStudySchema.TableRow"/>), so that exporting every case of a large base reads short
/// strings instead of decoding each stored document.
/// </summary>
public static class CaseTable
{
    /// <summary>
    /// The columns, in order; the page address (<see cref="UrlColumn"/>) depends on the site serving it and is not stored.
    /// The organisations' profiles have a column of their own, in the order of the names, as in the open-data release: a
    /// name cell that read « Nom (association) » put a slug in a name, and could not be split when a name has its own parentheses.
    /// </summary>
    public static readonly IReadOnlyList<string> Columns =
    [
        "slug", "url", "title", "summary", "actors", "organisations", "organisation_actors", "domains", "partnership_type", "scale", "regions",
        "place", "year", "ended", "status", "reviewed", "updated", "keywords", "sources",
    ];

    /// <summary>Position of the page address among <see cref="Columns"/>.</summary>
    public const int UrlColumn = 1;

    /// <summary>The stored values of a case: every column but the address, in order.</summary>
    public static string[] ValuesOf(CaseStudy c) =>
    [
        c.Slug,
        c.Title,
        c.Summary,
        string.Join('|', c.Actors),
        string.Join(" | ", c.Organisations.Select(o => o.Name)),
        string.Join(" | ", c.Organisations.Select(o => o.Actor)),
        string.Join('|', c.Domains),
        c.PartnershipType,
        c.Territory.Scale,
        string.Join('|', c.Territory.Regions),
        c.Territory.Place ?? "",
        c.Year?.ToString(CultureInfo.InvariantCulture) ?? "",
        c.Ended?.ToString(CultureInfo.InvariantCulture) ?? "",
        c.Status,
        c.Reviewed?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "",
        c.Updated.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        string.Join(" | ", c.Keywords),
        string.Join(" | ", c.Sources.Select(s => s.Url is null ? s.Title : $"{s.Title} <{s.Url}>")),
    ];

    /// <summary>The stored values, each as its UTF-8 length then its bytes.</summary>
    internal static BytesRef Encode(CaseStudy c)
    {
        using var bytes = new MemoryStream();
        using (var writer = new BinaryWriter(bytes, Encoding.UTF8, leaveOpen: true))
        {
            foreach (var value in ValuesOf(c))
            {
                writer.Write(value);
            }
        }
        return new BytesRef(bytes.ToArray());
    }

    /// <summary>Reads back what <see cref="Encode"/> wrote.</summary>
    internal static string[] Decode(BytesRef stored)
    {
        var values = new string[Columns.Count - 1];
        using var reader = new BinaryReader(new MemoryStream(stored.Bytes, stored.Offset, stored.Length, writable: false), Encoding.UTF8);
        for (var i = 0; i < values.Length; i++)
        {
            values[i] = reader.ReadString();
        }
        return values;
    }
}
