using System.Buffers;
using System.Text;
using System.Text.Json;
using Scour.Matching;
using Xunit.Abstractions;

namespace Scour.Tests.Matching;

/// <summary>
/// The Rust regex crate's own test suite (its <c>testdata/*.toml</c>, converted to
/// <c>RustRegexTests.json</c> by <c>eng/import-rust-regex-tests.py</c>), run against every matcher
/// strategy. Each case Scour can express as a line search is compiled and searched as one line: whether
/// it matches (IsMatch, and NextMatchingLine over the line with its terminator), every match (FindAll,
/// leftmost-first like Rust's find_iter) and, when the test lists them, the capture groups
/// (FindAllGroups, like captures_iter). A case is skipped as the regex crate's own harness for its
/// single-pattern <c>Regex</c> skips it (several patterns, non-leftmost searches or match kinds, explicit
/// bounds, anchored searches other than for one match, utf8 = false), and when it needs what a line
/// matcher cannot do (a <c>\n</c> in the haystack or the pattern, another line terminator). Every skip
/// is counted by reason in <see cref="Enough_cases_are_runnable"/>.
/// </summary>
public class RustRegexTestData(ITestOutputHelper output)
{
    /// <summary>
    /// Cases Scour deliberately answers differently, skipped: "group/name" (as the failure lists print
    /// it) mapped to why. Add one only for a difference that is by design (rg's dialect, a line
    /// matcher's limits), never to hide a bug, e.g.
    /// <c>["crlf/basic"] = "(?R) is not in rg's dialect",</c>.
    /// </summary>
    private static readonly Dictionary<string, string> KnownDifferences = new(StringComparer.Ordinal);

    // The import has 899 runnable cases of 1203 (fowler/* alone 341); far fewer means the filter or the
    // data broke, not that Scour got better.
    private const int MinimumRunnable = 800;
    private const int FailuresShown = 50;

    private const string SkipPatterns = "not one pattern (regex sets: Scour joins patterns with '|')";
    private const string SkipSearchKind = "search-kind other than leftmost (earliest, overlapping)";
    private const string SkipMatchKind = "match-kind other than leftmost-first";
    private const string SkipAnchored = "anchored search with match-limit other than 1";
    private const string SkipBounds = "search bounds other than the whole haystack";
    private const string SkipLineTerminator = "line-terminator other than \\n";
    private const string SkipNewlineHaystack = "haystack contains \\n (Scour matches lines)";
    private const string SkipNewlinePattern = "pattern needs \\n (rejected in line mode)";
    private const string SkipRegexLite = "regex-lite's semantics (ASCII-only Perl classes and case folding)";
    private const string SkipKnown = "known difference (KnownDifferences)";

    private static readonly ByteRange NoGroup = new(-1, -1);

    private static readonly Lazy<Suite> Data = new(Load);

    public static TheoryData<string> StrategyNames
    {
        get
        {
            var data = new TheoryData<string>();
            foreach (var strategy in MatcherSemanticsTests.Strategies)
            {
                data.Add(strategy.ToString());
            }

            return data;
        }
    }

    [Theory]
    [MemberData(nameof(StrategyNames))]
    public void Every_strategy_matches_as_the_regex_crate(string strategyName)
    {
        var strategy = Enum.Parse<MatcherStrategy>(strategyName);
        var suite = Data.Value;
        var failures = new List<string>();
        foreach (var compiled in suite.Runnable)
        {
            string? problem;
            try
            {
                problem = Check(compiled, strategy);
            }
            catch (Exception e)
            {
                problem = $"threw {e.GetType().Name}: {e.Message}";
            }

            if (problem is not null)
            {
                var line = $"{Describe(compiled.Case)}: {problem}";
                failures.Add(line);
                output.WriteLine(line);
            }
        }

        if (failures.Count > 0)
        {
            Assert.Fail(
                $"{failures.Count} of {suite.Runnable.Count} cases of the Rust regex test suite fail with the {strategy} strategy " +
                $"(the first {Math.Min(failures.Count, FailuresShown)} below, all in the test output; a difference by design goes in KnownDifferences):\n" +
                string.Join("\n", failures.Take(FailuresShown)));
        }
    }

