using System.Text;
using ImpactAlliances.Core.Analysis;
using ImpactAlliances.Core.Schema;
using Lucene.Net.Index;

namespace ImpactAlliances.Core.Indexing;

/// <summary>
/// The keys a run of query words can name an organisation of the index by (<see cref="FrenchAnalyzer.NameKey"/> of a name of
/// several words, or of the acronym a name carries in parentheses), each with the names it stands for, in the order the
/// names' doc values give them. Made when a version is built and stored in its commit's data as one table sorted by key,
/// which a site reads in one piece and searches by halves, instead of reading and keying every name as it starts: 131,917
/// names at 100,000 cases, most of what a first search waited for (BENCHMARKS.md, twenty-second and twenty-fifth sessions).
/// An index built before stores none and has its table made from its names, as before.
/// </summary>
internal sealed class OrganisationKeys
{
    // The table: records "key␟Ntext␞" (N for a name, A for an acronym), sorted by key (ordinal), a key's names in the order
    // they were met. Content files cannot hold these two control characters (ContentFile.Invisible).
    private const char KeyEnd = '\u001F';
    private const char RecordEnd = '\u001E';
    private const char Name = 'N';
    private const char Acronym = 'A';

    private readonly string _table;
    // Where each record starts and its key ends; _starts has one more entry, the table's length.
    private readonly int[] _starts;
    private readonly int[] _keyEnds;

    private OrganisationKeys(string table, int[] starts, int[] keyEnds) => (_table, _starts, _keyEnds) = (table, starts, keyEnds);

    /// <summary>No organisation.</summary>
    public static OrganisationKeys Empty { get; } = new("", [0], []);

    /// <summary>How many (key, name) records the table holds.</summary>
    public int Count => _keyEnds.Length;

    /// <summary>The table stored in <paramref name="reader"/>'s commit, else made from its organisation names.</summary>
    public static OrganisationKeys Of(DirectoryReader reader) =>
        Read(reader.IndexCommit.UserData.TryGetValue(CaseStudySchema.OrganisationKeysCommitKey, out var stored) ? stored : null) ?? Of(NamesOf(reader));

    /// <summary>The table of <paramref name="names"/>, met in this order.</summary>
    public static OrganisationKeys Of(IEnumerable<string> names)
    {
        var records = new List<(string Key, char Kind, string Text)>();
        foreach (var name in names)
        {
            if (name.AsSpan().IndexOfAny(KeyEnd, RecordEnd) >= 0)
            {
                continue;
            }
            var open = name.IndexOf('(', StringComparison.Ordinal);
            var main = open > 0 ? name[..open].Trim() : name.Trim();
            // One-word names need no key: the word already matches the organisations field.
            if (FrenchAnalyzer.NameKey(main) is var key && key.Contains(' ', StringComparison.Ordinal))
            {
                records.Add((key, Name, main));
            }
            // "Agence de la transition écologique (ADEME)": the acronym names it too.
            if (open > 0 && name[(open + 1)..].TrimEnd(')', ' ') is { Length: >= 2 } acronym && acronym.All(c => char.IsUpper(c) || char.IsDigit(c))
                && FrenchAnalyzer.NameKey(acronym) is { Length: > 0 } acronymKey)
            {
                records.Add((acronymKey, Acronym, acronym));
            }
        }
        var table = new StringBuilder();
        var starts = new int[records.Count + 1];
        var keyEnds = new int[records.Count];
        var index = 0;
        // A stable sort: a key's names stay in the order they were met.
        foreach (var (key, kind, text) in records.OrderBy(r => r.Key, StringComparer.Ordinal))
        {
            starts[index] = table.Length;
            table.Append(key);
            keyEnds[index++] = table.Length;
            table.Append(KeyEnd).Append(kind).Append(text).Append(RecordEnd);
        }
        starts[index] = table.Length;
        return new(table.ToString(), starts, keyEnds);
    }

    /// <summary>The table as the commit's data stores it.</summary>
    public string Write() => _table;

    /// <summary>The stored table, or null when there is none or it is not one this class wrote (then it is made again).</summary>
    internal static OrganisationKeys? Read(string? stored)
    {
        if (stored is null)
        {
            return null;
        }
        var starts = new List<int>();
        var keyEnds = new List<int>();
        var span = stored.AsSpan();
        var start = 0;
        while (start < span.Length)
        {
            var keyEnd = span[start..].IndexOf(KeyEnd);
            var recordEnd = span[start..].IndexOf(RecordEnd);
            // A key, its separator, a kind, a text of one character at least, in this order, and keys in order.
            if (keyEnd <= 0 || recordEnd < keyEnd + 3 || span[start + keyEnd + 1] is not (Name or Acronym)
                || (keyEnds.Count > 0 && span[starts[^1]..keyEnds[^1]].SequenceCompareTo(span.Slice(start, keyEnd)) > 0))
            {
                return null;
            }
            starts.Add(start);
            keyEnds.Add(start + keyEnd);
            start += recordEnd + 1;
        }
        starts.Add(span.Length);
        return new(stored, [.. starts], [.. keyEnds]);
    }

    /// <summary>The names <paramref name="key"/> stands for, with whether each is an acronym; none when it is no key.</summary>
    public List<(string Text, bool Acronym)> Named(string key)
    {
        // The first record whose key is not below the key asked.
        int low = 0, high = Count;
        while (low < high)
        {
            var middle = (low + high) >>> 1;
            if (KeyOf(middle).SequenceCompareTo(key) < 0)
            {
                low = middle + 1;
            }
            else
            {
                high = middle;
            }
        }
        var names = new List<(string, bool)>();
        for (var record = low; record < Count && KeyOf(record).SequenceEqual(key); record++)
        {
            var text = _keyEnds[record] + 2;
            names.Add((_table[text..(_starts[record + 1] - 1)], _table[_keyEnds[record] + 1] == Acronym));
        }
        return names;
    }

    private ReadOnlySpan<char> KeyOf(int record) => _table.AsSpan(_starts[record], _keyEnds[record] - _starts[record]);

    /// <summary>Every distinct organisation name of the index, read from its doc values, in the order of their bytes.</summary>
    /// <remarks>
    /// Walked in order with the values' terms enumerator, which decodes each prefix-compressed block once, rather than
    /// looked up ord by ord: half the time at 100,000 cases and 130,000 names (BENCHMARKS.md, seventeenth session).
    /// Several segments' values are walked as one (Lucene's map of their ordinals), so that the names come in the order
    /// the segment merged from them holds them in: a build reads them before its merge ends (thirtieth session).
    /// </remarks>
    internal static IEnumerable<string> NamesOf(IndexReader reader)
    {
        var terms = MultiDocValues.GetSortedSetValues(reader, CaseStudySchema.OrganisationNames)?.GetTermsEnum();
        while (terms is not null && terms.MoveNext())
        {
            yield return terms.Term.Utf8ToString();
        }
    }
}
