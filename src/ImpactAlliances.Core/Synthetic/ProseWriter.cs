using System.Globalization;
using System.Text;
using ImpactAlliances.Core.Schema;

namespace ImpactAlliances.Core.Synthetic;

/// <summary>Grammatical French sentences about one case: its domains' words, its organisations, its town.</summary>
internal sealed class ProseWriter(Random random, IReadOnlyList<string> domains, IReadOnlyList<string> organisations, string town, int year, double[] commonWeights)
{
    /// <summary>Paragraphs of about <paramref name="words"/> words, sometimes a bullet list.</summary>
    public string Paragraphs(int words)
    {
        var text = new StringBuilder();
        var written = 0;
        var list = random.Next(3) == 0;
        while (true)
        {
            var sentence = Sentence();
            var length = sentence.Count(c => c == ' ') + 1;
            if (written > 0 && written + length > words)
            {
                break;
            }
            written += length;
            text.Append(list ? $"- {sentence}\n" : sentence).Append(list ? "" : written % 60 < 15 ? "\n\n" : " ");
        }
        return text.ToString().TrimEnd() + "\n";
    }

    /// <summary>One sentence.</summary>
    public string Sentence()
    {
        var (_, singular, plural, participle) = FrenchLexicon.Verbs[random.Next(FrenchLexicon.Verbs.Length)];
        var infinitive = FrenchLexicon.Verbs[random.Next(FrenchLexicon.Verbs.Length)].Infinitive;
        return random.Next(7) switch
        {
            0 => $"À {town}, {Phrase(subject: true, out var isPlural)} {(isPlural ? plural : singular)} {Phrase(subject: false, out _)}.",
            1 => $"{Organisation()} {singular} {Phrase(subject: false, out _)} avec {Organisation()}.",
            2 => $"Depuis {year}, {Organisation()} et {Organisation()} {plural} {Phrase(subject: false, out _)} pour {infinitive} {Phrase(subject: false, out _)}.",
            3 => Counted(participle),
            4 => $"Selon {Organisation()}, « {Phrase(subject: true, out var p2)} {(p2 ? plural : singular)} {Phrase(subject: false, out _)} ».",
            5 => $"{Capitalise(Phrase(subject: true, out var p3))} {(p3 ? plural : singular)} désormais {Phrase(subject: false, out _)} dans le territoire de {town}.",
            _ => $"L'enjeu consiste à {infinitive} {Phrase(subject: false, out _)} et {Phrase(subject: false, out _)}.",
        };
    }

    private string Counted(string participle)
    {
        var topic = Topic();
        return $"{Number()} {topic.Plural} ont été {participle}{(topic.Feminine ? "es" : "s")} en {year + random.Next(1, 6)}.";
    }

    private string Phrase(bool subject, out bool plural)
    {
        var noun = random.Next(3) == 0 ? Common() : Topic();
        plural = random.Next(3) == 0;
        var adjective = random.Next(2) == 0 ? " " + FrenchLexicon.Adjectives[random.Next(FrenchLexicon.Adjectives.Length)].For(noun.Feminine, plural) : "";
        var definite = subject || random.Next(2) == 0;
        var article = plural ? (definite ? "les " : "des ") : CorpusGenerator.Article(noun, definite);
        var other = Common();
        var complement = random.Next(4) == 0 ? $" {Elide("de", other.Singular)}{other.Singular}" : "";
        return $"{article}{(plural ? noun.Plural : noun.Singular)}{adjective}{complement}";
    }

    private Noun Topic()
    {
        var words = FrenchLexicon.Domains[domains[random.Next(domains.Count)]];
        return words[random.Next(words.Length)];
    }

    private Noun Common()
    {
        var roll = random.NextDouble() * commonWeights.Sum();
        for (var i = 0; i < commonWeights.Length; i++)
        {
            if ((roll -= commonWeights[i]) < 0)
            {
                return FrenchLexicon.Common[i];
            }
        }
        return FrenchLexicon.Common[0];
    }

    private string Organisation() => organisations[random.Next(organisations.Count)];

    private string Number() => random.Next(10, 2_000).ToString("N0", CultureInfo.GetCultureInfo("fr-FR"));

    internal static string Elide(string word, string next) =>
        FrenchLexicon.Elides(next) ? word[..^1] + "'" : word + " ";

    private static string Capitalise(string text) => char.ToUpperInvariant(text[0]) + text[1..];
}
