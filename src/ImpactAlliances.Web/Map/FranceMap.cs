using System.Text.Json;
using ImpactAlliances.Core.Places;
using ImpactAlliances.Core.Schema;

namespace ImpactAlliances.Web.Map;

/// <summary>An outline: the region or département it draws (INSEE codes) and its SVG path.</summary>
/// <param name="Code">INSEE code of the area: a region's (<c>53</c>) or a département's (<c>35</c>).</param>
/// <param name="Region">INSEE code of the département's region; empty for a region.</param>
/// <param name="D">SVG path data.</param>
public sealed record MapOutline(string Code, string? Region, string D);

/// <summary>An overseas region (one département) drawn in its own frame below the metropolitan map.</summary>
/// <param name="Code">INSEE code of the département (<c>974</c>).</param>
/// <param name="Region">INSEE code of its region (<c>04</c>).</param>
/// <param name="Box">The frame: x, y, width, height.</param>
/// <param name="D">SVG path data, in map coordinates.</param>
public sealed record MapInset(string Code, string Region, IReadOnlyList<double> Box, string D);

/// <summary>
/// The outlines of France embedded in the site (<c>france-map.json</c>, made by <c>tools/maps/build-maps.mjs</c>
/// from MapSVG's CC BY 4.0 outlines): metropolitan regions and départements, and the five overseas regions as insets.
/// </summary>
public sealed record FranceMap(string Source, string Licence, string ViewBox,
    IReadOnlyList<MapOutline> Departments, IReadOnlyList<MapOutline> Regions, IReadOnlyList<MapInset> Insets)
{
    private static readonly Lazy<FranceMap> Embedded = new(Load);
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    /// <summary>The map embedded in the site.</summary>
    public static FranceMap Official => Embedded.Value;

    /// <summary>The taxonomy slug of a region by its INSEE code (<c>53</c> is <c>bretagne</c>).</summary>
    public static string RegionSlug(string code) =>
        PlaceGazetteer.Official.Places.First(p => p.Kind == PlaceKind.Region && p.Code == code).Region;

    private static FranceMap Load()
    {
        using var stream = typeof(FranceMap).Assembly.GetManifestResourceStream("ImpactAlliances.Web.Map.france-map.json")
            ?? throw new InvalidOperationException("The map of France is not embedded in the site.");
        return JsonSerializer.Deserialize<FranceMap>(stream, Json)
            ?? throw new InvalidDataException("The map of France is empty.");
    }
}
