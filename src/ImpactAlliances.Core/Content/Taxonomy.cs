namespace ImpactAlliances.Core.Content;

/// <summary>A value of a controlled vocabulary.</summary>
/// <param name="Slug">What case files and URLs use.</param>
/// <param name="Label">French label shown to readers.</param>
/// <param name="Description">Optional French definition.</param>
/// <param name="Parent">Optional family slug (domains are grouped in four families).</param>
public sealed record TaxonomyValue(string Slug, string Label, string? Description, string? Parent)
{
    /// <summary>Other words people use for this value ("mairie" for a local authority): a query naming one matches the value.</summary>
    public IReadOnlyList<string> Terms { get; init; } = [];
}

/// <summary>A controlled vocabulary: a facet key, its French label and its values in display order.</summary>
public sealed class TaxonomyFacet
{
    private readonly Dictionary<string, int> _indexBySlug;

    /// <summary>Creates a facet from its values, in display order.</summary>
    public TaxonomyFacet(string key, string label, string? description, IReadOnlyList<TaxonomyValue> values, IReadOnlyList<TaxonomyValue> families)
    {
        Key = key;
        Label = label;
        Description = description;
        Values = values;
        Families = families;
        _indexBySlug = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < values.Count; i++)
        {
            _indexBySlug.TryAdd(values[i].Slug, i);
        }
    }

    /// <summary>The facet key, as in the front matter and the API (<c>actors</c>, <c>domains</c>...).</summary>
    public string Key { get; }
    /// <summary>French label of the facet.</summary>
    public string Label { get; }
    /// <summary>Optional French description of the facet.</summary>
    public string? Description { get; }
    /// <summary>The values, in display order.</summary>
    public IReadOnlyList<TaxonomyValue> Values { get; }
    /// <summary>Groups of values (only domains have them).</summary>
    public IReadOnlyList<TaxonomyValue> Families { get; }
    /// <summary>
    /// The value the site counts and filters cases without any value under (regions: « National / sans région »),
    /// which case files never write; empty for the other facets.
    /// </summary>
    public IReadOnlyList<TaxonomyValue> Otherwise { get; init; } = [];

    /// <summary>Position of a value in <see cref="Values"/>, or -1 when the slug is unknown.</summary>
    public int IndexOf(string slug) => _indexBySlug.TryGetValue(slug, out var index) ? index : -1;

    /// <summary>Whether the slug is a value of this facet.</summary>
    public bool Contains(string slug) => _indexBySlug.ContainsKey(slug);

    /// <summary>A facet of <see cref="Taxonomy.Unchecked"/>: it has no values, and case files are not checked against it.</summary>
    public bool Unchecked { get; private init; }

    internal static TaxonomyFacet AcceptingAny(string key) => new(key, key, null, [], []) { Unchecked = true };

    /// <summary>The value with this slug, or null.</summary>
    public TaxonomyValue? Find(string slug) => IndexOf(slug) is var i and >= 0 ? Values[i] : null;
}

/// <summary>All controlled vocabularies of <c>content/taxonomy.yml</c>.</summary>
public sealed class Taxonomy
{
    private readonly Dictionary<string, TaxonomyFacet> _facets;

    /// <summary>Creates a taxonomy from its facets.</summary>
    public Taxonomy(IEnumerable<TaxonomyFacet> facets)
    {
        _facets = facets.ToDictionary(f => f.Key, StringComparer.Ordinal);
    }

    /// <summary>Every facet, by key.</summary>
    public IReadOnlyCollection<TaxonomyFacet> Facets => _facets.Values;

    /// <summary>The facet with this key; throws when the taxonomy lacks it.</summary>
    public TaxonomyFacet this[string key] => _facets.TryGetValue(key, out var facet)
        ? facet
        : throw new KeyNotFoundException($"The taxonomy has no facet '{key}'.");

    /// <summary>The facet with this key, or null.</summary>
    public TaxonomyFacet? Find(string key) => _facets.GetValueOrDefault(key);

    /// <summary>
    /// A taxonomy that accepts any value of the required facets: with it, the cases are still checked for
    /// everything else while <c>taxonomy.yml</c> itself has errors, so that an editor sees every problem in one run.
    /// </summary>
    public static Taxonomy Unchecked { get; } = new(TaxonomyReader.RequiredFacets.Select(TaxonomyFacet.AcceptingAny));
}
