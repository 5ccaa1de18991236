using System.Text.RegularExpressions;
using YamlDotNet.Core;

namespace ImpactAlliances.Core.Content;

/// <summary>
/// Turns YamlDotNet's parser errors into plain French for editors, with the line and column where the
/// problem is; the parser's own text is kept only as a detail when no explanation fits.
/// </summary>
internal static partial class YamlSyntaxErrors
{
    /// <summary>Where the problem is in the YAML text (1-based) and what to do about it.</summary>
    public sealed record Explanation(int Line, int Column, string Message);

    /// <summary>Explains a parser exception, reading the text around its position to tell similar cases apart.</summary>
    public static Explanation Explain(YamlException ex, string text)
    {
        var lines = text.Split('\n');
        var (line, column) = ((int)ex.Start.Line, (int)ex.Start.Column);
        var reason = ex.Message;
        if (TabLine(lines) is { } tab && reason.Contains("tab", StringComparison.OrdinalIgnoreCase))
        {
            return new(tab.Line, tab.Column, "caractère de tabulation : indentez avec des espaces uniquement");
        }
        if (reason.StartsWith("Duplicate key", StringComparison.Ordinal))
        {
            var key = reason["Duplicate key".Length..].Trim();
            return new(line, column, $"champ « {key} » écrit deux fois : gardez une seule ligne {key}:");
        }
        if (reason.Contains("quoted scalar, found unexpected end of stream", StringComparison.Ordinal)
            || reason.Contains("double-quoted scalar, found wrong indentation", StringComparison.Ordinal))
        {
            return new(line, column, "guillemet non fermé : la valeur qui commence ici doit se terminer par le même guillemet, sur la même ligne");
        }
        if (reason.Contains("unknown escape character", StringComparison.Ordinal))
        {
            return new(line, column, "barre oblique inverse \\ inattendue entre guillemets : retirez-la ou doublez-la (\\\\)");
        }
        if (reason.Contains("found invalid mapping", StringComparison.Ordinal))
        {
            var before = TextBefore(lines, line, column);
            var value = before.Contains(": ", StringComparison.Ordinal) ? before[(before.IndexOf(": ", StringComparison.Ordinal) + 2)..].TrimStart() : null;
            return value switch
            {
                null => new(line, column, "indentation incorrecte : cette ligne est plus décalée que la précédente ; alignez-la sur les autres champs du même niveau"),
                ['"' or '\'', ..] => new(line, column, InnerQuote),
                _ => new(line, column, "deux-points dans une valeur : mettez toute la valeur entre guillemets, par exemple title: \"Wimoov et Renault : une offre\""),
            };
        }
        if (reason.Contains("While parsing a block mapping, did not find expected key", StringComparison.Ordinal))
        {
            if (AfterClosingQuote(lines, line, column))
            {
                return new(line, column, InnerQuote);
            }
            return line >= 1 && line <= lines.Length && !lines[line - 1].Contains(':', StringComparison.Ordinal)
                ? new(line, column, "deux-points manquant : chaque ligne s'écrit « champ: valeur »")
                : new(line, column, "indentation incorrecte : alignez cette ligne sur les autres champs du même niveau");
        }
        if (reason.Contains("flow sequence, did not find expected ',' or ']'", StringComparison.Ordinal))
        {
            return Unclosed(lines, line) ?? new(line, column, "virgule manquante entre deux valeurs de la liste : écrivez [a, b]");
        }
        if (reason.Contains("flow mapping, did not find expected ',' or '}'", StringComparison.Ordinal)
            || reason.Contains("flow mapping,  did not find expected ',' or '}'", StringComparison.Ordinal))
        {
            return Unclosed(lines, line) ?? new(line, column, "virgule manquante : écrivez { champ: valeur, champ: valeur } sur une seule ligne");
        }
        if (reason.Contains("did not find expected node content", StringComparison.Ordinal))
        {
            return Unclosed(lines, line) ?? new(line, column, "valeur attendue : écrivez-la après « champ: », ou mettez-la entre guillemets si elle commence par un signe");
        }
        if (ex is AnchorNotFoundException || reason.Contains("did not find expected alphabetic or numeric character", StringComparison.Ordinal))
        {
            // YamlDotNet places a missing anchor at the start of the document: find the value itself.
            var at = Array.FindIndex(lines, l => AliasValue().IsMatch(l));
            return at < 0
                ? new(line, column, AliasMessage)
                : new(at + 1, AliasValue().Match(lines[at]).Index + 3, AliasMessage);
        }
        return new(line, column, $"syntaxe YAML incorrecte (détail : {StripPosition(reason)})");
    }

    /// <summary>YamlDotNet throws this, without a position, on some flow lists or mappings left open before the next key.</summary>
    public static Explanation UnclosedFlow(string text, int lastLine)
    {
        var lines = text.Split('\n');
        return Unclosed(lines, lines.Length) ?? new(lastLine, 1, "liste [ ou accolade { non fermée");
    }

    /// <summary>The last line up to <paramref name="line"/> that opens more lists or mappings than it closes.</summary>
    private static Explanation? Unclosed(string[] lines, int line)
    {
        for (var i = Math.Min(line, lines.Length) - 1; i >= 0; i--)
        {
            var open = lines[i].Count(c => c is '[' or '{') - lines[i].Count(c => c is ']' or '}');
            if (open > 0)
            {
                var column = Math.Max(lines[i].LastIndexOfAny(['[', '{']), 0) + 1;
                return new(i + 1, column, lines[i][column - 1] == '['
                    ? "liste non fermée : fermez par ] la liste ouverte par [ sur cette ligne"
                    : "accolade non fermée : fermez par } ce qui est ouvert par { sur cette ligne");
            }
        }
        return null;
    }

    private const string InnerQuote = "guillemet en trop : la valeur s'arrête au deuxième guillemet droit ; à l'intérieur d'une valeur entre \"…\", utilisez les guillemets français « … »";

    private const string AliasMessage = "une valeur ne peut pas commencer par * ou & : mettez-la entre guillemets";

    [GeneratedRegex(@"(?:[:\-]) [*&]")]
    private static partial Regex AliasValue();

    private static (int Line, int Column)? TabLine(string[] lines)
    {
        for (var i = 0; i < lines.Length; i++)
        {
            var indent = lines[i].Length - lines[i].TrimStart(' ', '\t').Length;
            var tab = lines[i].IndexOf('\t', StringComparison.Ordinal);
            // A tab in the indentation, or between a key and its value, breaks the structure; inside quotes it is text.
            if (tab >= 0 && (tab < indent || lines[i][..tab].TrimEnd().EndsWith(':')))
            {
                return (i + 1, tab + 1);
            }
        }
        return null;
    }

    private static string TextBefore(string[] lines, int line, int column) =>
        line >= 1 && line <= lines.Length ? lines[line - 1][..Math.Clamp(column - 1, 0, lines[line - 1].Length)] : "";

    private static bool AfterClosingQuote(string[] lines, int line, int column)
    {
        var before = TextBefore(lines, line, column).TrimEnd();
        return before.EndsWith('"') || before.EndsWith('\'');
    }

    // YamlDotNet prefixes some messages with "(Line: 3, Col: 5, Idx: 20) - (...): "; the position is given separately.
    private static string StripPosition(string message)
    {
        var marker = message.LastIndexOf("): ", StringComparison.Ordinal);
        return marker >= 0 && message.StartsWith("(Line", StringComparison.Ordinal) ? message[(marker + 3)..] : message;
    }
}
