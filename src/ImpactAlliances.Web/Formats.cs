using System.Globalization;

namespace ImpactAlliances.Web;

/// <summary>French formatting of numbers and dates for the pages.</summary>
public static class Formats
{
    /// <summary>The French culture.</summary>
    public static readonly CultureInfo French = CultureInfo.GetCultureInfo("fr-FR");

    /// <summary>
    /// The space French typography puts inside guillemets, a narrow no-break space (U+202F), so that « and » never
    /// stand alone at the end or start of a line.
    /// </summary>
    public const string QuoteSpace = "\u202F";

    /// <summary>A date as "23 novembre 2026", and the first of a month as "1er décembre 2026" (an ordinal, in French).</summary>
    public static string Date(DateOnly date) => date.Day == 1
        ? date.ToString("'1er' MMMM yyyy", French)
        : date.ToString("d MMMM yyyy", French);

    /// <summary>A count as "1 154": thousands set apart by the French narrow no-break space.</summary>
    public static string Number(int count) => count is >= 0 and < SmallNumbers ? Small[count] : count.ToString("N0", French);

    // Below a thousand a count is its digits alone: a results page writes a hundred of them, made once here.
    private const int SmallNumbers = 1000;
    private static readonly string[] Small = [.. Enumerable.Range(0, SmallNumbers).Select(i => i.ToString("N0", French))];

    /// <summary>"1 exemple", "1 154 exemples".</summary>
    public static string Cases(int count) => $"{Number(count)} {CaseNoun(count)}";

    /// <summary>
    /// The noun of a count of cases, agreeing with it as French does: « exemple » for 0 and 1, « exemples » above; for a
    /// count whose digits stand apart from its noun (a facet's count, read out « 1 exemple » by a screen reader).
    /// </summary>
    public static string CaseNoun(int count) => count > 1 ? "exemples" : "exemple";

    /// <summary>
    /// A share of a total as "4,3 %" and "5,0 %": always one decimal, so that the figures of a column line up and read
    /// alike (an integer would write 0,3 % as « 0 % »); the percent sign is held to the number by a no-break space.
    /// </summary>
    public static string Share(int count, int total) => string.Create(French, $"{100.0 * count / total:0.0}\u00A0%");

    /// <summary>What the visitor typed, between French guillemets held to it: « insertion ».</summary>
    public static string Quoted(string text) => $"«{QuoteSpace}{text}{QuoteSpace}»";

    /// <summary>A value as given in a URL, shown back: its first 40 characters, then « … » when it is longer.</summary>
    public static string Start(string text) => text.Length > 40 ? $"{text[..40]}…" : text;

    /// <summary>A file size as "1,7 Mo", "4,3 ko" or "543 octets".</summary>
    public static string Size(long bytes) => bytes switch
    {
        >= 1_000_000 => string.Create(French, $"{bytes / 1_000_000d:0.#} Mo"),
        >= 1_000 => string.Create(French, $"{bytes / 1_000d:0.#} ko"),
        _ => string.Create(French, $"{bytes} octets"),
    };
}
