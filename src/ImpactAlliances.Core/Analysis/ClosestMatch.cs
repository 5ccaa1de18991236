using System.Numerics;

namespace ImpactAlliances.Core.Analysis;

/// <summary>"Did you mean" for misspelt keys and taxonomy values.</summary>
public static class ClosestMatch
{
    /// <summary>The closest candidate within a small edit distance, or null.</summary>
    public static string? Closest(string value, IEnumerable<string> candidates)
    {
        var limit = Math.Max(2, value.Length / 3);
        string? best = null;
        var bestDistance = int.MaxValue;
        foreach (var candidate in candidates)
        {
            var distance = candidate.StartsWith(value, StringComparison.Ordinal) && value.Length >= 3
                ? 1
                : Distance(value, candidate, limit);
            if (distance <= limit && distance < bestDistance)
            {
                (best, bestDistance) = (candidate, distance);
            }
        }
        return best;
    }

    /// <summary>« ; vouliez-vous dire « x » ? » for the closest candidate, or nothing.</summary>
    public static string Hint(string value, IEnumerable<string> candidates) =>
        Closest(value, candidates) is { } s ? $" ; vouliez-vous dire « {s} » ?" : "";

    /// <summary>
    /// The candidates within <paramref name="maxEdits"/> of <paramref name="value"/> that need the fewest edits, in the
    /// candidates' order, and that number of edits (<paramref name="maxEdits"/> + 1 when none is within reach).
    /// </summary>
    public static (List<T> Nearest, int Edits) Nearest<T>(string value, IEnumerable<T> candidates, Func<T, string> key, int maxEdits)
    {
        var nearest = new List<T>();
        var bestDistance = maxEdits + 1;
        foreach (var candidate in candidates)
        {
            // Once a candidate is found, only as close or closer ones count: the limit narrows and the table stops sooner.
            var distance = Distance(value, key(candidate), Math.Min(maxEdits, bestDistance));
            if (distance < bestDistance)
            {
                (bestDistance, nearest) = (distance, [candidate]);
            }
            else if (distance == bestDistance && distance <= maxEdits)
            {
                nearest.Add(candidate);
            }
        }
        return (nearest, bestDistance);
    }

    /// <summary>The letters a word holds, as bits (two letters may share one): see <see cref="MayBeWithin"/>.</summary>
    public static ulong Letters(string word)
    {
        var letters = 0UL;
        foreach (var c in word)
        {
            letters |= 1UL << (c & 63);
        }
        return letters;
    }

    /// <summary>
    /// Whether two words whose <see cref="Letters"/> these are may be within <paramref name="maxEdits"/> of each other: an
    /// edit adds or removes at most two letters of a word's set (a swap none), so words whose sets differ by more cannot
    /// be. A test in a few instructions, which spares most of a vocabulary the <see cref="Distance"/> table.
    /// </summary>
    public static bool MayBeWithin(ulong a, ulong b, int maxEdits) => BitOperations.PopCount(a ^ b) <= 2 * maxEdits;

    /// <summary>
    /// Edits between two strings, a swap of two neighbouring letters counting as one ("insertoin" is one
    /// edit from "insertion"), or <paramref name="limit"/> + 1 as soon as it is known to exceed the limit.
    /// </summary>
    public static int Distance(string a, string b, int limit)
    {
        if (Math.Abs(a.Length - b.Length) > limit)
        {
            return limit + 1;
        }
        // Three rows of the table, one buffer: this runs against thousands of words for each corrected query word.
        var width = b.Length + 1;
        Span<int> rows = width <= 128 ? stackalloc int[3 * width] : new int[3 * width];
        for (var j = 0; j <= b.Length; j++)
        {
            rows[j] = j;
        }
        for (var i = 1; i <= a.Length; i++)
        {
            var current = rows.Slice(i % 3 * width, width);
            var previous = rows.Slice((i - 1) % 3 * width, width);
            var before = rows.Slice((i + 1) % 3 * width, width);
            current[0] = i;
            var best = i;
            for (var j = 1; j <= b.Length; j++)
            {
                var cost = a[i - 1] == b[j - 1] ? 0 : 1;
                var value = Math.Min(Math.Min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + cost);
                if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1])
                {
                    value = Math.Min(value, before[j - 2] + 1);
                }
                current[j] = value;
                best = Math.Min(best, value);
            }
            if (best > limit)
            {
                return limit + 1;
            }
        }
        return Math.Min(rows[a.Length % 3 * width + b.Length], limit + 1);
    }
}
