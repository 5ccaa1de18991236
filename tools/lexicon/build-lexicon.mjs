// Converts Debian's French Hunspell dictionary (package hunspell-fr-classical, the Grammalecte project's dictionary,
// MPL 2.0) into the compact lexicon the Core library embeds (src/ImpactAlliances.Core/Analysis/french-words.txt.gz), so
// that neither the build nor the site downloads anything. The query corrector does not replace a word of this lexicon
// that no case writes (« quantique » is French, not a typo of « quantité »).
//
// Run from this folder after `apt-get install hunspell-fr-classical` (or on the files of its .deb, `dpkg-deb -x`):
//   node build-lexicon.mjs [/usr/share/hunspell/fr.dic /usr/share/hunspell/fr.aff]
//
// Each word of the dictionary is expanded by its suffix rules, twofold suffixes included, not by its prefix rules. Those
// elide articles and pronouns (« l' », « qu' »…), which the search strips, and make the multiples of units (kilo-,
// milli-, méga-… before « watt », « gramme », « mètre »), which are left out: « kilowatt » or « milligramme » is not in the
// list unless the dictionary has it as a word of its own (« kilomètre »), and no case writing it, it is corrected as a typo
// would be. Each form is then folded as the search folds a word
// (lower case, accents and ligatures off: FrenchAnalyzer.FoldAccents) and kept if it has four letters or more (the
// corrector changes no shorter word) and letters only. One word a line, sorted, each written as the number of its first
// characters shared with the line before and the rest (front coding), then gzipped.
import { readFileSync, writeFileSync } from "node:fs";
import { gzipSync } from "node:zlib";

const [dicPath = "/usr/share/hunspell/fr.dic", affPath = "/usr/share/hunspell/fr.aff"] = process.argv.slice(2);
const out = new URL("../../src/ImpactAlliances.Core/Analysis/french-words.txt.gz", import.meta.url);

const aff = readFileSync(affPath, "utf8").split("\n");
const version = /v(\d+(?:\.\d+)*)/.exec(aff.find((l) => l.includes("DICTIONNAIRE ORTHOGRAPHIQUE")) ?? "")?.[1] ?? "?";
const header = (key) => aff.find((l) => l.startsWith(key + " "))?.split(/\s+/)[1];
if (header("FLAG") !== "long") throw new Error("expected FLAG long (flags of two characters)");
const needAffix = header("NEEDAFFIX");
const forbidden = header("FORBIDDENWORD");
const flags = (s) => (s ? s.match(/../g) ?? [] : []);

// SFX <flag> <strip> <add>[/<flags>] <condition>
const suffixes = new Map();
for (const line of aff) {
  const f = line.trim().split(/\s+/);
  if (f[0] !== "SFX" || f.length < 5) continue;
  const [add, cont] = f[3].split("/");
  const rule = { strip: f[2] === "0" ? "" : f[2], add: add === "0" ? "" : add, cont: flags(cont), cond: new RegExp(`${f[4] === "." ? "" : f[4]}$`, "u") };
  (suffixes.get(f[1]) ?? suffixes.set(f[1], []).get(f[1])).push(rule);
}

const words = new Set();
const fold = (w) => w.normalize("NFD").replace(/\p{M}/gu, "").replace(/œ/g, "oe").replace(/æ/g, "ae").replace(/Œ/g, "OE").replace(/Æ/g, "AE").toLowerCase();
const keep = (w) => {
  const folded = fold(w);
  if (folded.length >= 4 && /^[a-z]+$/.test(folded)) words.add(folded);
};
const expand = (stem, own, depth) => {
  for (const flag of own) {
    for (const rule of suffixes.get(flag) ?? []) {
      if (!rule.cond.test(stem) || !stem.endsWith(rule.strip)) continue;
      const form = stem.slice(0, stem.length - rule.strip.length) + rule.add;
      if (rule.cont.includes(forbidden)) continue;
      if (!rule.cont.includes(needAffix)) keep(form);
      if (depth === 0 && rule.cont.length > 0) expand(form, rule.cont, 1);
    }
  }
};

const dic = readFileSync(dicPath, "utf8").split("\n").slice(1);
for (const line of dic) {
  const entry = line.split(/\s/)[0];
  if (!entry) continue;
  const slash = entry.indexOf("/");
  const word = slash < 0 ? entry : entry.slice(0, slash);
  const own = slash < 0 ? [] : flags(entry.slice(slash + 1));
  if (own.includes(forbidden)) continue;
  if (!own.includes(needAffix)) keep(word);
  expand(word, own, 0);
}

const sorted = [...words].sort();
let previous = "";
const lines = sorted.map((w) => {
  let shared = 0;
  while (shared < Math.min(9, previous.length, w.length) && previous[shared] === w[shared]) shared++;
  previous = w;
  return `${shared}${w.slice(shared)}`;
});
const text = `# hunspell-fr-classical ${version} (Grammalecte's French dictionary, MPL 2.0), ${sorted.length} folded words: tools/lexicon/build-lexicon.mjs\n${lines.join("\n")}\n`;
const gz = gzipSync(Buffer.from(text, "utf8"), { level: 9 });
writeFileSync(out, gz);
console.log(`${sorted.length} words, ${gz.length} bytes gzipped`);