    [Fact]
    public void Enough_cases_are_runnable()
    {
        var suite = Data.Value;
        output.WriteLine($"{suite.Total} tests, {suite.Runnable.Count} runnable");
        foreach (var (reason, count) in suite.Skipped.OrderByDescending(p => p.Value))
        {
            output.WriteLine($"skipped {count}: {reason}");
        }

        Assert.Equal(suite.Total, suite.Runnable.Count + suite.Skipped.Values.Sum());
        Assert.True(suite.Runnable.Count >= MinimumRunnable, $"only {suite.Runnable.Count} of {suite.Total} cases are runnable (expected at least {MinimumRunnable})");

        var stale = KnownDifferences.Keys.Where(id => !suite.Ids.Contains(id)).ToList();
        Assert.True(stale.Count == 0, "KnownDifferences names cases that are not in the data: " + string.Join(", ", stale));
    }

    /// <summary>One test of the suite: a single pattern searched in a haystack.</summary>
    private sealed record TestCase(
        string Id, string Regex, byte[] Haystack, bool CaseInsensitive, bool Unicode, bool Utf8, int? MatchLimit, bool Compiles, IReadOnlyList<ByteRange[]> Expected);

    /// <summary>A runnable case with its compiled pattern, or why it did not compile (<c>Crashed</c>: not with a <see cref="PatternSyntaxException"/>).</summary>
    private sealed record CompiledCase(TestCase Case, CompiledPattern? Pattern, string? Error, bool Crashed);

    private sealed record Suite(int Total, IReadOnlyList<CompiledCase> Runnable, IReadOnlyDictionary<string, int> Skipped, IReadOnlySet<string> Ids);

    /// <summary>Null when the matcher with <paramref name="strategy"/> does what the regex crate does, else what differs.</summary>
    private static string? Check(CompiledCase compiled, MatcherStrategy strategy)
    {
        var c = compiled.Case;
        if (!c.Compiles)
        {
            return compiled.Pattern is not null ? "compiles, but the regex crate rejects it"
                : compiled.Crashed ? $"does not compile, but not with a PatternSyntaxException: {compiled.Error}"
                : null;
        }

        if (compiled.Pattern is not { } pattern)
        {
            return $"does not compile: {compiled.Error}";
        }

        var limit = c.MatchLimit ?? int.MaxValue;
        var expected = c.Expected.Take(limit).ToList();
        var problems = new List<string>();
        using var matcher = pattern.CreateMatcher(strategy);

        // The haystack as a line of a region, with its terminator.
        var buffer = new byte[c.Haystack.Length + 1];
        c.Haystack.CopyTo(buffer, 0);
        buffer[^1] = (byte)'\n';
        matcher.SetRegion(buffer, 0, buffer.Length);
        var found = matcher.NextMatchingLine(0, out var lineStart, out var lineEnd);
        if (found != (expected.Count > 0) || (found && (lineStart, lineEnd) != (0, buffer.Length)))
        {
            problems.Add(found ? $"NextMatchingLine found {lineStart}-{lineEnd}" : "NextMatchingLine found no line");
        }

        matcher.SetRegion(buffer, 0, buffer.Length);
        var count = matcher.CountMatchingLines(0, buffer.Length);
        if (count != (expected.Count > 0 ? 1 : 0))
        {
            problems.Add($"CountMatchingLines {count}");
        }

        var isMatch = matcher.IsMatch(c.Haystack);
        if (isMatch != (expected.Count > 0))
        {
            problems.Add($"IsMatch {isMatch}");
        }

        // rg builds its regex with utf8_empty off: an empty match may fall inside a character, and rg
        // 15.2 reports those (`rg --json 'x*'` on "aéb" has a match at offset 2). The suite's cases
        // that run in the regex crate's UTF-8 mode (utf8 = true), whose iterator skips them, skip them
        // here; the others are rg's own configuration.
        var spans = new List<ByteRange>();
        matcher.FindAll(c.Haystack, spans);
        var firstSpans = spans.Where(s => !c.Utf8 || !SplitsCharacter(c.Haystack, s)).Take(limit).ToList();
        if (!firstSpans.SequenceEqual(expected.Select(m => m[0])))
        {
            problems.Add($"FindAll {Show(firstSpans.Select(s => new[] { s }))}");
        }

        var groups = new List<ByteRange[]>();
        matcher.FindAllGroups(c.Haystack, groups, out _);
        var firstGroups = groups.Where(g => !c.Utf8 || !SplitsCharacter(c.Haystack, g[0])).Take(limit).ToList();
        if (!SameGroups(expected, firstGroups))
        {
            problems.Add($"FindAllGroups {Show(firstGroups)}");
        }

        return problems.Count == 0 ? null : $"expected {Show(expected)}; got " + string.Join("; ", problems);
    }

