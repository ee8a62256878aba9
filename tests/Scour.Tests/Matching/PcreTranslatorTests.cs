using System.Text.RegularExpressions;
using Scour.Matching;
using Scour.Matching.Syntax;

namespace Scour.Tests.Matching;

/// <summary>PCRE2 constructs (-P) and what they must match, checked by hand against PCRE2's documentation.</summary>
public sealed class PcreTranslatorTests
{
    [Theory]
    [InlineData(@"(?P<word>ab)(?P=word)", "xabab", "abab")]
    [InlineData(@"a\Q.*\Eb", "a.*b a..b", "a.*b")]
    [InlineData(@"[\Q]\E]+", "x]]y", "]]")]
    [InlineData(@"\x{263A}", "smile ☺", "☺")]
    [InlineData(@"\x{1F600}", "emoji 😀", "😀")]
    [InlineData(@"a\hb", "a\tb", "a\tb")]
    [InlineData(@"a\Hb", "a-b a b", "a-b")]
    [InlineData(@"x\Ry", "x\r\ny", "x\r\ny")]
    [InlineData(@"[[:digit:]]+", "ab123", "123")]
    [InlineData(@"[[:alpha:][:digit:]]+", "-a1b-", "a1b")]
    [InlineData(@"[]a]+", "x]a]", "]a]")]
    [InlineData(@"(?<=foo)bar", "foobar", "bar")]
    [InlineData(@"(\w)\1", "abccd", "cc")]
    [InlineData(@"(?>a+)b", "aaab", "aaab")]
    [InlineData(@"\p{Greek}+", "abc αβγ", "αβγ")]
    [InlineData(@"\p{Lu}", "abC", "C")]
    public void Translates_to_a_regex_with_pcre2_semantics(string pattern, string input, string match) =>
        Assert.Equal(match, new Regex(PcreTranslator.Translate(pattern)).Match(input).Value);

    [Theory]
    [InlineData(@"a\Kb", "\\K")]
    [InlineData(@"(a(?R)?b)", "recursion")]
    [InlineData(@"(a)(?1)", "recursion")]
    [InlineData(@"(?&name)", "recursion")]
    [InlineData(@"a++", "possessive")]
    [InlineData(@"a{2}+", "possessive")]
    [InlineData(@"[[:nope:]]", "[:nope:]")]
    [InlineData(@"[\p{Greek}]", "inside a bracketed class")]
    public void Rejects_what_dotnet_cannot_do_by_name(string pattern, string named) =>
        Assert.Contains(named, Assert.Throws<PatternSyntaxException>(() => PcreTranslator.Translate(pattern)).Message, StringComparison.Ordinal);

    [Fact]
    public void Quantified_groups_and_lazy_quantifiers_are_not_mistaken_for_possessive()
    {
        Assert.Equal("(a)+", PcreTranslator.Translate("(a)+"));
        Assert.Equal("a+?", PcreTranslator.Translate("a+?"));
        Assert.Equal(@"\++", PcreTranslator.Translate(@"\++"));
    }

    [Theory]
    [InlineData(PatternEngine.Default, false)]
    [InlineData(PatternEngine.Auto, true)]
    [InlineData(PatternEngine.Backtracking, true)]
    public void Engines_decide_whether_lookaround_is_accepted(PatternEngine engine, bool accepted)
    {
        var options = new PatternOptions { Patterns = ["(?<=a)b"], Engine = engine };
        if (accepted)
        {
            var matcher = CompiledPattern.Compile(options).CreateLineMatcher();
            Assert.True(matcher.IsMatch("ab"u8));
            Assert.False(matcher.IsMatch("cb"u8));
        }
        else
        {
            Assert.Throws<PatternSyntaxException>(() => CompiledPattern.Compile(options));
        }
    }
}
