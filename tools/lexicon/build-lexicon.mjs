// Converts a Debian Hunspell dictionary into a compact lexicon the Core library embeds, so that neither the build nor the
// site downloads anything:
// - fr: the French dictionary (package hunspell-fr-classical, the Grammalecte project's dictionary, MPL 2.0), into
//   src/ImpactAlliances.Core/Analysis/french-words.txt.gz. The query corrector does not replace a word of this lexicon that
//   no case writes (« quantique » is French, not a typo of « quantité »).
// - en: the American English dictionary (package hunspell-en-us, Kevin Atkinson's SCOWL, its own permissive licence: see
//   english-words.NOTICE), into src/ImpactAlliances.Core/Analysis/english-words.txt.gz. A query whose words are mostly
//   English and not French is not corrected word by word (« youth » is no typo of « yourte »).
//
// Run from this folder after `apt-get install hunspell-fr-classical hunspell-en-us` (or on the files of their .deb,
// `apt-get download hunspell-en-us && dpkg-deb -x hunspell-en-us_*.deb DIR`):
//   node build-lexicon.mjs [/usr/share/hunspell/fr.dic /usr/share/hunspell/fr.aff]
//   node build-lexicon.mjs en [/usr/share/hunspell/en_US.dic /usr/share/hunspell/en_US.aff]
//
// Each word of the dictionary is expanded by its suffix rules, twofold suffixes included. French's prefix rules are left
// out: they elide articles and pronouns (« l' », « qu' »…), which the search strips, and make the multiples of units
// (kilo-, milli-, méga-… before « watt », « gramme », « mètre »): « kilowatt » or « milligramme » is not in the list unless
// the dictionary has it as a word of its own (« kilomètre »), and no case writing it, it is corrected as a typo would be.
// English's are kept, as they make words of their own (« unemployment » is « employment » with « un- »), on the word and
// on its suffixed forms when both rules allow it (Hunspell's cross product). English entries written with a capital
// (names: « Paris », « Kraken ») are left out: a name says nothing of the language a query is written in. Each form is
// then folded as the search folds a word (lower case, accents and ligatures off: FrenchAnalyzer.FoldAccents) and kept if
// it has four letters or more (the corrector changes no shorter word) and letters only. One word a line, sorted, each
// written as the number of its first characters shared with the line before and the rest (front coding), then gzipped,
// after a heading naming the package and its version.
import { readFileSync, writeFileSync, existsSync } from "node:fs";
import { dirname, join } from "node:path";
import { gunzipSync, gzipSync } from "node:zlib";

const languages = {
  fr: {
    files: ["/usr/share/hunspell/fr.dic", "/usr/share/hunspell/fr.aff"],
    out: "french-words.txt.gz",
    prefixes: false,
    names: true,
    // The dictionary's version, from its affix file's heading.
    heading: (aff) => {
      const version = /v(\d+(?:\.\d+)*)/.exec(aff.find((l) => l.includes("DICTIONNAIRE ORTHOGRAPHIQUE")) ?? "")?.[1] ?? "?";
      return `hunspell-fr-classical ${version} (Grammalecte's French dictionary, MPL 2.0)`;
    },
  },
  en: {
    files: ["/usr/share/hunspell/en_US.dic", "/usr/share/hunspell/en_US.aff"],
    out: "english-words.txt.gz",
    prefixes: true,
    names: false,
    // The package's version, from the first line of its Debian changelog (the affix file says none).
    heading: (_, dic) => {
      const changelog = join(dirname(dic), "../doc/hunspell-en-us/changelog.Debian.gz");
      const version = existsSync(changelog) ? /\(([^)]+)\)/.exec(gunzipSync(readFileSync(changelog)).toString("utf8"))?.[1] ?? "?" : "?";
      return `hunspell-en-us ${version} (SCOWL's American English word list, Kevin Atkinson's licence)`;
    },
  },
};

