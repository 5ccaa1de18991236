using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using ImpactAlliances.Core.Analysis;

namespace ImpactAlliances.Core.Tests.Analysis;

/// <summary>
/// The letter test that spares the spelling correction most of its edit distances never turns away a word within reach:
/// for any two words it rejects, the distance is beyond the edits allowed.
/// </summary>
public sealed class ClosestMatchFacts
{
    // Few letters, so that many pairs are close; accents, a digit and a letter sharing its bit with another (p and 0).
    private static readonly char[] Alphabet = ['a', 'e', 'é', 'i', 'n', 'o', 'p', 'r', 's', 't', '0', 'œ'];

    private static Gen<string> Words() => Gen.ArrayOf(Gen.Elements(Alphabet)).Select(letters => new string(letters));

    // A word and one made from it by a few edits: a letter inserted, removed, replaced, or two neighbours swapped.
    private static Gen<(string Word, string Edited, int Edits)> Edited() =>
        from word in Words()
        from edits in Gen.ListOf(from kind in Gen.Choose(0, 3) from at in Gen.Choose(0, 40) from letter in Gen.Elements(Alphabet) select (kind, at, letter))
        select (word, edits.Aggregate(word, Edit), edits.Count);

    private static string Edit(string word, (int Kind, int Where, char Letter) edit)
    {
        var at = word.Length == 0 ? 0 : edit.Where % word.Length;
        return edit.Kind switch
        {
            0 => word.Insert(at, edit.Letter.ToString()),
            _ when word.Length == 0 => word,
            1 => word.Remove(at, 1),
            2 => string.Concat(word.AsSpan(0, at), edit.Letter.ToString(), word.AsSpan(at + 1)),
            _ when at + 1 < word.Length => string.Concat(word.AsSpan(0, at), word[at + 1].ToString(), word[at].ToString(), word.AsSpan(at + 2)),
            _ => word,
        };
    }

    [Property(MaxTest = 2000)]
    public Property A_word_a_few_edits_away_is_never_turned_away() =>
        Prop.ForAll(Edited().ToArbitrary(), sample =>
            ClosestMatch.MayBeWithin(ClosestMatch.Letters(sample.Word), ClosestMatch.Letters(sample.Edited), sample.Edits));

    [Property(MaxTest = 2000)]
    public Property A_word_turned_away_is_beyond_the_edits_allowed() =>
        Prop.ForAll(Words().ToArbitrary(), Words().ToArbitrary(), Gen.Choose(0, 3).ToArbitrary(), (a, b, maxEdits) =>
            ClosestMatch.MayBeWithin(ClosestMatch.Letters(a), ClosestMatch.Letters(b), maxEdits) || ClosestMatch.Distance(a, b, maxEdits) > maxEdits);

    [Fact]
    public void Words_whose_letters_differ_too_much_are_turned_away()
    {
        Assert.True(ClosestMatch.MayBeWithin(ClosestMatch.Letters("insertion"), ClosestMatch.Letters("insertoin"), 1));
        Assert.True(ClosestMatch.MayBeWithin(ClosestMatch.Letters("polution"), ClosestMatch.Letters("pollution"), 1));
        Assert.False(ClosestMatch.MayBeWithin(ClosestMatch.Letters("mobilite"), ClosestMatch.Letters("insertion"), 2));
    }
}
