using System.Text;
using Scour.Matching;
using Scour.Output;
using Scour.Rewriting;

namespace Scour.Tests.Rewriting;

/// <summary>Expected results worked out by hand from the pattern and template.</summary>
public sealed class EditFinderTests
{
    private static string Rewrite(string text, string replacement, PatternOptions options, bool preserveCase = false, long? maxCount = null)
    {
        using var finder = new EditFinder(CompiledPattern.Compile(options), new Replacement(replacement), preserveCase, maxCount);
        var bytes = Encoding.UTF8.GetBytes(text);
        return Encoding.UTF8.GetString(TextEdit.Apply(bytes, finder.Find(bytes, CancellationToken.None)));
    }

    private static PatternOptions P(string pattern) => new() { Patterns = [pattern] };

    [Theory]
    [InlineData("foo bar\nfoofoo\n", "foo", "x", "x bar\nxx\n")]
    [InlineData("a1 b22\n", @"([a-z])(\d+)", "$2$1", "1a 22b\n")]
    [InlineData("a1 b22\n", @"(?P<l>[a-z])(?P<d>\d+)", "${d}_$l", "1_a 22_b\n")]
    [InlineData("cost 5\n", @"\d", "$$", "cost $\n")]
    [InlineData("one\ntwo\n", "^", "> ", "> one\n> two\n")]
    [InlineData("one\ntwo", "$", ";", "one;\ntwo")] // rg 15.2: no empty match at the end of an unterminated last line
    [InlineData("x\r\ny\r\n", "x", "z", "z\r\ny\r\n")]
    [InlineData("äöü\n", "ö", "o", "äoü\n")]
    [InlineData("abc\n", "", "-", "-a-b-c-\n")]
    public void Line_patterns(string text, string pattern, string replacement, string expected) =>
        Assert.Equal(expected, Rewrite(text, replacement, P(pattern)));

    [Fact]
    public void Word_regexp_leaves_parts_of_words_alone() =>
        Assert.Equal("x concat x-x\n", Rewrite("cat concat cat-cat\n", "x", P("cat") with { WordRegexp = true }));

    [Fact]
    public void Captures_with_word_regexp_still_number_from_the_pattern() =>
        Assert.Equal("b=a\n", Rewrite("a=b\n", "$3=$1", P(@"(\w)(=)(\w)") with { WordRegexp = true }));

    [Fact]
    public void Max_count_limits_the_lines_rewritten() =>
        Assert.Equal("x x\nx\nfoo\n", Rewrite("foo foo\nfoo\nfoo\n", "x", P("foo"), maxCount: 2));

    [Fact]
    public void Case_insensitive_with_preserved_case() =>
        Assert.Equal("bar Bar BAR\n", Rewrite("foo Foo FOO\n", "bar", P("foo") with { Case = CaseMode.Insensitive }, preserveCase: true));

    [Fact]
    public void Multiline_patterns_span_lines()
    {
        var options = P(@"foo\n\s*bar") with { Multiline = true };
        Assert.Equal("X\nbaz\n", Rewrite("foo\n   bar\nbaz\n", "X", options));
    }

    [Fact]
    public void Multiline_dot_needs_dotall_to_cross_lines()
    {
        Assert.Equal("a\nb\n", Rewrite("a\nb\n", "X", P("a.b") with { Multiline = true }));
        Assert.Equal("X\n", Rewrite("a\nb\n", "X", P("a.b") with { Multiline = true, MultilineDotAll = true }));
    }

    // As in Rust's regex (rg -U prints the same), ^ also matches at the very end after a final newline.
    [Fact]
    public void Multiline_anchors_are_line_anchors() =>
        Assert.Equal("# a\n# b\n# ", Rewrite("a\nb\n", "# ", P("^") with { Multiline = true }));

    [Fact]
    public void A_newline_in_a_pattern_needs_multiline() =>
        Assert.Throws<PatternSyntaxException>(() => CompiledPattern.Compile(P(@"a\nb")));

    [Fact]
    public void Replacements_equal_to_the_match_are_not_edits()
    {
        using var finder = new EditFinder(CompiledPattern.Compile(P("a")), new Replacement("a"), false, null);
        Assert.Empty(finder.Find("banana\n"u8.ToArray(), CancellationToken.None));
    }
}
