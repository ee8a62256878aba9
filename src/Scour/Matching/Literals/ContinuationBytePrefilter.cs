using System.Buffers;

namespace Scour.Matching.Literals;

/// <summary>
/// Several case-sensitive literals that start with a multi-byte character (Cyrillic, Greek, CJK, ...):
/// candidates are found by the second byte of each literal, a continuation byte that names the
/// first character, in one vectorized pass. In such text the lead bytes (0xD0/0xD1 for Cyrillic)
/// are everywhere, which is what slows a plain <c>IndexOf</c> that anchors on them; the continuation
/// byte of a capital letter, for instance, is rare. (`ru_alternate`, five names: 230 → 123 ms; for a
/// single literal .NET's <c>IndexOf</c> stays faster, so it is not used there.)
/// </summary>
internal sealed class ContinuationBytePrefilter(byte[][] needles) : Prefilter
{
    private readonly SearchValues<byte> _second = SearchValues.Create([.. needles.Select(n => n[1]).Distinct()]);

    public override int Find(ReadOnlySpan<byte> haystack, int start)
    {
        var at = start + 1;
        while (at < haystack.Length)
        {
            var i = haystack[at..].IndexOfAny(_second);
            if (i < 0)
            {
                return -1;
            }

            var candidate = at + i - 1;
            foreach (var needle in needles)
            {
                if (haystack[candidate..].StartsWith(needle))
                {
                    return candidate;
                }
            }

            at += i + 1;
        }

        return -1;
    }
}
