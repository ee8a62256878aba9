using System.Text;
using Scour.Indexing;
using Scour.Matching.Syntax;

namespace Scour.Tests.Indexing;

public sealed class TrigramPlannerTests
{
    private static TrigramQuery Plan(string pattern, bool caseInsensitive = false) =>
        TrigramPlanner.Plan(RegexParser.Parse(pattern, RegexFlags.Default with { CaseInsensitive = caseInsensitive }));

    private static readonly TrigramSet Keys = new();

    // Whether a file holding exactly these bytes passes the query: the keys the index builder takes.
    private static bool Admits(TrigramQuery query, byte[] text)
    {
        lock (Keys)
        {
            Keys.Reset();
            Keys.Feed(text);
            return Evaluate(query, [.. Keys.Keys]);
        }
    }

    private static bool Evaluate(TrigramQuery q, HashSet<int> keys) => q switch
    {
        GramQuery g => keys.Contains(g.Key),
        AndQuery a => a.Items.All(i => Evaluate(i, keys)),
        OrQuery o => o.Items.Any(i => Evaluate(i, keys)),
        _ => q == TrigramQuery.All,
    };

    [Theory]
    [InlineData("help", "(\"hel\" \"elp\")")]
    [InlineData("ab", "+")]
    [InlineData("a.c", "+")]
    [InlineData(".*", "+")]
    [InlineData("foo|bar", "(\"bar\"|\"foo\")")]
    [InlineData("abc(d|e)", "((\"abc\" \"bcd\")|(\"abc\" \"bce\"))")]
    [InlineData("x[12]yz", "((\"x1y\" \"1yz\")|(\"x2y\" \"2yz\"))")]
    [InlineData("abc.*def", "(\"abc\" \"def\")")]
    [InlineData("(abc)?def", "\"def\"")]
    [InlineData("[^a]", "+")]
    public void Plans_the_query_codesearch_would(string pattern, string expected) =>
        Assert.Equal(expected, Plan(pattern).ToString());

    [Fact]
    public void Case_insensitive_letters_ask_for_every_case_variant()
    {
        var query = Plan("abc", caseInsensitive: true);
        foreach (var text in new[] { "abc", "ABC", "aBc", "AbC" })
        {
            Assert.True(Admits(query, Encoding.UTF8.GetBytes(text)), text);
        }

        Assert.False(Admits(query, "abd"u8.ToArray()));

        // 'k' matches the Kelvin sign and 's' the long s under Unicode case folding, as in rg.
        Assert.True(Admits(Plan("kit", caseInsensitive: true), Encoding.UTF8.GetBytes("\u212Ait")));
        Assert.True(Admits(Plan("has", caseInsensitive: true), Encoding.UTF8.GetBytes("ha\u017F")));
    }

    [Fact]
    public void Literal_runs_add_their_folded_sparse_grams()
    {
        var query = Plan("pm_resume", caseInsensitive: true);
        Assert.True(Admits(query, "x PM_ReSuMe y"u8.ToArray()));
        Assert.True(Admits(query, Encoding.UTF8.GetBytes("x pm_re\u017Fume y")));
        Assert.True(Admits(Plan("KERNEL", caseInsensitive: true), Encoding.UTF8.GetBytes("\u212Aernel")));

        // Every trigram of the literal, but never five of its bytes in a row: trigrams alone admit it.
        var scattered = "pm_r m_re _res resu esum sume"u8.ToArray();
        Assert.Contains(query.ToString(), c => c == '#');
        Assert.False(Admits(query, scattered));
        Assert.True(Admits(TrigramPlanner.Plan(RegexParser.Parse("pm_r(?:esu)me", RegexFlags.Default with { CaseInsensitive = true })), scattered));
    }

    [Fact]
    public void Rejects_files_without_the_literal()
    {
        Assert.False(Admits(Plan("hello"), "help yourself"u8.ToArray()));
        Assert.False(Admits(Plan("PM_RESUME"), "pm_resume"u8.ToArray()));
        Assert.True(Admits(Plan("PM_RESUME"), "x PM_RESUME y"u8.ToArray()));
    }

