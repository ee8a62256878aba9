using System.Text;
using Scour.Matching;
using Scour.Matching.Literals;

namespace Scour.Tests.Matching;

public class PairedByteSearchTests
{
    [Theory]
    [InlineData("abc", 3)]
    [InlineData("a", 2)]
    [InlineData("the quick brown fox", 6)]
    [InlineData("xyzzyxyzzyxyzzyxyzzyxyzzyxyzzyxyzzyx", 4)]
    public void Exact_search_finds_what_IndexOf_finds(string needle, int alphabet)
    {
        var random = new Random(needle.Length * 31 + alphabet);
        var bytes = Encoding.ASCII.GetBytes(needle);
        var letters = Encoding.ASCII.GetBytes(needle).Distinct().Take(alphabet).ToArray();
        var search = PairedByteSearch.Exact(bytes);
        for (var round = 0; round < 300; round++)
        {
            // Haystacks of every length around the vector width, made of the needle's own bytes,
            // with the needle planted now and then, so candidates and near misses are frequent.
            var haystack = new byte[random.Next(0, 200)];
            for (var i = 0; i < haystack.Length; i++)
            {
                haystack[i] = letters[random.Next(letters.Length)];
            }

            if (round % 3 == 0 && haystack.Length >= bytes.Length)
            {
                bytes.CopyTo(haystack, random.Next(haystack.Length - bytes.Length + 1));
            }

            for (var from = 0; from <= Math.Min(haystack.Length, 40); from++)
            {
                Assert.Equal(haystack.AsSpan(from).IndexOf(bytes), search.IndexOf(haystack.AsSpan(from)));
            }
        }
    }

    [Fact]
    public void Case_insensitive_search_finds_the_first_case_variant()
    {
        // With an alphabet of the needle's letters in both cases, only real case variants can match
        // the per-position byte sets, so the first hit is exactly the first variant.
        const string needle = "Рук";
        var variants = Variants(needle).Select(Encoding.UTF8.GetBytes).ToArray();
        string[] alphabet = ["Р", "р", "у", "У", "к", "К", "а", "б", " "];
        var piece = BytePattern.CaseInsensitivePiece(needle)!;
        Assert.Equal(6, piece.Length);
        var search = new PairedByteSearch(piece);
        var random = new Random(7);
        for (var round = 0; round < 500; round++)
        {
            var text = string.Concat(Enumerable.Range(0, random.Next(0, 60)).Select(_ => alphabet[random.Next(alphabet.Length)]));
            var haystack = Encoding.UTF8.GetBytes(text);
            var expected = variants.Select(v => haystack.AsSpan().IndexOf(v)).Where(i => i >= 0).DefaultIfEmpty(-1).Min();
            Assert.Equal(expected, search.IndexOf(haystack));
        }
    }

    [Theory]
    [InlineData("sherlock", "herloc")] // s has LONG S (2 bytes) and k KELVIN SIGN (3 bytes) as variants
    [InlineData("Холмс", "лм")] // о and с have 3-byte variants too (U+1C82 NARROW O, U+1C83 WIDE ES)
    [InlineData("ks", null)]
    public void Case_insensitive_search_uses_the_longest_piece_without_length_changing_variants(string literal, string? piece)
    {
        var pattern = BytePattern.CaseInsensitivePiece(literal);
        Assert.Equal(piece is null ? (int?)null : Encoding.UTF8.GetByteCount(piece), pattern?.Length);
        if (pattern is not null)
        {
            var haystack = Encoding.UTF8.GetBytes("xx " + literal.ToUpperInvariant() + " yy");
            Assert.Equal(3 + Encoding.UTF8.GetBytes(literal.ToUpperInvariant()).AsSpan().IndexOf(Encoding.UTF8.GetBytes(piece!.ToUpperInvariant())), new PairedByteSearch(pattern).IndexOf(haystack));
        }
    }

    private static IEnumerable<string> Variants(string s) =>
        s.Length == 0 ? [""] : Variants(s[1..]).SelectMany(rest => new[] { char.ToLowerInvariant(s[0]) + rest, char.ToUpperInvariant(s[0]) + rest });
}
