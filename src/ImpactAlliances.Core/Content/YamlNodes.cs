using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace ImpactAlliances.Core.Content;

/// <summary>Small helpers over YamlDotNet's representation model, which keeps each node's line.</summary>
internal static class YamlNodes
{
    /// <summary>Loads a YAML document whose root must be a mapping; reports malformed YAML with its line.</summary>
    /// <param name="lineOffset">Lines of the file before the YAML text (the front matter's opening fence).</param>
    public static YamlMappingNode? LoadMapping(string path, string text, int lineOffset, ICollection<ContentDiagnostic> diagnostics)
    {
        var stream = new YamlStream();
        var parser = new Parser(new StringReader(text));
        try
        {
            stream.Load(parser);
        }
        catch (YamlException ex)
        {
            diagnostics.Add(SyntaxError(path, YamlSyntaxErrors.Explain(ex, text), lineOffset));
            return null;
        }
        catch (InvalidOperationException)
        {
            // YamlDotNet's scanner throws this, without a position, on some unclosed flow lists; the
            // parser's last event is where reading stopped.
            var line = (int)(parser.Current?.Start.Line ?? 1);
            diagnostics.Add(SyntaxError(path, YamlSyntaxErrors.UnclosedFlow(text, line), lineOffset));
            return null;
        }
        if (stream.Documents.Count == 0 || stream.Documents[0].RootNode is not YamlMappingNode root)
        {
            diagnostics.Add(new(path, 1 + lineOffset, DiagnosticSeverity.Error, "le fichier doit être une suite de lignes « champ: valeur »"));
            return null;
        }
        return root;
    }

    /// <summary>An error located at a node.</summary>
    public static ContentDiagnostic Error(string path, YamlNode node, int lineOffset, string message) =>
        new(path, Line(node, lineOffset), DiagnosticSeverity.Error, message);

    /// <summary>The file line of a node.</summary>
    public static int Line(YamlNode node, int lineOffset) => (int)node.Start.Line + lineOffset;

    /// <summary>The text of a scalar child, or null when absent or not a scalar.</summary>
    public static string? Scalar(YamlMappingNode node, string key) =>
        node.Children.TryGetValue(new YamlScalarNode(key), out var value) && value is YamlScalarNode scalar ? scalar.Value : null;

    /// <summary>A YAML syntax error at its line of the file, with its column.</summary>
    public static ContentDiagnostic SyntaxError(string path, YamlSyntaxErrors.Explanation explanation, int lineOffset) =>
        new(path, explanation.Line + lineOffset, DiagnosticSeverity.Error, $"{explanation.Message} (colonne {explanation.Column})");
}
