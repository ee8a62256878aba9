using System.Text;
using Scour.Matching;
using Scour.Matching.Pcre2;

namespace Scour.Tests.Matching;

/// <summary>
/// The PCRE2 layer on its own: how rg 15 writes patterns for PCRE2 (escaping, smart case), and the
/// matcher's rules around the library (lines decided alone, matches found in context, the iteration
/// rule for empty matches, --crlf and --null-data subjects, groups, errors). Expectations are worked out
/// by hand from PCRE2's semantics and rg's source; the end-to-end agreement with rg -P is in the CLI's
/// Pcre2Tests. Tests that need the library skip without it, unless SCOUR_REQUIRE_ORACLES=1.
/// </summary>
public class Pcre2MatcherTests
{
    [Theory]
    [InlineData("a.b", "a\\.b")]
    [InlineData("(x)|[y]{2}^$#-", "\\(x\\)\\|\\[y\\]\\{2\\}\\^\\$\\#\\-")]
    [InlineData("a b", "a b")]
    public void Escape_quotes_pcre2_metacharacters(string literal, string escaped) =>
        Assert.Equal(escaped, Pcre2Syntax.Escape(literal));

    [Theory]
    [InlineData("hello", false)]
    [InlineData("Hello", true)]
    [InlineData("\\W\\S\\D", false)]
    [InlineData("\\p{Lu}", true)] // rg skips only the character after the backslash, so "L" counts
    [InlineData("\u00c9cole", true)]
    [InlineData("\\\u00c9", false)]
    [InlineData("\u00e9cole", false)]
    public void Smart_case_follows_rgs_rule(string pattern, bool upper) =>
        Assert.Equal(upper, Pcre2Syntax.HasUppercaseLiteral(pattern));

    [Pcre2Fact]
    public void The_pcre2_engine_is_chosen_and_reported()
    {
        Assert.Equal(PatternEngine.Pcre2, Compile("a(?=b)").Engine);
        Assert.Equal(PatternEngine.Backtracking, CompiledPattern.Compile(new PatternOptions { Patterns = ["a(?=b)"], Engine = PatternEngine.Backtracking }).Engine);
        Assert.Equal(PatternEngine.Pcre2, CompiledPattern.Compile(new PatternOptions { Patterns = ["a(?=b)"], Engine = PatternEngine.Auto }).Engine);
        Assert.Equal(PatternEngine.Default, CompiledPattern.Compile(new PatternOptions { Patterns = ["ab"], Engine = PatternEngine.Auto }).Engine);
        Assert.True(Pcre2Library.IsAvailable);
        Assert.Matches(@"^\d+\.\d+ ", Pcre2Library.Version);
        Assert.Null(Pcre2Library.UnavailableReason);
    }

    [Pcre2Fact]
    public void A_compile_error_has_the_offset_in_the_wrapped_pattern()
    {
        // -w wraps "(?:a()" in "(?<!\w)(?:" ... ")(?!\w)": the missing ')' is found at offset 23.
        var e = Assert.Throws<PatternSyntaxException>(() => Compile("a(", word: true));
        Assert.Equal("PCRE2: error compiling pattern at offset 23: missing closing parenthesis", e.Message);
    }

    [Pcre2Fact]
    public void Empty_matches_step_one_byte_and_skip_where_a_match_ended()
    {
        // "a*" on "baa": empty at 0, "aa" at 1-3, and the empty match at 3 (where "aa" ended) is skipped.
        Assert.Equal("0-0,1-3", Spans("a*", "baa"));
        // After an empty match the next search starts one byte on, even inside a character, and PCRE2
        // (MATCH_INVALID_UTF) finds an empty match there too: 0, 1 and 2 in "é" (confirmed with rg -P --json).
        Assert.Equal("0-0,1-1,2-2", Spans("x*", "\u00e9"));
    }