    // Seeded random patterns, each generated with a string it matches: the query must admit every
    // text that holds such a string (an index may read too many files, never too few).
    [Fact]
    public void Random_patterns_admit_every_text_they_match()
    {
        var failures = new List<string>();
        for (var seed = 1; seed <= 3000 && failures.Count < 5; seed++)
        {
            var random = new Random(seed);
            var pattern = new StringBuilder();
            var sample = new StringBuilder();
            Generate(random, 3, pattern, sample);
            var ci = random.Next(4) == 0;
            var query = Plan(pattern.ToString(), ci);
            var text = "<" + (ci ? Scramble(random, sample.ToString()) : sample.ToString()) + ">";
            if (!Admits(query, Encoding.UTF8.GetBytes(text)))
            {
                failures.Add($"seed {seed}: {(ci ? "(?i)" : "")}{pattern} on '{text}' gave {query}");
            }
        }

        Assert.True(failures.Count == 0, string.Join("\n", failures));
    }

    private static readonly string[] Atoms = ["a", "b", "ab", "x", "é", "К", "字", "_", "0", "k", "s", "S", "resume", "Kelvin", "pm_"];

    // Appends a pattern to `pattern` and a string it matches to `sample`.
    private static void Generate(Random random, int depth, StringBuilder pattern, StringBuilder sample)
    {
        switch (depth <= 0 ? 0 : random.Next(9))
        {
            case 0 or 1:
                var atom = Atoms[random.Next(Atoms.Length)];
                pattern.Append(atom);
                sample.Append(atom);
                break;
            case 2:
                var parts = random.Next(1, 4);
                for (var i = 0; i < parts; i++)
                {
                    Generate(random, depth - 1, pattern, sample);
                }

                break;
            case 3:
                var chosen = random.Next(2);
                pattern.Append("(?:");
                for (var i = 0; i < 2; i++)
                {
                    if (i > 0)
                    {
                        pattern.Append('|');
                    }

                    var discard = new StringBuilder();
                    Generate(random, depth - 1, pattern, i == chosen ? sample : discard);
                }

                pattern.Append(')');
                break;
            case 4:
                string[] classes = ["[abc]", "[a-f]", "[xé]", "[0-9]", "\\w", "\\d", "[^a]", "."];
                string[] members = ["b", "c", "é", "7", "q", "3", "z", "K"];
                var c = random.Next(classes.Length);
                pattern.Append(classes[c]);
                sample.Append(members[c]);
                break;
            case 5:
                var times = random.Next(0, 3);
                var kind = random.Next(4);
                pattern.Append("(?:");
                var once = new StringBuilder();
                Generate(random, depth - 1, pattern, once);
                pattern.Append(')').Append(kind switch { 0 => "*", 1 => "+", 2 => "?", _ => "{1,3}" });
                var count = kind switch { 0 => times, 1 => times + 1, 2 => Math.Min(times, 1), _ => Math.Min(times + 1, 3) };
                for (var i = 0; i < count; i++)
                {
                    sample.Append(once);
                }

                break;
            case 6:
                string[] assertions = ["\\b", "^", "$", "\\B"];
                pattern.Append(assertions[random.Next(assertions.Length)]);
                break;
            default:
                Generate(random, depth - 1, pattern, sample);
                Generate(random, depth - 1, pattern, sample);
                break;
        }
    }

    // The sample with its letters' case changed at random (what a case-insensitive match may hold).
    private static string Scramble(Random random, string text)
    {
        var sb = new StringBuilder();
        foreach (var rune in text.EnumerateRunes())
        {
            var variants = CaseFolding.HasVariants(rune.Value) ? CaseFolding.Equivalents(rune.Value) : [rune.Value];
            var pick = variants.Count == 0 ? rune.Value : variants[random.Next(variants.Count)];
            sb.Append(char.ConvertFromUtf32(random.Next(2) == 0 ? rune.Value : pick));
        }

        return sb.ToString();
    }
}
