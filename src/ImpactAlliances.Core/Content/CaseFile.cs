using ImpactAlliances.Core.Schema;
namespace ImpactAlliances.Core.Content;

/// <summary>A case read from disk, with what cross-file checks need to point at lines.</summary>
/// <param name="Case">The typed case.</param>
/// <param name="Path">The file it was read from.</param>
/// <param name="TitleLine">Line of the <c>title</c> key.</param>
/// <param name="Links">Links to other cases (<c>/exemples/&lt;slug&gt;</c>) found in the body, with their lines.</param>
public sealed record CaseFile(CaseStudy Case, string Path, int TitleLine, IReadOnlyList<CaseLink> Links);

/// <summary>A link from a case body to another case.</summary>
public sealed record CaseLink(string Slug, int Line);

/// <summary>What reading a case file found, even when it has errors: the case if valid, and what the checks across files need.</summary>
/// <param name="File">The case, or null when the file has an error.</param>
/// <param name="Title">The title as written, or null when it cannot be read.</param>
/// <param name="TitleLine">Line of the <c>title</c> key.</param>
/// <param name="Links">Links to other cases found in the body, with their lines.</param>
/// <param name="Body">The Markdown below the front matter, empty when the file has none.</param>
public sealed record CaseReading(CaseFile? File, string? Title, int TitleLine, IReadOnlyList<CaseLink> Links, string Body);