    [Pcre2Fact]
    public void A_line_is_decided_alone_but_its_matches_are_found_in_context()
    {
        using var matcher = Compile("(?<=\\s)\\w").CreateMatcher();
        var text = Encoding.UTF8.GetBytes("a b\nxy\n");
        matcher.SetRegion(text, 0, text.Length);
        Assert.True(matcher.NextMatchingLine(0, out var start, out var end));
        Assert.Equal((0, 4), (start, end));
        Assert.False(matcher.NextMatchingLine(4, out _, out _)); // "xy" alone has no whitespace before a word character
        var matches = new List<ByteRange>();
        matcher.FindAllInContext(text, 4, 7, matches);
        Assert.Equal([new ByteRange(0, 1)], matches); // with "a b\n" in view, the "x" after "\n" matches
    }

    [Pcre2Fact]
    public void With_crlf_only_a_whole_crlf_leaves_the_subject()
    {
        using var matcher = Compile("\\s$", crlf: true).CreateMatcher();
        var text = Encoding.ASCII.GetBytes("ab\r\ncd\n");
        matcher.SetRegion(text, 0, text.Length);
        // "ab" (its "\r\n" removed) does not end in whitespace; "cd\n" keeps its bare "\n", which does.
        Assert.True(matcher.NextMatchingLine(0, out var start, out _));
        Assert.Equal(4, start);
    }

    [Pcre2Fact]
    public void Null_data_records_are_matched_as_their_real_bytes()
    {
        // Input is read with NUL and "\n" exchanged; "\n" inside a record must still be a newline to PCRE2.
        using var matcher = Compile("^two", nullData: true).CreateMatcher();
        var swapped = Encoding.ASCII.GetBytes("one\0two\nthree\n");
        matcher.SetRegion(swapped, 0, swapped.Length);
        Assert.True(matcher.NextMatchingLine(0, out var start, out var end));
        Assert.Equal((0, 8), (start, end));
    }

    [Pcre2Fact]
    public void Groups_and_names_come_from_pcre2()
    {
        using var matcher = Compile("(?<first>\\w)(x)?(\\w)").CreateMatcher();
        var groups = new List<ByteRange[]>();
        matcher.FindAllGroups("ab"u8, groups, out var resolve);
        var match = Assert.Single(groups);
        Assert.Equal([new ByteRange(0, 2), new ByteRange(0, 1), new ByteRange(-1, -1), new ByteRange(1, 2)], match);
        Assert.Equal((1, -1), (resolve("first"), resolve("nope")));
    }

    [Pcre2Fact]
    public void A_runaway_match_fails_the_input_as_rg_reports_it()
    {
        using var matcher = Compile("(a+)+$").CreateMatcher();
        var line = Encoding.ASCII.GetBytes(new string('a', 40) + "b");
        var e = Assert.ThrowsAny<IOException>(() => matcher.IsMatch(line));
        Assert.Equal("PCRE2: error matching: match limit exceeded", e.Message);
    }

    [Pcre2Fact]
    public void Invalid_utf8_is_searched_and_never_matched_across()
    {
        using var matcher = Compile("o.").CreateMatcher();
        var matches = new List<ByteRange>();
        matcher.FindAll([(byte)'o', 0xFF, (byte)'o', (byte)'k'], matches);
        Assert.Equal([new ByteRange(2, 4)], matches);
    }

    private static CompiledPattern Compile(string pattern, bool word = false, bool crlf = false, bool nullData = false) =>
        CompiledPattern.Compile(new PatternOptions { Patterns = [pattern], Engine = PatternEngine.Pcre2, WordRegexp = word, Crlf = crlf, NullData = nullData });

    private static string Spans(string pattern, string text)
    {
        using var matcher = Compile(pattern).CreateMatcher();
        var matches = new List<ByteRange>();
        matcher.FindAll(Encoding.UTF8.GetBytes(text), matches);
        return string.Join(",", matches.Select(m => $"{m.Start}-{m.End}"));
    }
}

/// <summary>A fact that needs the PCRE2 library: skipped without it, failing instead when SCOUR_REQUIRE_ORACLES=1 (CI).</summary>
public sealed class Pcre2FactAttribute : FactAttribute
{
    public Pcre2FactAttribute()
    {
        if (!Pcre2Library.IsAvailable && Environment.GetEnvironmentVariable("SCOUR_REQUIRE_ORACLES") != "1")
        {
            Skip = $"the PCRE2 library is not available ({Pcre2Library.UnavailableReason}); apt-get install libpcre2-8-0";
        }
    }
}
