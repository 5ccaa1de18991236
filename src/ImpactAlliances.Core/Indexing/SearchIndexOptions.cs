using System.ComponentModel.DataAnnotations;
using ImpactAlliances.Core.Schema;
using Microsoft.Extensions.Options;

namespace ImpactAlliances.Core.Indexing;

/// <summary>Where content and index live, and how searches page. Bound from configuration.</summary>
public sealed class SearchIndexOptions
{
    /// <summary>Content folder (<c>Content:Path</c>), relative to the repository root when relative.</summary>
    [Required]
    public string ContentPath { get; set; } = "content";

    /// <summary>Index folder (<c>Index:Path</c>), relative to the repository root when relative.</summary>
    [Required]
    public string IndexPath { get; set; } = "index";

    /// <summary>Preview mode (<c>Content:Watch</c>): rebuild the index whenever a content file changes.</summary>
    public bool Watch { get; set; }

    /// <summary>Results per page when a request does not say (<c>Search:PageSize</c>).</summary>
    [Range(1, 100)]
    public int PageSize { get; set; } = 20;

    /// <summary>The largest page a request may ask for (<c>Search:MaxPageSize</c>).</summary>
    [Range(1, 1000)]
    public int MaxPageSize { get; set; } = 100;

    /// <summary>Search results kept in memory (<c>Search:CacheSize</c>); 0 turns this cache off, and the site's cache of whole API answers with it.</summary>
    [Range(0, 1_000_000)]
    public int CacheSize { get; set; } = 2_000;

    /// <summary>How often the site checks for a newer index (<c>Index:RefreshInterval</c>).</summary>
    [Range(typeof(TimeSpan), "00:00:00.100", "01:00:00")]
    public TimeSpan RefreshInterval { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>
    /// Where index artifacts are published (<c>Index:Source</c>): a folder or an http(s) address. When set, the
    /// site fetches its index from there instead of building one from the content.
    /// </summary>
    public string? Source { get; set; }

    /// <summary>How often the site looks for a newer artifact at <see cref="Source"/> (<c>Index:SourceInterval</c>).</summary>
    [Range(typeof(TimeSpan), "00:00:00.100", "01:00:00")]
    public TimeSpan SourceInterval { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>Deepest result a search pages to; deeper pages are empty.</summary>
    public const int MaxResultWindow = 10_000;
}

/// <summary>
/// Checks <see cref="SearchIndexOptions"/> against its attributes with code generated at compile time: the reflection of
/// <c>ValidateDataAnnotations</c> cost about 40 ms of CPU on the start of every indexer command and of the site
/// (BENCHMARKS.md, twenty-ninth session, build29).
/// </summary>
[OptionsValidator]
internal sealed partial class SearchIndexOptionsValidator : IValidateOptions<SearchIndexOptions>;
