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
}
