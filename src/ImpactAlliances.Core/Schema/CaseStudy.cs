using ImpactAlliances.Core.Places;
namespace ImpactAlliances.Core.Schema;

/// <summary>One case study: the typed front matter of <c>content/cases/&lt;slug&gt;.md</c> and its Markdown body.</summary>
public sealed record CaseStudy
{
    /// <summary>The file name without extension; the case's stable identifier and URL segment.</summary>
    public required string Slug { get; init; }
    /// <summary>French title shown in results and on the case page.</summary>
    public required string Title { get; init; }
    /// <summary>One or two sentences, at most <c>CaseStudyRules.MaxSummaryLength</c> characters.</summary>
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
    /// <summary>
    /// Index terms (« mots-clés »), at most 12 phrases of 2 to 60 characters: the field's words for what the case is (its
    /// partners' kinds, its form, approach and public), above all those its text does not write, each checked true of the case.
    /// </summary>
    public IReadOnlyList<string> Keywords { get; init; } = [];
    /// <summary>The documents every fact of the case comes from.</summary>
    public required IReadOnlyList<Source> Sources { get; init; }
    /// <summary>Editorial status (taxonomy <c>statuses</c>): brouillon, publie, verifie or archive.</summary>
    public string Status { get; init; } = CaseStatus.Published;
    /// <summary>Date of the last claim-by-claim check against the sources, when there was one.</summary>
    public DateOnly? Reviewed { get; init; }
    /// <summary>Year the alliance ended, for an archived case.</summary>
    public int? Ended { get; init; }
    /// <summary>Date of the last editorial change.</summary>
    public required DateOnly Updated { get; init; }
    /// <summary>The Markdown body, after the front matter.</summary>
    public required string Body { get; init; }
}

/// <summary>An organisation taking part in an alliance.</summary>
public sealed record Organisation(string Name, string Actor);

/// <summary>Where an alliance acts: its scale, its regions and an optional place name.</summary>
public sealed record Territory(string Scale, IReadOnlyList<string> Regions, string? Place)
{
    /// <summary>
    /// The index codes of the communes, départements and regions <see cref="Place"/> resolves to, with
    /// the regions listed (see <see cref="Places.Place.IndexCodes"/>): what a place named in a query matches.
    /// </summary>
    public IReadOnlyList<string> PlaceCodes { get; init; } = [];
}

/// <summary>
/// A cited source: a public page (<see cref="Url"/>) or one of the project's seed documents
/// (<see cref="Seed"/>), with who published it, when, and when the author read it.
/// </summary>
public sealed record Source(string Title, string? Url)
{
    /// <summary>The organisation that published the page.</summary>
    public string? Publisher { get; init; }
    /// <summary>Publication date, when the page gives one.</summary>
    public DateOnly? Date { get; init; }
    /// <summary>When the author read the page.</summary>
    public DateOnly? Accessed { get; init; }
    /// <summary>The seed document's name, for a source that is one of the domain's founding documents.</summary>
    public string? Seed { get; init; }
}

/// <summary>The editorial statuses of a case (taxonomy <c>statuses</c>).</summary>
public static class CaseStatus
{
    /// <summary>A draft: shown only in preview.</summary>
    public const string Draft = "brouillon";
    /// <summary>Published, not yet checked claim by claim.</summary>
    public const string Published = "publie";
    /// <summary>Published and checked claim by claim against its sources.</summary>
    public const string Verified = "verifie";
    /// <summary>An alliance that has ended; kept, with its period.</summary>
    public const string Archived = "archive";
}
