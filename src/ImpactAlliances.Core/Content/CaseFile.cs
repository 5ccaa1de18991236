namespace ImpactAlliances.Core.Content;

/// <summary>A case read from disk, with what cross-file checks need to point at lines.</summary>
/// <param name="Case">The typed case.</param>
/// <param name="Path">The file it was read from.</param>
/// <param name="TitleLine">Line of the <c>title</c> key.</param>
/// <param name="Links">Links to other cases (<c>/exemples/&lt;slug&gt;</c>) found in the body, with their lines.</param>
public sealed record CaseFile(CaseStudy Case, string Path, int TitleLine, IReadOnlyList<CaseLink> Links);

/// <summary>A link from a case body to another case.</summary>
public sealed record CaseLink(string Slug, int Line);
