namespace ImpactAlliances.Web.Search;

/// <summary>The facets a result shows as coloured chips, in their order, and the legend of the colours.</summary>
public static class Badges
{
    /// <summary>Facet keys in the order a result's chips show them.</summary>
    public static readonly IReadOnlyList<string> Order = ["partnership_types", "domains", "scales", "regions", "statuses"];

    /// <summary>One entry per colour: the chip class it styles and what it means. Scales and regions share a colour.</summary>
    public static readonly IReadOnlyList<(string Key, string Label)> Legend =
        [("partnership_types", "type de partenariat"), ("domains", "domaine"), ("regions", "échelle ou région"), ("statuses", "statut")];
}
