// Converts the official administrative split (npm @etalab/decoupage-administratif, Licence Ouverte 2.0)
// into the compact places file the Core library embeds, so that neither the build nor the site downloads
// anything. Run from this folder after `npm ci`:  node build-places.mjs
import { readFileSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";

const require = createRequire(import.meta.url);
const pkg = "@etalab/decoupage-administratif";
const version = require(`${pkg}/package.json`).version;
const data = (name) => JSON.parse(readFileSync(require.resolve(`${pkg}/data/${name}.json`), "utf8"));

// Regions before the 2016 reform, the region each one joined (INSEE codes of today's regions) and the
// départements it held, so that "en Haute-Normandie" means the Eure and the Seine-Maritime first.
const formerRegions = [
  ["Alsace", "44", "67,68"], ["Lorraine", "44", "54,55,57,88"], ["Champagne-Ardenne", "44", "08,10,51,52"],
  ["Aquitaine", "75", "24,33,40,47,64"], ["Limousin", "75", "19,23,87"], ["Poitou-Charentes", "75", "16,17,79,86"],
  ["Auvergne", "84", "03,15,43,63"], ["Rhône-Alpes", "84", "01,07,26,38,42,69,73,74"],
  ["Bourgogne", "27", "21,58,71,89"], ["Franche-Comté", "27", "25,39,70,90"],
  ["Basse-Normandie", "28", "14,50,61"], ["Haute-Normandie", "28", "27,76"],
  ["Nord-Pas-de-Calais", "32", "59,62"], ["Picardie", "32", "02,60,80"],
  ["Languedoc-Roussillon", "76", "11,30,34,48,66"], ["Midi-Pyrénées", "76", "09,12,31,32,46,65,81,82"],
];

// Names in common use for a group of today's regions, or for one and its people: one row per region, as for a former
// region. « Outre-mer » and its adjective « ultramarin » name the overseas collectivités too, each a region of the split
// that the taxonomy lacks, so that they are matched by their one département; « DOM », « DROM » only the five overseas
// départements, which are regions.
const overseas = ["01", "02", "03", "04", "06"];
const overseasAll = [...overseas.map((code) => [code, ""]), ...["975", "977", "978", "984", "986", "987", "988", "989"].map((code) => [code, code])];
const commonNames = [
  ...["Antilles", "Antilles françaises"].flatMap((name) => ["01", "02"].map((code) => [name, code, ""])),
  ["Région parisienne", "11", ""],
  ...overseasAll.map(([code, departments]) => ["Outre-mer", code, departments]),
  ...["DOM", "DROM", "Départements d'outre-mer"].flatMap((name) => overseas.map((code) => [name, code, ""])),
  ...["DOM-TOM", "Territoires d'outre-mer", "Ultramarin", "Ultramarins", "Ultramarine", "Ultramarines"]
    .flatMap((name) => overseasAll.map(([code, departments]) => [name, code, departments])),
  ...["Île de la Réunion", "Réunionnais", "Réunionnaise", "Réunionnaises"].map((name) => [name, "04", ""]),
];

const lines = [
  `# Découpage administratif de la France : ${pkg} ${version} (Licence Ouverte 2.0), converti par tools/places/build-places.mjs.`,
  "# R code nom | A nom-ancien-ou-courant code-région départements | D code code-région nom | C code code-département nom population",
];
for (const r of data("regions")) lines.push(["R", r.code, r.nom].join("\t"));
for (const [name, code, departments] of [...formerRegions, ...commonNames]) lines.push(["A", name, code, departments].join("\t"));
for (const d of data("departements")) lines.push(["D", d.code, d.region, d.nom].join("\t"));
for (const c of data("communes").filter((c) => c.type === "commune-actuelle")) {
  lines.push(["C", c.code, c.departement, c.nom, c.population ?? 0].join("\t"));
}
writeFileSync(new URL("../../src/ImpactAlliances.Core/Places/places.tsv", import.meta.url), lines.join("\n") + "\n");
console.log(`${lines.length - 2} places from ${pkg} ${version}`);
