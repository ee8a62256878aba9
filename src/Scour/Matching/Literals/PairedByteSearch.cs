using System.Numerics;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace Scour.Matching.Literals;

/// <summary>
/// Finds a <see cref="BytePattern"/> by testing, 32 bytes at a time, the two positions that hold its
/// rarest bytes, and confirming only where both agree. .NET's <c>IndexOf</c> anchors on a needle's
/// first and last bytes, which in Cyrillic text are lead bytes (0xD0/0xD1) found every other byte; a
/// needle's rarest bytes are often a hundred times rarer. (For several literals, testing each one's
/// pair costs more per block than Teddy does: five names on en.txt took 280 ms against 170 ms for
/// <see cref="WidenedLiteralPrefilter"/>, so sets stay with the other prefilters.)
/// </summary>
internal sealed class PairedByteSearch(BytePattern pattern) : IByteSearch
{
    /// <summary>True where the search is vectorized (256-bit vectors); elsewhere .NET's own searches are faster.</summary>
    public static bool IsSupported => Vector256.IsHardwareAccelerated;

    /// <summary>A search for exactly <paramref name="needle"/>.</summary>
    public static PairedByteSearch Exact(ReadOnlySpan<byte> needle) => new(BytePattern.Exact(needle));

    /// <inheritdoc/>
    public int IndexOf(ReadOnlySpan<byte> haystack)
    {
        var last = haystack.Length - pattern.Length;
        if (last < 0 || pattern.Length == 0)
        {
            return last < 0 ? -1 : 0;
        }

        var i = 0;
        if (Vector256.IsHardwareAccelerated)
        {
            ref var start = ref MemoryMarshal.GetReference(haystack);
            var (first, second) = (pattern.First, pattern.Second);
            var (a0, a1, b0, b1) = (pattern.FirstLow, pattern.FirstHigh, pattern.SecondLow, pattern.SecondHigh);
            var end = haystack.Length - Math.Max(first, second) - Vector256<byte>.Count;
            for (; i <= end; i += Vector256<byte>.Count)
            {
                var x = Vector256.LoadUnsafe(ref start, (nuint)(i + first));
                var y = Vector256.LoadUnsafe(ref start, (nuint)(i + second));
                var hits = ((Vector256.Equals(x, a0) | Vector256.Equals(x, a1)) & (Vector256.Equals(y, b0) | Vector256.Equals(y, b1))).ExtractMostSignificantBits();
                while (hits != 0)
                {
                    var candidate = i + BitOperations.TrailingZeroCount(hits);
                    if (candidate <= last && pattern.Matches(haystack, candidate))
                    {
                        return candidate;
                    }

                    hits &= hits - 1;
                }
            }
        }

        for (; i <= last; i++)
        {
            if (pattern.Matches(haystack, i))
            {
                return i;
            }
        }

        return -1;
    }
}
