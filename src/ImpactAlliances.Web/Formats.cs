using System.Globalization;

namespace ImpactAlliances.Web;

/// <summary>French formatting of numbers and dates for the pages.</summary>
public static class Formats
{
    /// <summary>The French culture.</summary>
    public static readonly CultureInfo French = CultureInfo.GetCultureInfo("fr-FR");

    /// <summary>A date as "23 novembre 2026", and the first of a month as "1er décembre 2026" (an ordinal, in French).</summary>
    public static string Date(DateOnly date) => date.Day == 1
        ? date.ToString("'1er' MMMM yyyy", French)
        : date.ToString("d MMMM yyyy", French);

    /// <summary>A file size as "1,7 Mo", "4,3 ko" or "543 octets".</summary>
    public static string Size(long bytes) => bytes switch
    {
        >= 1_000_000 => string.Create(French, $"{bytes / 1_000_000d:0.#} Mo"),
        >= 1_000 => string.Create(French, $"{bytes / 1_000d:0.#} ko"),
        _ => string.Create(French, $"{bytes} octets"),
    };
}
