using System.Collections.Concurrent;
using System.Runtime.InteropServices;
using ImpactAlliances.Core.Analysis;

namespace ImpactAlliances.Core.Indexing;

internal sealed partial class PhraseTable
{
    /// <summary>
    /// Counts the phrases and words of the cases of a build, one case at a time from any thread; then makes the table.
    /// </summary>
    /// <remarks>
    /// Made cheap for a build of 100,000 cases (BENCHMARKS.md, session 40): each word as written is looked up once in a table
    /// of the words met (a string for each distinct word, none for a phrase); a phrase is a 64-bit hash of its words' numbers,
    /// counted by the thread that prepares the case, in a dictionary without references the collector would walk, with the
    /// numbers of the words as its first case spelt it (the cases spelling it otherwise counted beside); the threads' counts
    /// are added up once, when the table is made. A thread holding more than <see cref="MaxCountedPerThread"/> phrases forgets
    /// those it met in one case only so far: the memory stays bounded, and a phrase's count may then fall short by the cases
    /// that wrote it before. A large build reads some of its cases only (<see cref="Every"/>).
    /// </remarks>
    internal sealed class Counter
    {
        /// <summary>The most phrases one thread counts before it forgets those met in one case only.</summary>
        public const int MaxCountedPerThread = 1 << 20;

        // Every word met as written, numbered, with its key's number (without an elided article, and with it, as a word inside a
        // phrase writes it) and what it may do in a phrase.
        private readonly ConcurrentDictionary<string, Token> _tokens = new(StringComparer.Ordinal);
        private readonly ConcurrentDictionary<string, Token>.AlternateLookup<ReadOnlySpan<char>> _tokenOf;
        private readonly List<Token> _tokenList = [];
        private readonly Dictionary<string, int> _keys = new(StringComparer.Ordinal);
        private readonly List<string> _keyList = [];
        private readonly Lock _adding = new();
        // Each thread's counts, by the thread's number.
        private readonly ConcurrentDictionary<int, Worker> _workers = new();

        public Counter() => _tokenOf = _tokens.GetAlternateLookup<ReadOnlySpan<char>>();

        /// <summary>
        /// One case in how many is read: 1, every case, in a build of up to <see cref="ReadAll"/> cases; a larger build reads
        /// those whose name's hash this divides, about <see cref="ReadOfMore"/>, and counts each phrase this many times
        /// (<see cref="ForCases"/>).
        /// </summary>
        public int Every { get; private set; } = 1;

        /// <summary>
        /// The most cases a build reads every one of: 2,000, above the bundled content's 1,154 (each count exact). Reading a
        /// text costs about half a millisecond of one core: a third more CPU for a 10,000-case build that read every one, a
        /// seventh to a quarter more for a 1,000-case build, which does (BENCHMARKS.md, session 40).
        /// </summary>
        public const int ReadAll = 2000;

        /// <summary>
        /// How many cases a larger build reads, chosen by their name's hash: 300, some 0.15 s of one core (700 cost 0.1 s more
        /// at 10,000 cases). The phrases two of them or more write are those some seventy cases of 10,000 write, or 700 of
        /// 100,000: the suggestions' (the 20,000 most written are kept, <see cref="MaxPhrases"/>); each count is then an
        /// estimate.
        /// </summary>
        public const int ReadOfMore = 300;

        /// <summary>Reads every case of a build of <paramref name="cases"/>, or some of them (<see cref="Every"/>), before any is counted.</summary>
        public void ForCases(int cases) => Every = cases > ReadAll ? (cases + ReadOfMore - 1) / ReadOfMore : 1;

        /// <summary>Counts the phrases and the words that may start or end one, of one case's text.</summary>
        public void Add(string slug, string text) => Count(slug, text, 1);

        /// <summary>Counts one case's text no more: a case taken out of the build after it was counted.</summary>
        public void Remove(string slug, string text) => Count(slug, text, -1);

