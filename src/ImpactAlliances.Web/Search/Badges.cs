using ImpactAlliances.Core.Schema;

namespace ImpactAlliances.Web.Search;

/// <summary>The facets a result shows as coloured chips, in their order, and the legend of the colours.</summary>
public static class Badges
{
    /// <summary>Facet keys in the order a result's chips show them.</summary>
    public static readonly IReadOnlyList<string> Order =
        [CaseStudySchema.PartnershipTypes.Key, CaseStudySchema.Domains.Key, CaseStudySchema.Scales.Key, CaseStudySchema.Regions.Key, CaseStudySchema.Statuses.Key];

    /// <summary>One entry per colour: the chip class it styles and what it means. Scales and regions share a colour.</summary>
    public static readonly IReadOnlyList<(string Key, string Label)> Legend =
    [
        (CaseStudySchema.PartnershipTypes.Key, "type de partenariat"), (CaseStudySchema.Domains.Key, "domaine"),
        (CaseStudySchema.Regions.Key, "échelle ou région"), (CaseStudySchema.Statuses.Key, "statut"),
    ];
}
