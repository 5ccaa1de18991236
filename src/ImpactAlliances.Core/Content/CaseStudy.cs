namespace ImpactAlliances.Core.Content;

/// <summary>One case study: the typed front matter of <c>content/cases/&lt;slug&gt;.md</c> and its Markdown body.</summary>
public sealed record CaseStudy
{
    /// <summary>The file name without extension; the case's stable identifier and URL segment.</summary>
    public required string Slug { get; init; }
    /// <summary>French title shown in results and on the case page.</summary>
    public required string Title { get; init; }
    /// <summary>One or two sentences, at most <see cref="CaseStudyRules.MaxSummaryLength"/> characters.</summary>
    public required string Summary { get; init; }
    /// <summary>Actor profiles (taxonomy <c>actors</c>).</summary>
    public required IReadOnlyList<string> Actors { get; init; }
    /// <summary>The organisations of the alliance, each with its actor profile.</summary>
    public required IReadOnlyList<Organisation> Organisations { get; init; }
    /// <summary>Domains (taxonomy <c>domains</c>), one to four.</summary>
    public required IReadOnlyList<string> Domains { get; init; }
    /// <summary>Partnership type (taxonomy <c>partnership_types</c>).</summary>
    public required string PartnershipType { get; init; }
    /// <summary>Where the alliance acts.</summary>
    public required Territory Territory { get; init; }
    /// <summary>Year the alliance started, when a source says so.</summary>
    public int? Year { get; init; }
    /// <summary>UN Sustainable Development Goals, 1 to 17.</summary>
    public IReadOnlyList<int> Sdgs { get; init; } = [];
    /// <summary>The documents every fact of the case comes from.</summary>
    public required IReadOnlyList<Source> Sources { get; init; }
    /// <summary>Date of the last editorial change.</summary>
    public required DateOnly Updated { get; init; }
    /// <summary>The Markdown body, after the front matter.</summary>
    public required string Body { get; init; }
}

/// <summary>An organisation taking part in an alliance.</summary>
public sealed record Organisation(string Name, string Actor);

/// <summary>Where an alliance acts: its scale, its regions and an optional place name.</summary>
public sealed record Territory(string Scale, IReadOnlyList<string> Regions, string? Place);

/// <summary>A cited source; <see cref="Url"/> is null when the document has no public address.</summary>
public sealed record Source(string Title, string? Url);