        private void Count(string slug, string text, int sign)
        {
            if (Every > 1 && StableHash(slug) % (uint)Every != 0)
            {
                return;
            }
            var worker = _workers.GetOrAdd(Environment.CurrentManagedThreadId, static _ => new Worker());
            worker.Case++;
            worker.Cases += sign;
            var run = worker.Run;
            run.Clear();
            var known = worker.TokenOf;
            var start = -1;
            for (var i = 0; i <= text.Length; i++)
            {
                var end = i == text.Length || IsBreak(text, i);
                if (end || IsSpace(text[i]))
                {
                    if (start >= 0)
                    {
                        var written = text.AsSpan(start, i - start);
                        if (!known.TryGetValue(written, out var token))
                        {
                            token = TokenOf(written);
                            worker.Tokens[token.Text] = token;
                        }
                        run.Add(token);
                        start = -1;
                    }
                    if (end && run.Count > 0)
                    {
                        worker.CountRun(run, sign);
                        run.Clear();
                    }
                }
                else if (start < 0)
                {
                    start = i;
                }
            }
            if (worker.Phrases.Count > MaxCountedPerThread)
            {
                worker.Forget();
            }
        }

        // FNV-1a over the name: the same cases read from one build to the next (string.GetHashCode changes with the process).
        private static uint StableHash(string slug)
        {
            var hash = 2166136261;
            foreach (var c in slug)
            {
                hash = (hash ^ c) * 16777619;
            }
            return hash;
        }

        private static bool IsSpace(char c) => c is ' ' or '\t' or '\u00A0' or '\u202F' or '\u2009' || (c > 0x7F && char.IsWhiteSpace(c));

        private Token TokenOf(ReadOnlySpan<char> written)
        {
            if (_tokenOf.TryGetValue(written, out var known))
            {
                return known;
            }
            var text = written.ToString();
            var word = Word.Of(text);
            // A phrase's first word as written without a sentence's capital: the cases' capitals are counted apart.
            var capital = char.IsUpper(word.Core[0]);
            var start = word.Elided || capital ? TokenOf(string.Concat(char.ToLowerInvariant(word.Core[0]).ToString(), word.Core.AsSpan(1))).Number : -1;
            lock (_adding)
            {
                if (_tokens.TryGetValue(text, out known))
                {
                    return known;
                }
                var core = KeyNumber(word.Key);
                var inside = word.Elided ? KeyNumber(word.Elision + word.Key) : core;
                var token = new Token(_tokenList.Count, start < 0 ? _tokenList.Count : start, capital, text, word.Core, core, inside, word.CanEnd, word.Negates,
                    !word.Elided && Articles.Contains(word.Key), word.Elision == "l'",
                    !word.Elided && VerbCues.Contains(word.Key), word.Elision is "s'" or "n'" or "qu'",
                    !word.Elided && word.Key is "le" or "la" or "les" or "un" or "une", IsParticiple(word.Core));
                _tokenList.Add(token);
                _tokens[text] = token;
                return token;
            }
        }

        private int KeyNumber(string key)
        {
            if (!_keys.TryGetValue(key, out var number))
            {
                number = _keyList.Count;
                _keys.Add(key, number);
                _keyList.Add(key);
            }
            return number;
        }

