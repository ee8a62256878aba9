using System.Text;
using Scour.Matching;
using Scour.Matching.Lines;

namespace Scour.Tests.Matching;

/// <summary>
/// What patterns match, run against every matcher strategy (the one chosen for the pattern: a literal
/// search, a prefilter, the case-insensitive strings on bytes; the lazy DFA; the PikeVM) so that no fast
/// path can disagree with the exact engine. Expectations are written
/// by hand from Rust regex semantics; the non-obvious ones (case folding, empty matches, -w, invalid UTF-8, astral characters) were confirmed with rg 13.
/// </summary>
public class MatcherSemanticsTests
{
    internal static readonly MatcherStrategy[] Strategies =
        [MatcherStrategy.Auto, MatcherStrategy.Dfa, MatcherStrategy.PikeVm];

    public static TheoryData<string, string, string, string> Cases => new()
    {
        // pattern, options (i=ignore case, w=word, x=line, F=fixed, S=smart), text, expected "line:start-end;..." of FindAll on matching lines
        { "hello", "", "say hello\nno\nhello hello\n", "1:4-9|3:0-5,6-11" },
        { "hel+o", "", "heo\nhelllo\n", "2:0-6" },
        { "a|b", "", "xyz\ncab\n", "2:1-2,2-3" },
        { "Марк|Оскар|Максим", "", "марк\nМ М Ма Оскар\nx Максим Марк\nМаркс\n", "2:11-21|3:2-14,15-23|4:0-8" },
        { "Жук|Ёж", "", "ЖЖук\nЁЁж\nЖу\n", "1:2-8|2:2-6" },
        { "ΑΒΓ|Ω", "", "αβγ ΑΒΓΩ\nΩ\n", "1:7-13,13-15|2:0-2" },
        { "foo|foobar", "", "foobar\n", "1:0-3" },
        { "abc|bcd", "", "abcd\nxbcd\n", "1:0-3|2:1-4" },
        { "bcd|abc", "", "abcd\n", "1:0-3" },
        { "Holmes|Watson|Adler", "", "Watson and Holmes\nAdlerHolmes\nHolme\n", "1:0-6,11-17|2:0-5,5-11" },
        { "Оскар Уайльд|Марк Твен", "", "Марк Твен и Оскар Уайльд\nОскар Уайль\n", "1:0-17,21-44" },
        { "(?:abc|xyz)", "", "xyzabc\n", "1:0-3,3-6" },
        { "оскар уайльд|марк твен", "i", "МАРК ТВЕН и Оскар Уайльд\nмарк твеН\nОскар\n", "1:0-17,21-44|2:0-17" },
        { "holmes|watson", "i", "HOLMES and Watson\nwatsoN\nholm\n", "1:0-6,11-17|2:0-6" },
        { "sherlock|holmes", "i", "\u017FHERLOCK HOLME\u017F\n", "1:0-9,10-17" },
        { "\\bcat\\b", "", "cat\nconcat\nthe cat sat\n", "1:0-3|3:4-7" },
        // Lines after a character outside the BMP (from the kernel's pinctrl-amd.c; spans as rg --json gives
        // them): .NET's NonBacktracking engine, scanning the three lines at once, lost the second.
        { ".*.*=.*;", "", "\t\t\t\tseq_printf(s, \"%s (\U0001F551 %sus)|\", debounce_enable, debounce_value);\n\tstruct gpio_chip *gc = irq_data_get_irq_chip_data(d);\n\tstruct amd_gpio *gpio_dev = gpiochip_get_data(gc);\n", "2:0-54|3:0-51" },
        { "^abc", "", "abc\nxabc\n", "1:0-3" },
        // --null-data (z), in the exchanged text the searcher gives the matcher (a record's \n is NUL): as
        // rg's, ^ and $ also hold at a \n inside a record (confirmed with rg 15.2 on the original bytes).
        { "^b", "z", "a\0b\nb\n", "1:2-3|2:0-1" },
        { "a$", "z", "a\0b\nxa\n", "1:0-1|2:1-2" },
        { "^\\w$", "z", "a\0b\nc d\n", "1:0-1,2-3" },
        { "b", "xz", "a\0b\nab\n", "1:2-3" },
        { "^$", "z", "a\0\0b\n", "1:2-2" },
        { "abc$", "", "xabc\nabcx\n", "1:1-4" },
        { "end$", "", "the end\r\n", "" },
        { "hello", "i", "HeLLo\nhelo\n", "1:0-5" },
        { "k", "i", "K\n\u212A\nx\n", "1:0-1|2:0-3" },
        { "s", "i", "\u017F\n", "1:0-2" },
        { "σ", "i", "Σ ς\n", "1:0-2,3-5" },
        { "kelvin", "i", "\u212Aelvin\nKELVIN\nx\n", "1:0-8|2:0-6" },
        { "шерлок холмс", "i", "ШЕРЛОК ХОЛМС\nшерлок\nШерлок Холмс!\n", "1:0-23|3:0-23" },
        { "ab|cd|ef|gh|ij|kl", "", "xx\nzij\n", "2:1-3" },
        { "ab|cd|ef|gh|ij|kl", "i", "XX\nzIJ\n", "2:1-3" },
        { "Hello", "S", "hello\nHello\n", "2:0-5" },
        { "hello", "S", "HELLO\n", "1:0-5" },
        { "\\pL+", "", "abc 123 été\n", "1:0-3,8-13" },
        { "\\d+", "", "a1b22\n", "1:1-2,3-5" },
        { "\\w+", "", "é_1 x\n", "1:0-4,5-6" },
        { "a.c", "", "abc\na\u00e9c\na😀c\n", "1:0-3|2:0-4|3:0-6" },
        { "caf.", "", "raw:caf\xE9\n", "" },
        { "x*", "", "ab\n", "1:0-0,1-1,2-2" },
        { "a*", "", "ab\n", "1:0-1,2-2" },
        { "", "", "ab\n\nc", "1:0-0,1-1,2-2|2:0-0|3:0-0,1-1" },
        { "", "x", "a\n\nb\n", "2:0-0" },
        { "x|", "", "ax\n", "1:0-0,1-2" },
        { "sherlock", "i", "\u017FherlocK\nSHERLOCK\n\u017Fherloc\u212A\nsherlok\n", "1:0-9|2:0-8|3:0-11" },
        { "пословица", "i", "ПОСЛОВИЦА\nпоСЛовиЦа!\nпословиц\n", "1:0-18|2:0-18" },
        { "foo", "w", "foo foo\nfoo-foo\nfoobar\n", "1:0-3,4-7|2:0-3,4-7" },
        { "o", "w", "hello world\n", "" },
        { "foo bar", "x", "foo bar\nfoo bar baz\n", "1:0-7" },
        { "a.b", "F", "a.b\naxb\n", "1:0-3" },
        { "(x", "F", "(x)\n", "1:0-2" },
        { "[^a]", "", "a\nb\n", "2:0-1" },
        { "\\W", "", "a b\n", "1:1-2" },
        { "[[:digit:]]+", "", "abc 42\n", "1:4-6" },
        { "(?i)abc(?-i)DEF", "", "ABCDEF\nabcdef\n", "1:0-6" },
        { "\\x{1F600}", "", "😀\n", "1:0-4" },
        { "\\p{Greek}+", "", "abc αβγ 𐅀\n", "1:4-10,11-15" },
        { "\\p{Greek}", "", "abc\nxyz\n", "" },                  // ASCII text: the ASCII-only regex scans it
        { "\\W+", "", "a-b\nab\n", "1:1-2" },
        { "[^a]", "", "a\nab\n", "2:1-2" },
        { "\\x{212A}", "i", "k\nK\nx\n", "1:0-1|2:0-1" },        // KELVIN SIGN ignoring case still finds k
        { "é|x", "", "ab\nx\n", "2:0-1" },
        { "\\p{sc=Cyrl}", "", "x\nя\n", "2:0-2" },
        { "[a-c&&b]", "", "abc\n", "1:1-2" },
        { "\\<foo", "", "xfoo\nfoo\n", "2:0-3" },
        { "foo\\>", "", "foox\nfoo\n", "2:0-3" },
        { "\\b{start}a", "", "ba\na\n", "2:0-1" },
        { "a\\b{end}", "", "ab\na\n", "2:0-1" },
        { "\\b{start-half}é", "", "xé\n é\n", "2:1-3" },
        { "o\\b{end-half}", "", "ox\no.\n", "2:0-1" },
        { "[a-z--[aeiou]]", "", "ab\n", "1:1-2" },
        { "(?i)[A-Z&&[^B]]", "", "b\nc\n", "2:0-1" },
        { "[\\w~~\\d]", "", "1a\n", "1:1-2" },
        { "[^a&&a]", "", "a\nb\n", "2:0-1" },
        { "[a[^a-y]]", "", "b\nz\n", "2:0-1" },
        { "[\\p{Greek}&&\\pL]", "", "a\nβ\n", "2:0-2" },

        // Spans found from a suffix literal: greedy and lazy runs, an occurrence that ends no match, and
        // an alternation whose leftmost-first match ends at the second "ing" (by hand, as Python's re and
        // GNU grep -o; rg 15.2 prints "cing" and "ding" here, see docs/compatibility.md).
        { "[a-z]+ing", "", "tingling\n", "1:0-8" },
        { "\\w+ing\\b", "", "singing rings ingx\n", "1:0-7" },
        { "\\w+?ing", "", "singinging\n", "1:0-4,4-10" },
        { ".ing|...ingding", "", "abcingding\n", "1:0-10" },
        { "(?:.|...ingd)ing", "", "abcingding\n", "1:0-10" },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Every_strategy_finds_the_same_matches(string pattern, string options, string text, string expected)
    {
        var compiled = Compile(pattern, options);

        // "raw:" texts are bytes (one per char), to put invalid UTF-8 in a line on purpose.
        var bytes = text.StartsWith("raw:", StringComparison.Ordinal) ? Encoding.Latin1.GetBytes(text[4..]) : Encoding.UTF8.GetBytes(text);

        foreach (var strategy in Strategies)
        {
            using var matcher = compiled.CreateMatcher(strategy);
            Assert.Equal(expected, Describe(matcher, bytes));

            // -c counts the same lines without reporting them.
            matcher.SetRegion(bytes, 0, bytes.Length);
            Assert.Equal(expected.Length == 0 ? 0 : expected.Split('|').Length, matcher.CountMatchingLines(0, bytes.Length));
        }
    }

    private static CompiledPattern Compile(string pattern, string options) =>
        CompiledPattern.Compile(new PatternOptions
        {
            Patterns = [pattern],
            Case = options.Contains('i') ? CaseMode.Insensitive : options.Contains('S') ? CaseMode.Smart : CaseMode.Sensitive,
            WordRegexp = options.Contains('w'),
            LineRegexp = options.Contains('x'),
            FixedStrings = options.Contains('F'),
            NullData = options.Contains('z'),
        });

    /// <summary>Runs NextMatchingLine over the text as one region and FindAll on each matching line.</summary>
    internal static string Describe(LineMatcher matcher, byte[] bytes)
    {
        matcher.SetRegion(bytes, 0, bytes.Length);
        var parts = new List<string>();
        var pos = 0;
        while (pos < bytes.Length && matcher.NextMatchingLine(pos, out var start, out var end))
        {
            var lineNumber = bytes.AsSpan(0, start).Count((byte)'\n') + 1;
            var content = bytes.AsSpan(start, end - start);
            if (content.Length > 0 && content[^1] == '\n')
            {
                content = content[..^1];
            }

            Assert.True(matcher.IsMatch(content));
            var matches = new List<ByteRange>();
            matcher.FindAll(content, matches);
            parts.Add($"{lineNumber}:" + string.Join(",", matches.Select(m => $"{m.Start}-{m.End}")));
            pos = end;
        }

        return string.Join("|", parts);
    }
}
