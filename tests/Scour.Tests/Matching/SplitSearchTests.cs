using System.Text;
using Scour.Matching;
using Scour.Matching.Automata;
using Scour.Matching.Syntax;

namespace Scour.Tests.Matching;

/// <summary>
/// The line DFA searches a long region in two halves at once (<c>LazyDfa.FindSplit</c>), which the other
/// matcher tests, on short texts, never reach: on seeded texts of many lines (ASCII, Cyrillic, CJK,
/// emoji, invalid bytes, empty lines), every matching line and its spans must be what the PikeVM alone
/// finds. A small DFA budget makes the cache clear mid-search, renumbering both halves' states.
/// </summary>
public class SplitSearchTests
{
    public static TheoryData<string, long?> Cases => new()
    {
        { "\\w{5}\\s+\\w{5}\\s+\\w{5}", null },
        { "\\w{12}", null },
        { "^$", null },
        { "^\\d+", null },
        { "[a-z]+$", null },
        { "\\p{Lu}\\p{Ll}+ \\p{Lu}", null },
        { "(?i)\\b\\w{3}\\b", null },
        { "\\B\\w{2}\\B", null },
        { "[^a-z ]{4}", null },
        { "\\b\\p{Cyrillic}+\\b", null },
        { "\\w{6}\\s\\w{6}", 64 * 1024 },
        { "(?i)\\w{3}\\W\\w{4}\\W\\w{3}", 64 * 1024 },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Halves_find_what_the_PikeVM_finds(string pattern, long? dfaBudget)
    {
        var compiled = CompiledPattern.Compile(new PatternOptions { Patterns = [pattern], DfaSizeLimit = dfaBudget });
        foreach (var seed in new[] { 1, 2, 3 })
        {
            var text = Text(seed);
            using var auto = compiled.CreateMatcher();
            using var pike = compiled.CreateMatcher(MatcherStrategy.PikeVm);
            Assert.Equal(MatcherSemanticsTests.Describe(pike, text), MatcherSemanticsTests.Describe(auto, text));
        }
    }

    [Theory]
    [InlineData("^\\d{4}\\b")]    // decided by the line's first byte
    [InlineData("\\d{4} pad$")]    // decided by the line's last bytes
    public void The_line_at_the_split_is_searched_whole(string pattern)
    {
        // Lines of one width, so the split falls on the start of a known line; only that line matches.
        var lines = Enumerable.Range(0, 400).Select(i => $"filler line {i,4} of forty-two b").ToList();
        var text = Encoding.UTF8.GetBytes(string.Join('\n', lines) + "\n");
        var mid = LineBounds.EndOf(text, text.Length / 2);
        var target = mid / (lines[0].Length + 1);
        lines[target] = "1234" + new string(' ', lines[0].Length - 12) + "1234 pad";
        text = Encoding.UTF8.GetBytes(string.Join('\n', lines) + "\n");
        using var matcher = CompiledPattern.Compile(new PatternOptions { Patterns = [pattern] }).CreateMatcher();
        matcher.SetRegion(text, 0, text.Length);
        Assert.True(matcher.NextMatchingLine(0, out var start, out _));
        Assert.Equal(mid, start);
    }

    [Fact]
    public void A_cache_cleared_mid_search_keeps_both_halves_states()
    {
        // Where the last a was ten bytes back: exponentially many states, which no small cache holds.
        var tree = RegexParser.Parse("a[ab]{9}bbbb", RegexFlags.Default);
        var nfa = NfaCompiler.TryCompile(tree)!;
        var classes = ByteClasses.For(nfa);
        var random = new Random(7);
        var text = Encoding.ASCII.GetBytes(string.Concat(Enumerable.Range(0, 2000).Select(_ => new string([.. Enumerable.Range(0, 60).Select(_ => random.Next(2) == 0 ? 'a' : 'b')]) + "\n")));
        var alone = new LazyDfa(nfa, classes, 64L << 20);
        var split = new LazyDfa(nfa, classes, 0); // the smallest budget there is
        var pos = 0;
        var matches = 0;
        while (pos < text.Length)
        {
            var expected = alone.Find(text, pos, endIsLineEnd: true, out var expectedAt);
            var mid = LineBounds.EndOf(text, pos + ((text.Length - pos) / 2));
            var actual = mid < text.Length ? split.FindSplit(text, pos, mid, endIsLineEnd: true, out var actualAt) : split.Find(text, pos, true, out actualAt);
            if (actual == DfaOutcome.GaveUp)
            {
                break; // the give-up rule: another engine takes over
            }

            Assert.Equal((expected, expectedAt), (actual, actualAt));
            if (expected != DfaOutcome.Match)
            {
                break;
            }

            matches++;
            pos = LineBounds.EndOf(text, expectedAt);
        }

        Assert.True(split.Clears > 0 && matches > 10, $"{split.Clears} clears, {matches} matches compared");
    }

    // Some 40 KB of lines of random words from several scripts; matches are rare for some patterns
    // (long words), frequent for others, so both halves end in every order.
    private static byte[] Text(int seed)
    {
        var random = new Random(seed);
        string[] words = ["alpha", "Beta", "gamma12", "supercalifragilistic", "Привет", "мир", "日本語", "😀", "x", "42", "ÉCOLE", "naïve", "under_score", "CamelCase", "zz"];
        var bytes = new List<byte>();
        while (bytes.Count < 40_000)
        {
            var count = random.Next(0, 12);
            for (var w = 0; w < count; w++)
            {
                if (w > 0)
                {
                    bytes.Add((byte)(random.Next(10) == 0 ? '\t' : ' '));
                }

                bytes.AddRange(random.Next(50) == 0 ? [0xFF] : Encoding.UTF8.GetBytes(words[random.Next(words.Length)]));
            }

            bytes.Add((byte)'\n');
        }

        if (seed == 2)
        {
            bytes.AddRange("last line without a terminator alpha"u8.ToArray());
        }

        return [.. bytes];
    }
}