        /// <summary>The table of the phrases counted, under the rules of <see cref="PhraseTable"/>.</summary>
        public PhraseTable Table()
        {
            var workers = _workers.Values.ToList();
            var cases = workers.Sum(w => w.Cases);
            var words = Sum(workers, w => w.WordCases);
            var occurrences = Sum(workers, w => w.Occurrences);
            var afterArticle = Sum(workers, w => w.AfterArticle);
            var beforeLinking = Sum(workers, w => w.BeforeLinking);
            var afterCue = Sum(workers, w => w.AfterCue);
            var participles = Sum(workers, w => w.Participles);
            // The threads' counts added up; a phrase two cases or more write, one of whose words fewer than a quarter of the
            // cases write, none of whose words is a verb's (see IsVerb), not ending on a word that introduces what follows.
            var all = new Dictionary<ulong, Tally>();
            foreach (var worker in workers)
            {
                foreach (var (hash, tally) in worker.Phrases)
                {
                    ref var sum = ref CollectionsMarshal.GetValueRefOrAddDefault(all, hash, out var met);
                    sum = met ? sum with { Cases = sum.Cases + tally.Cases, Capitals = sum.Capitals + tally.Capitals } : tally;
                }
            }
            foreach (var (hash, tally) in all)
            {
                if (tally.Cases < MinCases)
                {
                    all.Remove(hash);
                }
            }
            // Judged on the words' keys, whatever the spelling.
            var verbs = new Dictionary<int, bool>();
            var kept = new Dictionary<ulong, Tally>();
            foreach (var (hash, tally) in all)
            {
                if (Worth(tally.First))
                {
                    kept[hash] = tally;
                }
            }
            // A phrase a longer one holds in three quarters of its cases or more is left out: the longer is what is written.
            var held = new HashSet<ulong>();
            foreach (var tally in kept.Values)
            {
                var spelling = tally.First;
                for (var first = 0; first < spelling.Length; first++)
                {
                    for (var last = first + 1; last < spelling.Length; last++)
                    {
                        if (last - first + 1 < spelling.Length && kept.TryGetValue(HashOf(spelling, first, last), out var shorter)
                            && tally.Cases * 4 >= shorter.Cases * 3)
                        {
                            held.Add(HashOf(spelling, first, last));
                        }
                    }
                }
            }
            foreach (var hash in held)
            {
                kept.Remove(hash);
            }
            // Each spelling's cases, of the phrases kept: each thread's first spelling, and the others; the one most cases write
            // shown, the first in order at equal counts.
            var spellings = new Dictionary<(ulong, Spelling), int>();
            foreach (var worker in workers)
            {
                foreach (var hash in kept.Keys)
                {
                    if (worker.Phrases.TryGetValue(hash, out var tally))
                    {
                        CollectionsMarshal.GetValueRefOrAddDefault(spellings, (hash, tally.First), out _) += tally.FirstCases;
                    }
                }
                foreach (var (spelt, count) in worker.Spellings)
                {
                    if (kept.ContainsKey(spelt.Item1))
                    {
                        CollectionsMarshal.GetValueRefOrAddDefault(spellings, spelt, out _) += count;
                    }
                }
            }
            var written = spellings.Where(p => p.Value > 0).Select(p => (Hash: p.Key.Item1, Text: Spelt(p.Key.Item2), Cases: p.Value))
                .ToLookup(p => p.Hash);
            return new(kept.Select(p => (Text: Shown(p.Value, written[p.Key]), p.Value.Cases, Hash: p.Key))
                .OrderByDescending(p => p.Cases).ThenBy(p => FrenchAnalyzer.FoldLower(p.Text), StringComparer.Ordinal)
                .Take(MaxPhrases)
                .Select(p => new Phrase(p.Text, p.Cases * Every, Forms(written[p.Hash].Select(w => w.Text), p.Text)))
                .OrderBy(p => Key(p.Text), StringComparer.Ordinal).ToList(), Every);

            bool Worth(Spelling spelling)
            {
                var rare = false;
                for (var i = 0; i < spelling.Length; i++)
                {
                    var token = _tokenList[spelling[i]];
                    if (!token.CanEnd)
                    {
                        continue;
                    }
                    // « aide les résidents », « aider des familles »: a verb and its object. A name's words take an article after
                    // a linking word only (« accès à l'emploi »).
                    if (IsVerb(token) || (i + 1 < spelling.Length && _tokenList[spelling[i + 1]] is { Object: true } or { ElidedArticle: true }))
                    {
                        return false;
                    }
                    rare |= Count(words, token.CoreKey) * 4 < cases;
                }
                // A word the cases write before a linking word or a number four times in five or more introduces what follows
                // (« grâce à », « parmi les », « près de », « environ 300 »): a phrase does not end with it.
                var end = _tokenList[spelling[spelling.Length - 1]].CoreKey;
                return rare && Count(beforeLinking, end) * 5 < Count(occurrences, end) * 4;
            }

            // A word taken for a verb's form (« décrivent », « accompagne », « aider »): its form for « nous » is a French word
            // (« décrivons »); ending in « -ent », the cases write it after an article (« le », « les », « l' », « un »…) in fewer
            // than a tenth of the places they write it (a noun or an adjective is written after one: « les parents »); ending in
            // « -e » or « -er », they write it after a word a verb follows (« qui », « se », « ne », « pour »…) more often than
            // after an article, or at least once and rarely after an article (« la lutte », « l'aide », « le programme » are
            // nouns; an adjective, « mixte », comes after neither). A past
            // participle is no clause (« emplois créés », « jardin partagé »): a word most often written so is none.
            bool IsVerb(Token token)
            {
                var key = token.CoreKey;
                if (!verbs.TryGetValue(key, out var verb))
                {
                    if (Count(participles, key) * 2 > Count(occurrences, key))
                    {
                        return verbs[key] = false;
                    }
                    var ending = VerbEnding(_keyList[key]);
                    var rarelyAfterArticle = Count(afterArticle, key) * 10 < Count(occurrences, key);
                    verbs[key] = verb = ending == VerbForm.Plural ? rarelyAfterArticle
                        : ending == VerbForm.Other && (Count(afterCue, key) > Count(afterArticle, key) || (rarelyAfterArticle && Count(afterCue, key) > 0));
                }
                return verb;
            }
        }

