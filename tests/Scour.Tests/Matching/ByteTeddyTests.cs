using System.Text;
using Scour.Matching;
using Scour.Matching.Literals;

namespace Scour.Tests.Matching;

public class ByteTeddyTests
{
    [Theory]
    [InlineData("Holmes Watson Adler Lestrade Moriarty")]
    [InlineData("abc abd bcd cab")]
    [InlineData("Оскар Шоу Марк Твен Агата Максим")]
    [InlineData("aaa aab aba abb baa bab bba bbb abab baba aaab")] // more strings than buckets
    public void Finds_an_occurrence_on_the_first_line_that_has_one(string list)
    {
        var strings = list.Split(' ');
        if (!ByteTeddy.IsSupported)
        {
            return; // nothing to compare: the prefilters fall back to other searches without AVX2
        }

        var needles = strings.Select(Encoding.UTF8.GetBytes).ToArray();
        var teddy = ByteTeddy.TryCreate(needles)!;

        // Text made of the strings' own characters, with one planted now and then, so fingerprints
        // match often and near misses are common; lengths cross the 32-byte block edges.
        var letters = string.Concat(strings).Distinct().Append(' ').Append('\n').ToArray();
        var random = new Random(strings.Length);
        for (var round = 0; round < 400; round++)
        {
            var text = new string([.. Enumerable.Range(0, random.Next(0, 120)).Select(_ => letters[random.Next(letters.Length)])]);
            if (round % 2 == 0)
            {
                text = text.Insert(random.Next(text.Length + 1), strings[random.Next(strings.Length)]);
            }

            var haystack = Encoding.UTF8.GetBytes(text);
            for (var from = 0; from <= Math.Min(haystack.Length, 35); from++)
            {
                var span = haystack.AsSpan(from);
                var leftmost = needles.Select(n => haystack.AsSpan(from).IndexOf(n)).Where(i => i >= 0).DefaultIfEmpty(-1).Min();
                var found = teddy.IndexOf(span);
                if (leftmost < 0)
                {
                    Assert.Equal(-1, found);
                    continue;
                }

                // A real occurrence, on the leftmost one's line (fingerprints at different offsets may
                // find an overlapping later-starting string first).
                Assert.True(found >= 0 && needles.Any(n => haystack.AsSpan(from + found).StartsWith(n)), $"{found} is not an occurrence in '{Encoding.UTF8.GetString(haystack, from, haystack.Length - from)}'");
                Assert.False(span[Math.Min(found, leftmost)..Math.Max(found, leftmost)].Contains((byte)'\n'), $"{found} is not on the line of {leftmost}");
            }
        }
    }

    [Theory]
    [InlineData("holmes watson adler")]
    [InlineData("оскар уайльд|марк твен|агата кристи")]
    [InlineData("err_sys|pme_turn_off|cfg_bme_evt")]
    public void Finds_case_variant_pieces_on_the_first_line_that_has_one(string list)
    {
        if (!ByteTeddy.IsSupported)
        {
            return;
        }

        var literals = list.Split(list.Contains('|', StringComparison.Ordinal) ? '|' : ' ');
        var pieces = literals.Select(BytePattern.CaseInsensitivePiece).ToArray();
        var teddy = ByteTeddy.TryCreate(pieces!)!;

        // Text of the literals' letters in both cases, with a literal planted in random case now and then.
        var letters = string.Concat(literals).ToUpperInvariant().Concat(string.Concat(literals)).Distinct().Append(' ').Append('\n').ToArray();
        var random = new Random(literals.Length);
        for (var round = 0; round < 400; round++)
        {
            var text = new string([.. Enumerable.Range(0, random.Next(0, 120)).Select(_ => letters[random.Next(letters.Length)])]);
            if (round % 2 == 0)
            {
                var planted = new string([.. literals[random.Next(literals.Length)].Select(c => random.Next(2) == 0 ? char.ToUpperInvariant(c) : c)]);
                text = text.Insert(random.Next(text.Length + 1), planted);
            }

            var haystack = Encoding.UTF8.GetBytes(text);
            var leftmost = Enumerable.Range(0, haystack.Length + 1)
                .Where(i => pieces.Any(p => i + p!.Length <= haystack.Length && p.Matches(haystack, i)))
                .DefaultIfEmpty(-1).First();
            var found = teddy.IndexOf(haystack);
            if (leftmost < 0)
            {
                Assert.Equal(-1, found);
                continue;
            }

            Assert.True(found >= 0 && pieces.Any(p => found + p!.Length <= haystack.Length && p.Matches(haystack, found)), $"{found} is not an occurrence in '{text}'");
            Assert.False(haystack.AsSpan(Math.Min(found, leftmost), Math.Abs(found - leftmost)).Contains((byte)'\n'), $"{found} is not on the line of {leftmost}");
        }
    }

    [Fact]
    public void Takes_only_sets_it_can_fingerprint()
    {
        Assert.Null(ByteTeddy.TryCreate([[1, 2, 3]]));
        Assert.Null(ByteTeddy.TryCreate([[1, 2, 3], [4, 5]]));
        Assert.Null(ByteTeddy.TryCreate([.. Enumerable.Range(0, ByteTeddy.MaxStrings + 1).Select(i => new byte[] { 1, 2, (byte)i })]));
        Assert.Equal(ByteTeddy.IsSupported, ByteTeddy.TryCreate([[1, 2, 3], [4, 5, 6]]) is not null);
    }
}
