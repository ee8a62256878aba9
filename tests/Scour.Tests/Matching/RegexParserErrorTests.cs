using Scour.Matching;
using Scour.Matching.Syntax;

namespace Scour.Tests.Matching;

/// <summary>
/// Rejected patterns and their messages. rg 15 wraps each pattern in <c>(?:...)</c> before parsing, so
/// each case is parsed that way; each expected message was captured from ripgrep 15.2.0
/// (`rg -e PATTERN`, after its "rg: " prefix), because editors match on this wording.
/// </summary>
public class RegexParserErrorTests
{
    [Theory]
    [InlineData("(foo", "    (?:(foo)\n    ^\nerror: unclosed group")]
    [InlineData("foo)", "    (?:foo))\n           ^\nerror: unopened group")]
    [InlineData("[abc", "    (?:[abc)\n       ^\nerror: unclosed character class")]
    [InlineData("a{2", "    (?:a{2)\n        ^^\nerror: unclosed counted repetition")]
    [InlineData("*a", "    (?:*a)\n       ^\nerror: repetition operator missing expression")]
    [InlineData("a\\y", "    (?:a\\y)\n        ^^\nerror: unrecognized escape sequence")]
    [InlineData("[z-a]", "    (?:[z-a])\n        ^^^\nerror: invalid character class range, the start must be <= the end")]
    [InlineData("a{2,1}", "    (?:a{2,1})\n        ^^^^^\nerror: invalid repetition count range, the start must be <= the end")]
    [InlineData("\\p{Foo}", "    (?:\\p{Foo})\n       ^^^^^^^\nerror: Unicode property not found")]
    [InlineData("(?z)", "    (?:(?z))\n         ^\nerror: unrecognized flag")]
    [InlineData("x{,3}", "    (?:x{,3})\n         ^\nerror: repetition quantifier expects a valid decimal")]
    [InlineData("\\x{110000}", "    (?:\\x{110000})\n          ^^^^^^\nerror: hexadecimal literal is not a Unicode scalar value")]
    [InlineData("(?P<n>a)(?P<n>b)", "    (?:(?P<n>a)(?P<n>b))\n           ^       ^\nerror: duplicate capture group name")]
    [InlineData("[]", "    (?:[])\n       ^^\nerror: unclosed character class")]
    [InlineData("[^]", "    (?:[^])\n       ^^^\nerror: unclosed character class")]
    [InlineData("[a", "    (?:[a)\n       ^\nerror: unclosed character class")]
    [InlineData("a{2,3", "    (?:a{2,3)\n        ^^^^\nerror: unclosed counted repetition")]
    [InlineData("(?-u:[é])", "    (?:(?-u:[é]))\n             ^\nerror: Unicode not allowed here")]
    public void Rejects_like_ripgrep(string pattern, string expectedTail)
    {
        var e = Assert.Throws<PatternSyntaxException>(() => RegexParser.Parse("(?:" + pattern + ")", RegexFlags.Default));
        Assert.Equal("regex parse error:\n" + expectedTail, e.Message);
    }

    // rg 15 accepts these (rg 13 rejected them): an empty class matches nothing; a non-ASCII literal
    // outside a class matches its UTF-8 bytes even with Unicode off.
    [Theory]
    [InlineData("[&&a]")]
    [InlineData("[a&&]")]
    [InlineData("(?-u:é)")]
    public void Accepts_what_rg_15_accepts(string pattern) => RegexParser.Parse(pattern, RegexFlags.Default);

