using ImpactAlliances.Core.Search;
using ImpactAlliances.Web.Search;

namespace ImpactAlliances.Web.Tests;

/// <summary>
/// The results page renders its notes' partial views only when they say something (<see cref="AllWordsNote.Says"/>,
/// <see cref="SearchState.SaysParameters"/>); the views read the same rules.
/// </summary>
public sealed class AllWordsNoteFacts
{
    private static SearchResult Result(int total, int? allWords, bool narrows = false, bool relaxed = false, int strict = 0) =>
        new("santé mentale des jeunes", total, 1, 20, SearchSort.Relevance, [], [])
        {
            AllWordsTotal = allWords,
            AllWordsNarrows = narrows,
            Relaxed = relaxed,
            StrictTotal = strict,
        };

    [Fact]
    public void The_note_says_how_many_hold_every_term_only_when_fewer_than_all_the_cases_counted_do()
    {
        var state = new SearchState { Query = "santé mentale des jeunes" };
        Assert.Equal(3, AllWordsNote.Holding(Result(10, 3)));
        Assert.Equal(0, AllWordsNote.Holding(Result(10, 0)));
        Assert.Null(AllWordsNote.Holding(Result(10, 10)));
        Assert.Null(AllWordsNote.Holding(Result(10, null)));
        // Widened from none holding enough of the words: the widened search's own note says it.
        Assert.Null(AllWordsNote.Holding(Result(10, 0, relaxed: true, strict: 0)));
        // Widened from some: they are the cases counted.
        Assert.Equal(2, AllWordsNote.Holding(Result(30, 2, relaxed: true, strict: 5)));
        Assert.True(AllWordsNote.Says(state, Result(10, 3)));
        Assert.False(AllWordsNote.Says(state, Result(10, 10)));
        Assert.False(AllWordsNote.Says(state, Result(0, null)));
    }

    [Fact]
    public void Every_term_required_is_said_only_when_it_narrows_the_search()
    {
        var all = new SearchState { Query = "santé mentale des jeunes", AllWords = true };
        Assert.True(AllWordsNote.Narrowed(all, Result(4, null, narrows: true)));
        Assert.True(AllWordsNote.Says(all, Result(0, null, narrows: true)));
        Assert.False(AllWordsNote.Says(all, Result(4, null, narrows: false)));
        // Without the option, narrowing is not said.
        Assert.False(AllWordsNote.Says(all with { AllWords = false }, Result(4, null, narrows: true)));
    }

    [Fact]
    public void A_state_says_its_parameters_only_when_one_was_left_out_or_its_years_run_backwards()
    {
        Assert.False(new SearchState { Query = "vélo", YearFrom = 2010, YearTo = 2020 }.SaysParameters);
        Assert.True(new SearchState { YearFrom = 2020, YearTo = 2010 }.SaysParameters);
        Assert.True(new SearchState { Unread = [new UnreadParameter(SearchState.YearFromKey, "20", null)] }.SaysParameters);
    }
}
