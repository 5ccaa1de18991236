using System.Globalization;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using ImpactAlliances.Core.Content;

namespace ImpactAlliances.Core.Tests.Content;

/// <summary>Dates of the front matter are read without the general parser when they can be: never with another outcome.</summary>
public sealed class FrontMatterDateFacts
{
    // Digits, dashes and what a date written by hand may hold instead.
    private static readonly string[] Pieces = ["0", "1", "2", "3", "9", "-", " ", "/", "a", "٣", "+", "2026", "12", "31", "02", "29", "00"];

    [Property(MaxTest = 2000)]
    public Property Any_text_is_read_as_the_exact_parser_reads_it() =>
        Prop.ForAll(Gen.ListOf(Gen.Elements(Pieces)).Select(string.Concat).ToArbitrary(), text => Agrees(text));

    [Property(MaxTest = 2000)]
    public Property Any_well_formed_date_is_read_as_the_exact_parser_reads_it() =>
        Prop.ForAll(Gen.Choose(0, 9999).ToArbitrary(), Gen.Choose(0, 13).ToArbitrary(), Gen.Choose(0, 32).ToArbitrary(),
            (year, month, day) => Agrees($"{year:D4}-{month:D2}-{day:D2}"));

    [Theory]
    [InlineData("2026-12-01", true)]
    [InlineData("2024-02-29", true)]
    [InlineData("2025-02-29", false)]
    [InlineData("0000-01-01", false)]
    [InlineData("2026-13-01", false)]
    [InlineData("2026-1-01", false)]
    [InlineData(" 2026-12-01", false)]
    public void A_date_is_valid_only_when_the_calendar_has_it(string text, bool valid)
    {
        Assert.Equal(valid, FrontMatterMapper.TryParseDate(text, out _));
        Assert.True(Agrees(text));
    }

    private static bool Agrees(string text) =>
        FrontMatterMapper.TryParseDate(text, out var fast)
            == DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var exact)
        && fast == exact;
}
