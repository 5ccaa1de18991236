namespace ImpactAlliances.Core.Content;

/// <summary>How serious a content problem is: errors block a build, warnings do not.</summary>
public enum DiagnosticSeverity
{
    /// <summary>The case cannot be indexed as it is.</summary>
    Error,
    /// <summary>Worth fixing, but the case is still indexed.</summary>
    Warning,
}

/// <summary>A problem found in a content file, reported as <c>path:line: message</c>.</summary>
public sealed record ContentDiagnostic(string Path, int Line, DiagnosticSeverity Severity, string Message)
{
    /// <inheritdoc />
    public override string ToString() => Severity == DiagnosticSeverity.Warning
        ? $"{Path}:{Line}: warning: {Message}"
        : $"{Path}:{Line}: {Message}";
}
