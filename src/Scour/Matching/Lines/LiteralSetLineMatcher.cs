using System.Text;
using Scour.Matching.Literals;

namespace Scour.Matching.Lines;

/// <summary>
/// A pattern that is an alternation of case-sensitive strings (<c>Holmes|Watson|Adler</c>): decided
/// entirely on bytes, with <see cref="ByteTeddy"/> where the strings allow it, and no regex at all.
/// Matches follow the regex's leftmost-first rule: the earliest start wins, and among strings that
/// start there, the one written first.
/// </summary>
internal sealed class LiteralSetLineMatcher : ByteLineMatcher
{
    private readonly byte[][] _strings;
    private readonly ByteTeddy? _teddy;

    public LiteralSetLineMatcher(IReadOnlyList<string> strings)
    {
        _strings = [.. strings.Select(Encoding.UTF8.GetBytes)];
        _teddy = ByteTeddy.TryCreate(_strings);
    }

    protected override int Find(ReadOnlySpan<byte> text) => _teddy?.IndexOf(text) ?? First(text, out _);

    public override void FindAll(ReadOnlySpan<byte> line, List<ByteRange> matches)
    {
        var at = 0;
        while (First(line[at..], out var length) is var i and >= 0)
        {
            matches.Add(new ByteRange(at + i, at + i + length));
            at += i + length;
        }
    }

    public override bool IsMatch(ReadOnlySpan<byte> line) => First(line, out _) >= 0;

    // The leftmost-first match in text: its offset (and length), or -1. One IndexOf per string, so
    // only for lines and for machines without AVX2.
    private int First(ReadOnlySpan<byte> text, out int length)
    {
        var best = -1;
        length = 0;
        foreach (var s in _strings)
        {
            var limit = best < 0 ? text.Length : Math.Min(text.Length, best + s.Length - 1);
            var i = text[..limit].IndexOf(s);
            if (i >= 0 && (best < 0 || i < best))
            {
                (best, length) = (i, s.Length);
            }
        }

        return best;
    }
}
