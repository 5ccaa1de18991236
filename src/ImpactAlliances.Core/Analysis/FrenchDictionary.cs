using System.IO.Compression;
using System.Reflection;
using System.Text;

namespace ImpactAlliances.Core.Analysis;

/// <summary>
/// The words of French, folded (lower case, no accents), of four letters or more: Grammalecte's Hunspell dictionary
/// (Debian's hunspell-fr-classical, MPL 2.0) with every suffixed form, made by <c>tools/lexicon/build-lexicon.mjs</c> into
/// <c>french-words.txt.gz</c> (about 419,000 words, 306 KiB). A query word of it is spelt right: when no case writes it,
/// it is not a typo to correct (« quantique » is not « quantité »).
/// </summary>
internal static class FrenchDictionary
{
    // Read on the first word that matches no case: most searches never need it. The words, sorted, are kept as one buffer
    // of ASCII bytes with each word's start (about 6 MB), not as 419,000 strings (about 25 MB).
    private static readonly Lazy<(byte[] Letters, int[] Starts)> Loaded = new(Load);

    /// <summary>Whether a folded word (<see cref="FrenchAnalyzer.FoldAccents"/>, lower case) is a word of French.</summary>
    public static bool Contains(string folded)
    {
        if (folded.Length < 4 || !Ascii.IsValid(folded))
        {
            return false;
        }
        Span<byte> word = folded.Length <= 64 ? stackalloc byte[folded.Length] : new byte[folded.Length];
        Encoding.ASCII.GetBytes(folded, word);
        var (letters, starts) = Loaded.Value;
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

    private static (byte[] Letters, int[] Starts) Load()
    {
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream("ImpactAlliances.Core.Analysis.french-words.txt.gz")
            ?? throw new InvalidOperationException("The French lexicon is not embedded in the library.");
        using var reader = new StreamReader(new GZipStream(stream, CompressionMode.Decompress), Encoding.ASCII);
        return Parse(reader);
    }

    /// <summary>
    /// Reads the lexicon's lines after its heading: each word as the number (0 to 9) of its first letters shared with the
    /// word before, then the rest (front coding: a third of the size once gzipped).
    /// </summary>
    private static (byte[] Letters, int[] Starts) Parse(TextReader reader)
    {
        var letters = new List<byte>(5_000_000);
        var starts = new List<int>(420_000);
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
