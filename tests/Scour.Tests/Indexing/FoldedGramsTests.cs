using System.Text;
using Scour.Indexing;

namespace Scour.Tests.Indexing;

public sealed class FoldedGramsTests
{
    private static HashSet<int> IndexKeys(string text)
    {
        var set = new TrigramSet();
        set.Feed(Encoding.UTF8.GetBytes(text));
        return [.. set.Keys.ToArray().Where(k => k >= FoldedGrams.FirstKey)];
    }

    private static byte[] Folded(string run) => [.. run.Select(c => (byte)FoldedGrams.Fold(char.ToLowerInvariant(c)))];

    // Whether a run is a sparse gram depends only on its own bytes, so a query's grams must all be
    // among the grams of any text holding it, in any case: the soundness the planner relies on.
    [Fact]
    public void Every_gram_of_a_substring_is_a_gram_of_the_text()
    {
        const string alphabet = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ_0123456789(){};, ";
        var failures = new List<string>();
        for (var seed = 1; seed <= 500 && failures.Count < 3; seed++)
        {
            var random = new Random(seed);
            var text = new string([.. Enumerable.Range(0, random.Next(20, 300)).Select(_ => alphabet[random.Next(alphabet.Length)])]);
            var keys = IndexKeys(text);
            var start = random.Next(text.Length - 10);
            var piece = text.Substring(start, random.Next(5, Math.Min(40, text.Length - start)));
            var query = FoldedGrams.Of(Folded(piece));
            if (!query.IsSubsetOf(keys))
            {
                failures.Add($"seed {seed}: '{piece}' in '{text}'");
            }
        }

        Assert.True(failures.Count == 0, string.Join("\n", failures));
    }

    [Fact]
    public void Folds_case_the_long_s_and_the_kelvin_sign()
    {
        var query = FoldedGrams.Of(Folded("mask_kernel_resume"));
        Assert.NotEmpty(query);
        Assert.Subset(IndexKeys("MASK_KERNEL_RESUME"), query);
        Assert.Subset(IndexKeys("ma\u017Fk_\u212Aernel_re\u017Fume"), query);
    }

    [Fact]
    public void Line_feeds_and_other_non_ascii_bytes_end_a_run()
    {
        Assert.Empty(IndexKeys("abcd\nefgh\u00e9ijkl\u00c5mnop"));
        Assert.Empty(FoldedGrams.Of(Folded("abcd")));
        Assert.NotEmpty(IndexKeys("abcdefghijklmnop"));
    }
}
