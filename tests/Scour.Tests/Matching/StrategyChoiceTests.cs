using Scour.Matching;

namespace Scour.Tests.Matching;

/// <summary>
/// Which line matcher <see cref="CompiledPattern.CreateMatcher()"/> chooses for a pattern (the table in
/// docs/engine.md): the strategies give the same answers, so only this says that the fast one runs.
/// </summary>
public class StrategyChoiceTests
{
    [Theory]
    [InlineData("hello", "", "LiteralLineMatcher")]
    [InlineData("foo|bar", "", "LiteralSetLineMatcher")]
    [InlineData("sherlock", "i", "CaselessLineMatcher")]
    [InlineData("x*", "", "EveryLineMatcher")]
    [InlineData("\\w{5}\\s+\\w{5}", "", "DfaLineMatcher")]
    [InlineData("foo\\w+bar", "", "DfaLineMatcher")]         // the required literal "foo" is not where matches end
    [InlineData("[a-z]+ing", "", "ReverseSuffixLineMatcher")]
    [InlineData("[a-z]+ing$", "", "ReverseSuffixLineMatcher")] // assertions after the suffix are the reverse DFA's
    [InlineData("[a-z]+ing", "w", "ReverseSuffixLineMatcher")]
    [InlineData("(\\w+)(ing)", "", "ReverseSuffixLineMatcher")] // groups do not move where a match ends
    [InlineData("[a-z]+ing", "i", "DfaLineMatcher")]          // a caseless suffix is not found exactly by its prefilter
    [InlineData("[a-z]+ing|x", "", "DfaLineMatcher")]
    [InlineData("\\A[a-z]+ing", "", "DfaLineMatcher")]        // a line is a text of its own: no prefilter
    public void Chooses(string pattern, string flags, string matcher)
    {
        var options = new PatternOptions
        {
            Patterns = [pattern],
            Case = flags.Contains('i', StringComparison.Ordinal) ? CaseMode.Insensitive : CaseMode.Sensitive,
            WordRegexp = flags.Contains('w', StringComparison.Ordinal),
        };
        using var chosen = CompiledPattern.Compile(options).CreateMatcher();
        Assert.Equal(matcher, chosen.GetType().Name);
    }
}