const args = process.argv.slice(2);
const language = languages[args[0]] ? args.shift() : "fr";
const { files, out: outName, prefixes: withPrefixes, names, heading } = languages[language];
const [dicPath = files[0], affPath = files[1]] = args;
const out = new URL(`../../src/ImpactAlliances.Core/Analysis/${outName}`, import.meta.url);

const aff = readFileSync(affPath, "utf8").split("\n");
const header = (key) => aff.find((l) => l.startsWith(key + " "))?.split(/\s+/)[1];
const flagType = header("FLAG");
if (flagType !== undefined && flagType !== "long") throw new Error(`unexpected FLAG ${flagType}`);
const needAffix = header("NEEDAFFIX");
const forbidden = header("FORBIDDENWORD");
// Flags of two characters (FLAG long) or of one (Hunspell's default).
const flags = (s) => (s ? (flagType === "long" ? s.match(/../g) ?? [] : [...s]) : []);

// SFX|PFX <flag> <strip> <add>[/<flags>] <condition>; a rule's group says whether it combines with the other kind (Y).
const rules = { SFX: new Map(), PFX: new Map() };
const crossing = new Set();
for (const line of aff) {
  const f = line.trim().split(/\s+/);
  if (!(f[0] in rules)) continue;
  if (f.length === 4 && (f[2] === "Y" || f[2] === "N")) {
    if (f[2] === "Y") crossing.add(`${f[0]} ${f[1]}`);
    continue;
  }
  if (f.length < 5) continue;
  const [add, cont] = f[3].split("/");
  const condition = f[4] === "." ? "" : f[4];
  const rule = {
    strip: f[2] === "0" ? "" : f[2],
    add: add === "0" ? "" : add,
    cont: flags(cont),
    cond: new RegExp(f[0] === "SFX" ? `${condition}$` : `^${condition}`, "u"),
    cross: crossing.has(`${f[0]} ${f[1]}`),
  };
  const kind = rules[f[0]];
  (kind.get(f[1]) ?? kind.set(f[1], []).get(f[1])).push(rule);
}

const words = new Set();
const fold = (w) => w.normalize("NFD").replace(/\p{M}/gu, "").replace(/œ/g, "oe").replace(/æ/g, "ae").replace(/Œ/g, "OE").replace(/Æ/g, "AE").toLowerCase();
const keep = (w) => {
  const folded = fold(w);
  if (folded.length >= 4 && /^[a-z]+$/.test(folded)) words.add(folded);
};
// The word's prefixed forms (English only), each kept unless it needs another affix.
const prefixed = (stem, own, crossOnly) => {
  if (!withPrefixes) return;
  for (const flag of own) {
    for (const rule of rules.PFX.get(flag) ?? []) {
      if ((crossOnly && !rule.cross) || !rule.cond.test(stem) || !stem.startsWith(rule.strip)) continue;
      if (rule.cont.includes(forbidden) || rule.cont.includes(needAffix)) continue;
      keep(rule.add + stem.slice(rule.strip.length));
    }
  }
};
const expand = (stem, own, depth) => {
  for (const flag of own) {
    for (const rule of rules.SFX.get(flag) ?? []) {
      if (!rule.cond.test(stem) || !stem.endsWith(rule.strip)) continue;
      const form = stem.slice(0, stem.length - rule.strip.length) + rule.add;
      if (rule.cont.includes(forbidden)) continue;
      if (!rule.cont.includes(needAffix)) keep(form);
      if (depth === 0 && rule.cross) prefixed(form, own, true);
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
  if (own.includes(forbidden) || (!names && word[0] !== word[0].toLowerCase())) continue;
  if (!own.includes(needAffix)) keep(word);
  prefixed(word, own, false);
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
const text = `# ${heading(aff, dicPath)}, ${sorted.length} folded words: tools/lexicon/build-lexicon.mjs\n${lines.join("\n")}\n`;
const gz = gzipSync(Buffer.from(text, "utf8"), { level: 9 });
writeFileSync(out, gz);
console.log(`${sorted.length} words, ${gz.length} bytes gzipped`);
