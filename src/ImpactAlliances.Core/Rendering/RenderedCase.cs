namespace ImpactAlliances.Core.Rendering;

/// <summary>A case body rendered for the page (sanitized HTML) and for the index (plain text).</summary>
/// <param name="Html">Sanitized HTML, safe to write into a page as it is.</param>
/// <param name="PlainText">The text a reader sees, blocks separated by new lines.</param>
public sealed record RenderedCase(string Html, string PlainText);
