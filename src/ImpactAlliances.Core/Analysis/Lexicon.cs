using System.IO.Compression;
using System.Reflection;
using System.Text;

namespace ImpactAlliances.Core.Analysis;

/// <summary>
/// A word list embedded in the library, folded (lower case, no accents), of four letters or more, made from a Hunspell
/// dictionary by <c>tools/lexicon/build-lexicon.mjs</c> (each word with every suffixed form), sorted and front-coded.
/// Read on its first look-up: most searches never need it. The words are kept as one buffer of ASCII bytes with each word's
/// start (about 6 MB for the French list), not as strings (about 25 MB).
/// </summary>
internal sealed class Lexicon(string resource)
{
    /// <summary>
    /// The words of French: Grammalecte's Hunspell dictionary (Debian's hunspell-fr-classical, MPL 2.0), <c>french-words.txt.gz</c>
    /// (about 419,000 words, 306 KiB). A query word of it is spelt right: when no case writes it, it is not a typo to correct
    /// (« quantique » is not « quantité »).
    /// </summary>
    public static readonly Lexicon French = new("ImpactAlliances.Core.Analysis.french-words.txt.gz");

    /// <summary>
    /// The words of English: SCOWL's American English list as Debian's hunspell-en-us ships it (Kevin Atkinson's licence, see
    /// <c>english-words.NOTICE</c>), names left out, <c>english-words.txt.gz</c> (about 112,000 words, 184 KiB). A query whose
    /// words are mostly English and not French is a question in English, not French with typos (<see cref="Querying.QueryLanguage"/>).
    /// </summary>
    public static readonly Lexicon English = new("ImpactAlliances.Core.Analysis.english-words.txt.gz");

    private readonly Lazy<(byte[] Letters, int[] Starts)> _loaded = new(() => Load(resource));

    /// <summary>Whether a folded word (<see cref="FrenchAnalyzer.FoldAccents"/>, lower case) is in the list.</summary>
    public bool Contains(string folded)
    {
        if (folded.Length < 4 || !Ascii.IsValid(folded))
        {
            return false;
        }
        Span<byte> word = folded.Length <= 64 ? stackalloc byte[folded.Length] : new byte[folded.Length];
        Encoding.ASCII.GetBytes(folded, word);
        var (letters, starts) = _loaded.Value;
        var (low, high) = (0, starts.Length - 2);
        while (low <= high)
        {
            var middle = low + (high - low) / 2;
            var order = letters.AsSpan(starts[middle], starts[middle + 1] - starts[middle]).SequenceCompareTo(word);
            if (order == 0)
            {
                return true;
            }
            (low, high) = order < 0 ? (middle + 1, high) : (low, middle - 1);
        }
        return false;
    }

    private static (byte[] Letters, int[] Starts) Load(string resource)
    {
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream(resource)
            ?? throw new InvalidOperationException($"The word list {resource} is not embedded in the library.");
        using var reader = new StreamReader(new GZipStream(stream, CompressionMode.Decompress), Encoding.ASCII);
        return Parse(reader);
    }

    /// <summary>
    /// Reads the list's lines after its heading: each word as the number (0 to 9) of its first letters shared with the
    /// word before, then the rest (front coding: a third of the size once gzipped).
    /// </summary>
    private static (byte[] Letters, int[] Starts) Parse(TextReader reader)
    {
        var letters = new List<byte>(1_000_000);
        var starts = new List<int>(100_000);
        var previous = new StringBuilder();
        reader.ReadLine();
        while (reader.ReadLine() is { Length: > 0 } line)
        {
            previous.Length = line[0] - '0';
            previous.Append(line, 1, line.Length - 1);
            starts.Add(letters.Count);
            for (var i = 0; i < previous.Length; i++)
            {
                letters.Add((byte)previous[i]);
            }
        }
        starts.Add(letters.Count);
        return (letters.ToArray(), starts.ToArray());
    }
}
