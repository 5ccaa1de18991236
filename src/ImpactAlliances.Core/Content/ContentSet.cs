namespace ImpactAlliances.Core.Content;

/// <summary>What a content folder holds: its taxonomy, the cases that passed validation, and every problem found.</summary>
public sealed record ContentSet(Taxonomy? Taxonomy, IReadOnlyList<CaseFile> Cases, IReadOnlyList<ContentDiagnostic> Diagnostics)
{
    /// <summary>The problems that block a build.</summary>
    public IEnumerable<ContentDiagnostic> Errors => Diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error);

    /// <summary>Whether the content can be built as a whole.</summary>
    public bool IsValid => Taxonomy is not null && !Errors.Any();
}

/// <summary>What a scan of a content folder found: its taxonomy, every problem, and the files rejected by the checks across files.</summary>
public sealed record ContentScan(Taxonomy? Taxonomy, IReadOnlyList<ContentDiagnostic> Diagnostics, IReadOnlySet<string> Rejected)
{
    /// <summary>Whether the content can be built as a whole.</summary>
    public bool IsValid => Taxonomy is not null && Diagnostics.All(d => d.Severity != DiagnosticSeverity.Error);
}