    // An empty match before a continuation byte (regex-automata's notion of a character boundary).
    private static bool SplitsCharacter(byte[] haystack, ByteRange match) =>
        match.Length == 0 && match.Start < haystack.Length && haystack[match.Start] is >= 0x80 and <= 0xBF;

    // Group 0 only where the test gives only the match, every group where it gives the groups.
    private static bool SameGroups(List<ByteRange[]> expected, List<ByteRange[]> actual)
    {
        if (expected.Count != actual.Count)
        {
            return false;
        }

        for (var i = 0; i < expected.Count; i++)
        {
            var want = expected[i];
            var got = actual[i];
            var same = want.Length == 1 ? got.Length > 0 && got[0] == want[0] : want.SequenceEqual(got);
            if (!same)
            {
                return false;
            }
        }

        return true;
    }

    private static Suite Load()
    {
        var path = Path.Combine(AppContext.BaseDirectory, "Matching", "RustRegexTests.json");
        using var document = JsonDocument.Parse(File.ReadAllBytes(path));
        var total = 0;
        var runnable = new List<CompiledCase>();
        var skipped = new Dictionary<string, int>(StringComparer.Ordinal);
        var ids = new HashSet<string>(StringComparer.Ordinal);
        void Skip(string why) => skipped[why] = skipped.GetValueOrDefault(why) + 1;

        foreach (var test in document.RootElement.EnumerateArray())
        {
            total++;
            var group = Text(test, "group");
            var id = group + "/" + Text(test, "name");
            ids.Add(id);
            var regexes = test.GetProperty("regex").EnumerateArray().Select(r => r.GetString() ?? string.Empty).ToList();
            var haystack = test.TryGetProperty("haystackBytes", out var raw)
                ? raw.EnumerateArray().Select(b => b.GetByte()).ToArray()
                : Encoding.UTF8.GetBytes(Text(test, "haystack"));
            var options = test.GetProperty("options");
            var matchLimit = options.TryGetProperty("match-limit", out var limit) ? limit.GetInt32() : (int?)null;

            var reason =
                group == "regex-lite" ? SkipRegexLite
                : regexes.Count != 1 ? SkipPatterns
                : (Option(options, "search-kind") ?? "leftmost") != "leftmost" ? SkipSearchKind
                : (Option(options, "match-kind") ?? "leftmost-first") != "leftmost-first" ? SkipMatchKind
                // As the regex crate's harness: an anchored search for one match is the first match of an unanchored one.
                : Flag(options, "anchored", false) && matchLimit != 1 ? SkipAnchored
                : !BoundsAreWhole(options, haystack.Length) ? SkipBounds
                : options.TryGetProperty("line-terminator", out _) ? SkipLineTerminator
                : haystack.AsSpan().Contains((byte)'\n') ? SkipNewlineHaystack
                : KnownDifferences.ContainsKey(id) ? SkipKnown
                : null;
            if (reason is not null)
            {
                Skip(reason);
                continue;
            }

            var expected = test.GetProperty("matches").EnumerateArray()
                .Select(m => m.EnumerateArray().Select(ToRange).ToArray())
                .ToList();
            var c = new TestCase(
                id,
                regexes[0],
                haystack,
                Flag(options, "case-insensitive", false),
                Flag(options, "unicode", true),
                Flag(options, "utf8", true),
                matchLimit,
                Flag(options, "compiles", true),
                expected);

            CompiledPattern? pattern = null;
            string? error = null;
            var crashed = false;
            try
            {
                // The suite assumes the regex crate's defaults, where multi-line mode is off; rg's dialect
                // (Scour's) turns it on, so each pattern first turns it off.
                pattern = CompiledPattern.Compile(new PatternOptions
                {
                    Patterns = ["(?-m)" + c.Regex],
                    Case = c.CaseInsensitive ? CaseMode.Insensitive : CaseMode.Sensitive,
                    Unicode = c.Unicode,
                });
            }
            catch (PatternSyntaxException e) when (c.Compiles && e.Message.Contains("\"\\n\" is not allowed", StringComparison.Ordinal))
            {
                Skip(SkipNewlinePattern);
                continue;
            }
            catch (PatternSyntaxException e)
            {
                error = e.Message.ReplaceLineEndings(" / ");
            }
            catch (Exception e)
            {
                error = $"threw {e.GetType().Name}: {e.Message}";
                crashed = true;
            }

            runnable.Add(new CompiledCase(c, pattern, error, crashed));
        }

        return new Suite(total, runnable, skipped, ids);
    }

