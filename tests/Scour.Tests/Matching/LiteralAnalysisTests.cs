using Scour.Matching;
using Scour.Matching.Literals;
using Scour.Matching.Syntax;

namespace Scour.Tests.Matching;

public class LiteralAnalysisTests
{
    private static RegexNode Parse(string pattern, bool ignoreCase = false) =>
        RegexParser.Parse(pattern, RegexFlags.Default with { CaseInsensitive = ignoreCase });

    [Theory]
    [InlineData("PM_RESUME", "PM_RESUME")]
    [InlineData("(?:abc)", "abc")]
    [InlineData("(abc)", null)]
    [InlineData("a\\.b", "a.b")]
    [InlineData("\\bfoo\\b", null)]
    [InlineData("fo+", null)]
    [InlineData("a|b", null)]
    public void Exact_literal_only_for_plain_strings(string pattern, string? expected) =>
        Assert.Equal(expected, LiteralAnalysis.ExactLiteral(Parse(pattern)));

    [Theory]
    [InlineData("\\w+\\s+Holmes\\s+\\w+", "Holmes")]
    [InlineData("[A-Z]+_RESUME", "_RESUME")]
    [InlineData("ERR_SYS|PME_TURN_OFF|LINK_REQ_RST", "ERR_SYS,LINK_REQ_RST,PME_TURN_OFF")]
    [InlineData("foo\\d+barbaz", "barbaz")]
    [InlineData("(a|b)cde", "acde,bcde")]
    [InlineData("x(?:yz)+", "yz")]
    [InlineData("\\w{5}\\s+\\w{5}", null)]
    [InlineData("a?bc|d", "bc,d")]
    public void Required_literals_come_from_anywhere_in_the_pattern(string pattern, string? expected)
    {
        var required = LiteralAnalysis.Required(Parse(pattern));
        var actual = required is null ? null : string.Join(",", required.Strings.Order(StringComparer.Ordinal));
        Assert.Equal(expected, actual);
    }

    [Fact]
    public void Case_insensitive_literals_are_marked()
    {
        var required = LiteralAnalysis.Required(Parse("sherlock", ignoreCase: true));
        Assert.NotNull(required);
        Assert.True(required.CaseInsensitive);
        Assert.Equal(["sherlock"], required.Strings);
    }
    [Theory]
    [InlineData("\\w+ing\\b", true)]
    [InlineData("[a-z]{3,}ed", true)]
    [InlineData("\\w*ing", true)]
    [InlineData("(\\w+?)(ing)$", true)]
    [InlineData("\\pL+ing", true)]
    [InlineData(".+ing", true)]
    [InlineData(".ing|...ingding", false)] // an alternation: the leftmost match may end at a later "ing"
    [InlineData("\\b\\w+ing", false)]    // an assertion before the run could fail at each of its starts
    [InlineData("\\w{1,5}ing", false)]     // a bounded run: an earlier start may need a later occurrence
    [InlineData("\\w{16,}ing", true)]
    [InlineData("\\w{17,}ing", false)]     // each occurrence after a shorter run would be searched back that far
    [InlineData("a\\w+ing", false)]
    [InlineData("\\w+\\d+ing", false)]
    [InlineData("(?:ab)+ing", false)]
    [InlineData("\\w+(?i:ing)", false)]
    [InlineData("ing", false)]
    public void Spans_come_from_the_suffix_only_after_one_unbounded_class(string pattern, bool expected) =>
        Assert.Equal(expected, LiteralAnalysis.IsRepeatedClassThenSuffix(Parse(pattern)));
}
