using System.Globalization;

namespace ImpactAlliances.Web;

/// <summary>French formatting of numbers and dates for the pages.</summary>
public static class Formats
{
    /// <summary>The French culture.</summary>
    public static readonly CultureInfo French = CultureInfo.GetCultureInfo("fr-FR");

    /// <summary>A date as "23 novembre 2026".</summary>
    public static string Date(DateOnly date) => date.ToString("d MMMM yyyy", French);
}
