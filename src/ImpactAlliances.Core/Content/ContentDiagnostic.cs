namespace ImpactAlliances.Core.Content;

/// <summary>How serious a content problem is: errors block a build, warnings do not.</summary>
public enum DiagnosticSeverity
{
    /// <summary>The case cannot be indexed as it is.</summary>
    Error,
    /// <summary>Worth fixing, but the case is still indexed.</summary>
    Warning,
}

/// <summary>A problem found in a content file, reported as <c>path:line: message</c> (<c>path:line: avertissement : message</c> for a warning).</summary>
public sealed record ContentDiagnostic(string Path, int Line, DiagnosticSeverity Severity, string Message)
{
    /// <summary>What starts a warning's message, so that editors and CI annotations tell it from an error.</summary>
    public const string WarningMarker = "avertissement : ";

    /// <inheritdoc />
    public override string ToString() => Severity == DiagnosticSeverity.Warning
        ? $"{Path}:{Line}: {WarningMarker}{Message}"
        : $"{Path}:{Line}: {Message}";
}