        // The spelling more cases write, the first in order at equal counts; with a capital when most cases write one (« Jardin
        // de Cocagne », not « Mécénat de compétences »).
        private static string Shown(Tally tally, IEnumerable<(ulong Hash, string Text, int Cases)> written)
        {
            var spelt = written.OrderByDescending(w => w.Cases).ThenBy(w => w.Text, StringComparer.Ordinal).First().Text;
            return tally.Capitals * 2 > tally.Cases ? string.Concat(char.ToUpperInvariant(spelt[0]).ToString(), spelt.AsSpan(1)) : spelt;
        }

        // The spellings but the one shown, folded, each once.
        private static string[] Forms(IEnumerable<string> spellings, string shown)
        {
            var folded = FrenchAnalyzer.FoldLower(shown);
            return spellings.Select(FrenchAnalyzer.FoldLower).Where(f => f != folded).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToArray();
        }

        // A phrase as written: « l'économie circulaire » writes « économie circulaire ».
        private string Spelt(Spelling spelling)
        {
            var words = new string[spelling.Length];
            for (var i = 0; i < spelling.Length; i++)
            {
                var token = _tokenList[spelling[i]];
                words[i] = i == 0 ? token.CoreText : token.Text;
            }
            return string.Join(' ', words);
        }

        // The hash of a phrase's key: the numbers of its words' keys, the first without an elided article.
        private ulong HashOf(Spelling spelling, int first, int last)
        {
            var hash = Start(_tokenList[spelling[first]].CoreKey);
            for (var i = first + 1; i <= last; i++)
            {
                hash = Next(hash, _tokenList[spelling[i]].Inside);
            }
            return hash;
        }

        private static ulong Start(int key) => Next(0xCBF29CE484222325UL, key);

        private static ulong Next(ulong hash, int key)
        {
            hash = (hash ^ (uint)key) * 0x9E3779B97F4A7C15UL;
            return hash ^ (hash >> 31);
        }

        private static int Count(int[] counts, int key) => key < counts.Length ? counts[key] : 0;

        private static int[] Sum(IEnumerable<Worker> workers, Func<Worker, int[]> counts)
        {
            var sum = Array.Empty<int>();
            foreach (var worker in workers)
            {
                var these = counts(worker);
                if (these.Length > sum.Length)
                {
                    Array.Resize(ref sum, these.Length);
                }
                for (var i = 0; i < these.Length; i++)
                {
                    sum[i] += these[i];
                }
            }
            return sum;
        }

        private enum VerbForm { None, Plural, Other }

        // Whether a folded word's ending could be a verb's: « -ent », « -aient » (a plural), « -e », « -er », its form for « nous »
        // then a French word.
        private static VerbForm VerbEnding(string word)
        {
            if (word.EndsWith("aient", StringComparison.Ordinal))
            {
                return VerbForm.Plural;
            }
            var plural = word.EndsWith("ent", StringComparison.Ordinal) && !word.EndsWith("ment", StringComparison.Ordinal);
            var stem = plural ? word[..^3]
                : word.EndsWith("er", StringComparison.Ordinal) ? word[..^2]
                : word.EndsWith('e') ? word[..^1]
                : null;
            // « emploie », « emploient »: « employons ».
            var verb = stem is { Length: >= 3 } && (Lexicon.French.Contains(stem + "ons") || (stem[^1] == 'i' && Lexicon.French.Contains(stem[..^1] + "yons")));
            return !verb ? VerbForm.None : plural ? VerbForm.Plural : VerbForm.Other;
        }

