using System.Globalization;
using ImpactAlliances.Core.Schema;
using ImpactAlliances.Core.Search;

namespace ImpactAlliances.Web.Search;

/// <summary>One bar of a chart, and one row of the table beside it.</summary>
/// <param name="Key">The value as the CSV writes it (a slug, a year).</param>
/// <param name="Label">What the reader sees.</param>
/// <param name="Count">Cases.</param>
/// <param name="Url">The search with this value's filter added to the current ones; null when it would find nothing or cannot be filtered on.</param>
public sealed record Bar(string Key, string Label, int Count, string? Url);

/// <summary>A chart of counts over the current results, with its table.</summary>
/// <param name="Key">The facet key (or <c>years</c>): the CSV's table name and the section's id.</param>
/// <param name="Title">Heading, and the table's caption.</param>
/// <param name="ValueHeader">The header of the values' column.</param>
public sealed record BarChart(string Key, string Title, string ValueHeader, IReadOnlyList<Bar> Bars)
{
    /// <summary>The bars drawn and listed: the values with at least one case (the others are named below the table).</summary>
    public IReadOnlyList<Bar> Shown => Bars.Where(b => b.Count > 0).ToList();

    /// <summary>The drawing's height in a layout, in SVG units.</summary>
    public int Height(ChartLayout layout) => Shown.Count * layout.RowHeight + 2;

    /// <summary>The length of a bar in a layout, in SVG units; at least 1 so that a small count still shows.</summary>
    public double Length(Bar bar, ChartLayout layout)
    {
        var max = Bars.Max(b => b.Count);
        return bar.Count == 0 ? 0 : Math.Max(1, Math.Round((double)bar.Count * layout.BarArea / max, 1));
    }

    /// <summary>A coordinate as SVG writes it, whatever the culture.</summary>
    public static string Number(double value) => value.ToString("0.#", CultureInfo.InvariantCulture);

}

/// <summary>
/// The geometry of a bar chart, in SVG units. A wide screen has the labels left of the bars; a phone has
/// each label above its bar, so that the drawing keeps a readable text size at 390 px.
/// </summary>
public sealed record ChartLayout(string Name, int Width, int RowHeight, int LabelWidth, int BarArea)
{
    /// <summary>Labels left of the bars.</summary>
    public static readonly ChartLayout Wide = new("wide", 490, 22, 220, 220); // room for « Développement économique »
    /// <summary>Each label above its bar.</summary>
    public static readonly ChartLayout Narrow = new("narrow", 360, 36, 0, 300);

    /// <summary>Whether each label stands above its bar.</summary>
    public bool LabelAbove => LabelWidth == 0;

    /// <summary>Where a row's label is written: x, y and anchor.</summary>
    public (int X, int Y, string Anchor) Label(int row) => LabelAbove ? (0, row * RowHeight + 14, "start") : (LabelWidth - 6, row * RowHeight + 16, "end");

    /// <summary>Where a row's bar starts: x and y (its height is 12).</summary>
    public (int X, int Y) Bar(int row) => LabelAbove ? (0, row * RowHeight + 19) : (LabelWidth, row * RowHeight + 5);

    /// <summary>The baseline of a row's count, after its bar.</summary>
    public int CountY(int row) => Bar(row).Y + 11;
}

/// <summary>
/// The statistics of the current results as the page and the CSV show them: which counts, in which order,
/// under which French labels, each linking to the search with its filter added.
/// </summary>
public static class StatisticsView
{
    /// <summary>The facets charted, in page order, with their heading and value header.</summary>
    private static readonly (string Key, string Title, string Header, bool ByCount)[] Charted =
    [
        (CaseStudySchema.Regions.Key, "Par région", "Région", true),
        (CaseStudySchema.Domains.Key, "Par domaine", "Domaine", true),
        (CaseStudySchema.PartnershipTypes.Key, "Par type de partenariat", "Type de partenariat", false),
        (CaseStudySchema.Actors.Key, "Par profil d'acteur", "Profil d'acteur", true),
        (CaseStudySchema.Scales.Key, "Par échelle", "Échelle", false),
    ];

