// Converts the official administrative split (npm @etalab/decoupage-administratif, Licence Ouverte 2.0)
// into the compact places file the Core library embeds, so that neither the build nor the site downloads
// anything. Run from this folder after `npm ci`:  node build-places.mjs
import { readFileSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";

const require = createRequire(import.meta.url);
const pkg = "@etalab/decoupage-administratif";
const version = require(`${pkg}/package.json`).version;
const data = (name) => JSON.parse(readFileSync(require.resolve(`${pkg}/data/${name}.json`), "utf8"));

// Regions before the 2016 reform, and the region each one joined (INSEE codes of today's regions).
const formerRegions = [
  ["Alsace", "44"], ["Lorraine", "44"], ["Champagne-Ardenne", "44"],
  ["Aquitaine", "75"], ["Limousin", "75"], ["Poitou-Charentes", "75"],
  ["Auvergne", "84"], ["Rhône-Alpes", "84"],
  ["Bourgogne", "27"], ["Franche-Comté", "27"],
  ["Basse-Normandie", "28"], ["Haute-Normandie", "28"],
  ["Nord-Pas-de-Calais", "32"], ["Picardie", "32"],
  ["Languedoc-Roussillon", "76"], ["Midi-Pyrénées", "76"],
];

const lines = [
  `# Découpage administratif de la France : ${pkg} ${version} (Licence Ouverte 2.0), converti par tools/places/build-places.mjs.`,
  "# R code nom | A nom-ancien code-région | D code code-région nom | C code code-département nom population",
];
for (const r of data("regions")) lines.push(["R", r.code, r.nom].join("\t"));
for (const [name, code] of formerRegions) lines.push(["A", name, code].join("\t"));
for (const d of data("departements")) lines.push(["D", d.code, d.region, d.nom].join("\t"));
for (const c of data("communes").filter((c) => c.type === "commune-actuelle")) {
  lines.push(["C", c.code, c.departement, c.nom, c.population ?? 0].join("\t"));
}
writeFileSync(new URL("../../src/ImpactAlliances.Core/Places/places.tsv", import.meta.url), lines.join("\n") + "\n");
console.log(`${lines.length - 2} places from ${pkg} ${version}`);