        private static bool IsParticiple(string written) =>
            written.EndsWith('é') || written.EndsWith("ée", StringComparison.Ordinal) || written.EndsWith("és", StringComparison.Ordinal)
            || written.EndsWith("ées", StringComparison.Ordinal) || written.EndsWith('É');

        // Words a verb follows: a subject, a pronoun before the verb, « pour » before an infinitive.
        private static readonly HashSet<string> VerbCues = new(StringComparer.Ordinal)
        {
            "qui", "il", "elle", "ils", "elles", "on", "se", "ne", "nous", "vous", "pour", "lui", "leur",
        };

        // Articles and determiners: a word written after one is a noun's or an adjective's form.
        private static readonly HashSet<string> Articles = new(StringComparer.Ordinal)
        {
            "le", "la", "les", "un", "une", "des", "du", "au", "aux", "ce", "cet", "cette", "ces", "son", "sa", "ses", "leur", "leurs",
            "notre", "nos", "votre", "vos",
        };

        /// <summary>A word met as written.</summary>
        /// <param name="Number">Its number, in the order words are met.</param>
        /// <param name="Start">The number of the word as a phrase's first: without an elided article nor a capital.</param>
        /// <param name="Capital">Whether it is written with a capital.</param>
        /// <param name="Text">The word as written.</param>
        /// <param name="CoreText">The word without an elided article, as written.</param>
        /// <param name="CoreKey">The number of its key without an elided article: a phrase starting with it.</param>
        /// <param name="Inside">The number of its key with its elided article: a phrase holding it after its first word.</param>
        /// <param name="CanEnd">Whether a phrase may start or end with it: no linking word.</param>
        /// <param name="Negates">A negation: no phrase holds it.</param>
        /// <param name="Article">An article (« les »): the next word is a noun's or an adjective's form.</param>
        /// <param name="ElidedArticle">A word whose article is elided (« l'aide »): a noun's or an adjective's form.</param>
        /// <param name="Cue">A word a verb follows (« qui », « se »).</param>
        /// <param name="ElidedCue">A word after an elided « s' », « n' », « qu' » (« s'engage »).</param>
        /// <param name="Participle">Written as a past participle is (« créés », « partagée »).</param>
        /// <param name="Object">« le », « la », « les », « un », « une »: after a word that may end a phrase, a verb's object.</param>
        private sealed record Token(int Number, int Start, bool Capital, string Text, string CoreText, int CoreKey, int Inside, bool CanEnd, bool Negates, bool Article,
            bool ElidedArticle, bool Cue, bool ElidedCue, bool Object, bool Participle);

        /// <summary>The numbers of up to four words, as one case spelt a phrase.</summary>
        private struct Spelling : IEquatable<Spelling>
        {
            private int _w0, _w1, _w2, _w3;

            public int Length { get; private set; }

            public readonly int this[int i] => i switch { 0 => _w0, 1 => _w1, 2 => _w2, _ => _w3 };

            public static Spelling Of(List<Token> run, int first, int last)
            {
                var spelling = new Spelling { Length = last - first + 1 };
                spelling._w0 = run[first].Start;
                spelling._w1 = run[first + 1].Number;
                spelling._w2 = last - first >= 2 ? run[first + 2].Number : 0;
                spelling._w3 = last - first >= 3 ? run[first + 3].Number : 0;
                return spelling;
            }

            public readonly bool Equals(Spelling other) =>
                Length == other.Length && _w0 == other._w0 && _w1 == other._w1 && _w2 == other._w2 && _w3 == other._w3;

            public override readonly bool Equals(object? obj) => obj is Spelling other && Equals(other);

            public override readonly int GetHashCode() => HashCode.Combine(Length, _w0, _w1, _w2, _w3);
        }

        /// <summary>
        /// How many cases write a phrase, and with a capital; the spelling of the first case met, and the cases writing it so
        /// (the cases writing it otherwise are counted beside, <see cref="Worker.Spellings"/>).
        /// </summary>
        private record struct Tally(int Cases, int Capitals, int LastCase, Spelling First, int FirstCases);