    private static string Text(JsonElement element, string name) =>
        element.GetProperty(name).GetString() ?? throw new InvalidDataException($"{name} is not a string");

    private static string? Option(JsonElement options, string name) =>
        options.TryGetProperty(name, out var value) ? value.GetString() : null;

    private static bool Flag(JsonElement options, string name, bool otherwise) =>
        options.TryGetProperty(name, out var value) ? value.GetBoolean() : otherwise;

    // "bounds" is [start, end] or {start, end}; the regex crate's harness runs a test whose bounds are the whole haystack.
    private static bool BoundsAreWhole(JsonElement options, int length)
    {
        if (!options.TryGetProperty("bounds", out var bounds))
        {
            return true;
        }

        var (start, end) = bounds.ValueKind == JsonValueKind.Array
            ? (bounds[0].GetInt32(), bounds[1].GetInt32())
            : (bounds.GetProperty("start").GetInt32(), bounds.GetProperty("end").GetInt32());
        return start == 0 && end == length;
    }

    // A group's [start, end], or null when it did not take part (Scour's {-1, -1}).
    private static ByteRange ToRange(JsonElement group) =>
        group.ValueKind == JsonValueKind.Null ? NoGroup : new ByteRange(group[0].GetInt32(), group[1].GetInt32());

    private static string Describe(TestCase c) =>
        $"{c.Id} /{c.Regex}/{(c.CaseInsensitive ? "i" : string.Empty)} on \"{Escape(c.Haystack)}\"";

    // Matches as "(0-3,1-2,-) (4-4)": the groups of each match, '-' for one that did not take part.
    private static string Show(IEnumerable<ByteRange[]> matches)
    {
        var shown = string.Join(" ", matches.Select(m => "(" + string.Join(",", m.Select(g => g.Start < 0 ? "-" : $"{g.Start}-{g.End}")) + ")"));
        return shown.Length == 0 ? "no match" : shown;
    }

    // The haystack as text, with control characters and invalid UTF-8 as \xNN, cut after 120 characters.
    private static string Escape(byte[] haystack)
    {
        var sb = new StringBuilder();
        var rest = haystack.AsSpan();
        while (rest.Length > 0 && sb.Length < 120)
        {
            if (Rune.DecodeFromUtf8(rest, out var rune, out var length) == OperationStatus.Done && !Rune.IsControl(rune))
            {
                if (rune.Value == '\\' || rune.Value == '"')
                {
                    sb.Append('\\');
                }

                sb.Append(rune.ToString());
                rest = rest[length..];
            }
            else
            {
                sb.Append($"\\x{rest[0]:X2}");
                rest = rest[1..];
            }
        }

        if (rest.Length > 0)
        {
            sb.Append('…');
        }

        return sb.ToString();
    }
}