    [Fact]
    public void Backreferences_suggest_pcre2()
    {
        var e = Assert.Throws<PatternSyntaxException>(() => RegexParser.Parse("(a)\\1", RegexFlags.Default));
        Assert.Contains("error: backreferences are not supported", e.Message, StringComparison.Ordinal);
        Assert.Contains("--pcre2", e.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("a\\nb")]
    [InlineData("[\\n]")]
    // Classes that match \n alone however they are written (each rejected by rg 15.2 as well).
    [InlineData("[\\n\\n]")]
    [InlineData("[\\n[\\n]]")]
    [InlineData("[\\s&&\\n]")]
    [InlineData("[\\n--a]")]
    [InlineData("[^\\x00-\\x09\\x0B-\\x{10FFFF}]")]
    [InlineData("a\\p{GCB=LF}")]
    // A \n among other branches is a literal unless every branch is one literal character (then rg
    // folds them into a class): each rejected by rg 15.2.
    [InlineData("o|\\n|ab")]
    [InlineData("(o)|\\n")]
    [InlineData("o|[\\n]|[ab]")]
    [InlineData("(?i)o|\\n")]
    [InlineData("\\n|\\n")]
    [InlineData("\\n?o")]
    public void A_literal_newline_is_rejected_in_line_mode(string pattern)
    {
        var e = Assert.Throws<PatternSyntaxException>(() => CompiledPattern.Compile(new PatternOptions { Patterns = [pattern] }));
        Assert.StartsWith("the literal \"\\n\" is not allowed in a regex", e.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("\\r|\\n", "\\n")] // rg strips \r from the class first, leaving \n alone
    [InlineData("\\r", "\\r")]
    [InlineData("\\r|\\r", "\\r")]
    public void Under_crlf_a_terminator_class_is_rejected_as_rg_rejects_it(string pattern, string named)
    {
        var e = Assert.Throws<PatternSyntaxException>(() => CompiledPattern.Compile(new PatternOptions { Patterns = [pattern], Crlf = true }));
        Assert.StartsWith($"the literal \"{named}\" is not allowed in a regex", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Under_crlf_a_class_of_cr_and_another_character_is_allowed() =>
        Assert.False(CompiledPattern.Compile(new PatternOptions { Patterns = ["\\r|o"], Crlf = true }).NeverMatches);

    [Theory]
    [InlineData("a**")]
    [InlineData("(?i)abc(?-i)def")]
    [InlineData("(?P<name>x)(?<other>y)")]
    [InlineData("[[:alpha:][:digit:]_-]+")]
    [InlineData("[]a]")]
    [InlineData("\\x41\\u0042\\U00000043\\x{1F600}")]
    [InlineData("(?x) a b # comment\n c")]
    [InlineData("a{99999}")]
    [InlineData("")]
    [InlineData("()|")]
    [InlineData("[\\n\\x0B]")]
    [InlineData("\\p{Cc}")]
    [InlineData("o|\\n")]
    [InlineData("(?:o)|\\n")]
    [InlineData("[\\n]|o")]
    [InlineData("(o|\\n)x")]
    public void Accepts_what_ripgrep_accepts(string pattern)
    {
        var compiled = CompiledPattern.Compile(new PatternOptions { Patterns = [pattern] });
        Assert.False(compiled.NeverMatches);
    }

    // The largest patterns rg 15.2 accepts under --regex-size-limit 1M (found by bisection): a{32761},
    // \w{20}, (?:ab|cd){4160}. Scour's estimate of the size keeps each on the same side of the limit,
    // with the next size past the margin refused.
    [Theory]
    [InlineData("a{30000}", true)]
    [InlineData("a{40000}", false)]
    [InlineData("\\w{20}", true)]
    [InlineData("\\w{25}", false)]
    [InlineData("(?:ab|cd){4000}", true)]
    [InlineData("(?:ab|cd){5000}", false)]
    [InlineData("x{40000}|y", false)]
    [InlineData("(?i)abc{40000}", false)]
    public void Size_limit_refuses_what_rg_refuses(string pattern, bool accepted)
    {
        var options = new PatternOptions { Patterns = [pattern], RegexSizeLimit = 1 << 20 };
        if (accepted)
        {
            Assert.False(CompiledPattern.Compile(options).NeverMatches);
            return;
        }

        var e = Assert.Throws<PatternSyntaxException>(() => CompiledPattern.Compile(options));
        Assert.Equal("compiled regex exceeds size limit of 1048576", e.Message);
    }

    // rg finds plain strings with its literal searchers alone: they are never too large.
    [Theory]
    [InlineData("aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa")]
    [InlineData("hello|world")]
    public void A_plain_string_is_never_too_large(string pattern) =>
        Assert.False(CompiledPattern.Compile(new PatternOptions { Patterns = [pattern], RegexSizeLimit = 10 }).NeverMatches);
}