        /// <summary>One thread's counts: the phrases by hash, the cases writing each word that may start or end one, and how often each word is written after an article.</summary>
        private sealed class Worker
        {
            public readonly Dictionary<ulong, Tally> Phrases = new();
            /// <summary>The cases writing a phrase otherwise than its first spelling, by its hash and spelling.</summary>
            public readonly Dictionary<(ulong, Spelling), int> Spellings = new();
            public readonly List<Token> Run = [];
            /// <summary>The words this thread met: looked up without the shared table's synchronisation.</summary>
            public readonly Dictionary<string, Token> Tokens = new(StringComparer.Ordinal);
            public readonly Dictionary<string, Token>.AlternateLookup<ReadOnlySpan<char>> TokenOf;

            public Worker() => TokenOf = Tokens.GetAlternateLookup<ReadOnlySpan<char>>();

            public int[] WordCases = new int[1024];
            public int[] WordLastCase = new int[1024];
            public int[] Occurrences = new int[1024];
            public int[] AfterArticle = new int[1024];
            public int[] BeforeLinking = new int[1024];
            public int[] AfterCue = new int[1024];
            public int[] Participles = new int[1024];
            public int Case;
            public int Cases;

            public void CountRun(List<Token> run, int sign)
            {
                for (var first = 0; first < run.Count; first++)
                {
                    var token = run[first];
                    var key = token.CoreKey;
                    if (key >= WordCases.Length)
                    {
                        Grow(key);
                    }
                    Occurrences[key] += sign;
                    if (token.ElidedArticle || (first > 0 && run[first - 1].Article))
                    {
                        AfterArticle[key] += sign;
                    }
                    if (token.Participle)
                    {
                        Participles[key] += sign;
                    }
                    if (token.ElidedCue || (first > 0 && run[first - 1].Cue))
                    {
                        AfterCue[key] += sign;
                    }
                    if (first + 1 < run.Count && !run[first + 1].CanEnd)
                    {
                        BeforeLinking[key] += sign;
                    }
                    if (!token.CanEnd)
                    {
                        continue;
                    }
                    if (WordLastCase[key] != Case)
                    {
                        WordLastCase[key] = Case;
                        WordCases[key] += sign;
                    }
                    // A negation makes a clause, not the name of a thing (« sources consultées ne donnent », « donnent pas de bilan »).
                    if (token.Negates)
                    {
                        continue;
                    }
                    var hash = Start(key);
                    for (var last = first + 1; last < run.Count && last - first < MaxWords && !run[last].Negates; last++)
                    {
                        hash = Next(hash, run[last].Inside);
                        if (!run[last].CanEnd)
                        {
                            continue;
                        }
                        ref var tally = ref CollectionsMarshal.GetValueRefOrAddDefault(Phrases, hash, out _);
                        if (tally.LastCase == Case)
                        {
                            continue;
                        }
                        tally.LastCase = Case;
                        tally.Cases += sign;
                        tally.Capitals += token.Capital ? sign : 0;
                        var spelling = Spelling.Of(run, first, last);
                        if (tally.First.Length == 0 || tally.First.Equals(spelling))
                        {
                            tally.First = spelling;
                            tally.FirstCases += sign;
                        }
                        else
                        {
                            CollectionsMarshal.GetValueRefOrAddDefault(Spellings, (hash, spelling), out _) += sign;
                        }
                    }
                }
            }

            private void Grow(int key)
            {
                var size = Math.Max(key + 1, WordCases.Length * 2);
                Array.Resize(ref WordCases, size);
                Array.Resize(ref WordLastCase, size);
                Array.Resize(ref Occurrences, size);
                Array.Resize(ref AfterArticle, size);
                Array.Resize(ref BeforeLinking, size);
                Array.Resize(ref AfterCue, size);
                Array.Resize(ref Participles, size);
            }

            /// <summary>Forgets the phrases met in one case only so far, or in more while too many remain: the memory stays bounded.</summary>
            public void Forget()
            {
                for (var most = 1; Phrases.Count > MaxCountedPerThread / 2; most++)
                {
                    foreach (var (hash, tally) in Phrases)
                    {
                        if (tally.Cases <= most)
                        {
                            Phrases.Remove(hash);
                        }
                    }
                    foreach (var (spelt, count) in Spellings)
                    {
                        if (!Phrases.ContainsKey(spelt.Item1))
                        {
                            Spellings.Remove(spelt);
                        }
                    }
                }
            }
        }
    }
}