    /// <summary>The key of the start-year chart.</summary>
    public const string Years = "years";

    /// <summary>Every chart: the facets, then the start years (with the cases of unknown year last, without a link).</summary>
    public static IReadOnlyList<BarChart> Charts(ResultStatistics statistics, SearchState state)
    {
        var search = state with { Path = "/" };
        var charts = Charted.Select(c =>
        {
            var values = statistics.Facet(c.Key).Values.AsEnumerable();
            values = c.ByCount ? values.OrderByDescending(v => v.Count) : values;
            return new BarChart(c.Key, c.Title, c.Header, values
                .Select(v => new Bar(v.Value, v.Label, v.Count, v.Count == 0 ? null : search.Narrowed(c.Key, v.Value).ToUrl()))
                .ToList());
        }).ToList();
        var years = statistics.Years
            .Select(y => new Bar(Year(y.Year), Year(y.Year), y.Count, search.WithYear(y.Year).ToUrl()))
            .ToList();
        if (statistics.WithoutYear > 0)
        {
            years.Add(new Bar("", "Année inconnue", statistics.WithoutYear, null));
        }
        charts.Insert(4, new BarChart(Years, "Par année de début", "Année de début", years));
        return charts;
    }

    /// <summary>The label of a cross table's row: its values' labels, or what the row counts.</summary>
    public static string RowLabel(CrossRow row) => row.Kind switch
    {
        CrossRowKind.OneProfile => "Un seul profil d'acteur",
        CrossRowKind.ThreeOrMore => "Trois profils ou plus",
        _ => string.Join(" – ", row.Values.Select(v => v.Label)),
    };

    /// <summary>The key of a cross table's row in the CSV: its slugs joined by <c>+</c>, or what the row counts.</summary>
    public static string RowKey(CrossRow row) => row.Kind switch
    {
        CrossRowKind.OneProfile => "one-profile",
        CrossRowKind.ThreeOrMore => "three-or-more",
        _ => string.Join('+', row.Values.Select(v => v.Value)),
    };

    /// <summary>The search for a cell: the row's values and the column's value added to the current filters; null for a row that cannot be filtered on.</summary>
    public static string? CellUrl(CrossTable table, CrossRow row, FacetLabel column, SearchState state) =>
        row.Kind != CrossRowKind.Values
            ? null
            : (state with { Path = "/" }).Narrowed(table.RowFacet, row.Values.Select(v => v.Value).ToList()).Narrowed(table.ColumnFacet, column.Value).ToUrl();

    /// <summary>The columns of a table that have at least one case: an empty column only widens the table on a phone.</summary>
    public static IReadOnlyList<int> ShownColumns(CrossTable table) =>
        Enumerable.Range(0, table.Columns.Count).Where(c => table.Rows.Any(r => r.Counts[c] > 0)).ToList();

    /// <summary>A cell's shade, 0 (none) to 4 (the table's largest), for a colour that reads like a heat map.</summary>
    public static int Level(CrossTable table, int count)
    {
        var max = table.Rows.Max(r => r.Counts.Max());
        return count == 0 || max == 0 ? 0 : (int)Math.Ceiling(4.0 * count / max);
    }

    /// <summary>The statistics page of a state.</summary>
    public static string PageUrl(SearchState state) => (state with { Path = "/statistiques", Page = 1 }).ToUrl();

    /// <summary>The CSV of a state's statistics.</summary>
    public static string CsvUrl(SearchState state, bool semicolon = false)
    {
        var url = (state with { Path = "/api/statistics", Page = 1, Size = null, Sort = null }).ToUrl();
        return semicolon ? $"{url}{(url.Contains('?', StringComparison.Ordinal) ? '&' : '?')}separator=semicolon" : url;
    }

    private static string Year(int year) => year.ToString(CultureInfo.InvariantCulture);
}
