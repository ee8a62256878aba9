using System.Numerics;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace Scour.Matching.Literals;

/// <summary>
/// Finds any of several byte strings in one pass (the Teddy algorithm, as in Hyperscan and ripgrep):
/// each string goes into one of 8 buckets and is known by three consecutive bytes of it, its
/// fingerprint; for each fingerprint position two 16-entry tables map a byte's low and high nibble to
/// the buckets whose fingerprints have a byte with that nibble there. A string may be a
/// <see cref="BytePattern"/> whose positions allow several bytes (the case variants of a piece of a
/// literal, for <c>-i</c>). A <c>vpshufb</c> per table looks
/// up 32 bytes at once; a position where all lookups share a bucket is a candidate, confirmed against
/// that bucket's strings. Works on UTF-8 bytes directly, so Cyrillic names need neither widening nor
/// decoding.
/// </summary>
/// <remarks>
/// Each string's fingerprint is its three consecutive bytes that are rarest in text (by the measured
/// byte frequencies), not simply its first three: "Оскар" starts with the bytes D0 9E D1, and D0 and
/// D1 begin almost every Cyrillic letter, so a first-bytes fingerprint sends every capital О followed
/// by a letter to the confirm step. Because fingerprints sit at different offsets, the string found
/// first need not be the leftmost one; but any string that starts earlier overlaps it, so the found
/// one is always on the first line that holds a match, which is all a line search needs.
/// </remarks>
internal sealed class ByteTeddy : IByteSearch
{
    /// <summary>The most strings searched together (several share a bucket beyond 8).</summary>
    public const int MaxStrings = 32;

    private const int Buckets = 8;
    private const int Width = 3;
    private readonly (BytePattern Pattern, int Offset)[][] _bucketStrings;
    private readonly Vector256<byte>[] _low;
    private readonly Vector256<byte>[] _high;
    private readonly int _shortest;
    private readonly int _largestOffset;

    private ByteTeddy(BytePattern[] patterns)
    {
        _shortest = patterns.Min(p => p.Length);
        var offsets = patterns.Select(RarestFingerprint).ToArray();
        _largestOffset = offsets.Max();
        _bucketStrings = [.. Enumerable.Range(0, Buckets).Select(b => patterns.Select((p, i) => (p, offsets[i])).Where((_, i) => i % Buckets == b).ToArray())];
        _low = new Vector256<byte>[Width];
        _high = new Vector256<byte>[Width];
        Span<byte> low = stackalloc byte[32], high = stackalloc byte[32];
        for (var j = 0; j < Width; j++)
        {
            low.Clear();
            high.Clear();
            for (var i = 0; i < patterns.Length; i++)
            {
                var bit = (byte)(1 << (i % Buckets));

                // vpshufb looks up within each 128-bit lane, so both lanes hold the same table. A
                // position with several values (case variants) admits every pairing of their nibbles:
                // a superset, which the confirm step narrows.
                foreach (var value in patterns[i].ValuesAt(offsets[i] + j))
                {
                    low[value & 0xF] |= bit;
                    low[16 + (value & 0xF)] |= bit;
                    high[value >> 4] |= bit;
                    high[16 + (value >> 4)] |= bit;
                }
            }

            (_low[j], _high[j]) = (Vector256.Create<byte>(low), Vector256.Create<byte>(high));
        }
    }

    /// <summary>True where the search runs (AVX2).</summary>
    public static bool IsSupported => Avx2.IsSupported;

    /// <summary>A search for any of <paramref name="strings"/> (2 to <see cref="MaxStrings"/>, each at least 3 bytes), or null.</summary>
    public static ByteTeddy? TryCreate(IReadOnlyList<byte[]> strings) =>
        TryCreate([.. strings.Select(s => BytePattern.Exact(s))], minimum: 2);

    /// <summary>
    /// A search for any of <paramref name="patterns"/> (each at least 3 bytes, at most
    /// <see cref="MaxStrings"/>; a single one too, for which Teddy's per-position value sets beat a
    /// pair of compares when positions allow several values), or null.
    /// </summary>
    public static ByteTeddy? TryCreate(IReadOnlyList<BytePattern> patterns, int minimum = 1) =>
        IsSupported && patterns.Count >= minimum && patterns.Count <= MaxStrings && patterns.All(p => p.Length >= Width) ? new ByteTeddy([.. patterns]) : null;

    /// <summary>
    /// The offset of an occurrence of any string in <paramref name="haystack"/> on the first line
    /// (<c>\n</c>-separated) that holds one, or -1. (No string contains <c>\n</c>.)
    /// </summary>
    public int IndexOf(ReadOnlySpan<byte> haystack)
    {
        var i = 0;
        if (Avx2.IsSupported)
        {
            ref var start = ref MemoryMarshal.GetReference(haystack);
            var nibble = Vector256.Create((byte)0xF);
            var end = haystack.Length - (Width - 1) - Vector256<byte>.Count;
            var (low0, high0) = (_low[0], _high[0]);
            var (low1, high1) = (_low[1], _high[1]);
            var (low2, high2) = (_low[2], _high[2]);
            for (; i <= end; i += Vector256<byte>.Count)
            {
                var buckets = Lookup(Vector256.LoadUnsafe(ref start, (nuint)i), low0, high0, nibble)
                    & Lookup(Vector256.LoadUnsafe(ref start, (nuint)(i + 1)), low1, high1, nibble)
                    & Lookup(Vector256.LoadUnsafe(ref start, (nuint)(i + 2)), low2, high2, nibble);
                var hits = ~Vector256.Equals(buckets, Vector256<byte>.Zero).ExtractMostSignificantBits();
                while (hits != 0)
                {
                    var offset = BitOperations.TrailingZeroCount(hits);
                    if (Confirm(haystack, i + offset, buckets.GetElement(offset)) is var found and >= 0)
                    {
                        return found;
                    }

                    hits &= hits - 1;
                }
            }
        }

        // Strings whose fingerprints lie past the last whole vector: from the first start that one of
        // them could have, one position at a time.
        for (i = Math.Max(0, i - _largestOffset); i <= haystack.Length - _shortest; i++)
        {
            foreach (var bucket in _bucketStrings)
            {
                foreach (var (pattern, _) in bucket)
                {
                    if (i + pattern.Length <= haystack.Length && pattern.Matches(haystack, i))
                    {
                        return i;
                    }
                }
            }
        }

        return -1;
    }

    // The start of the three positions of p least likely to occur together in text.
    private static int RarestFingerprint(BytePattern p)
    {
        var best = 0;
        var bestScore = double.MaxValue;
        for (var k = 0; k + Width <= p.Length; k++)
        {
            var score = 1.0;
            for (var j = 0; j < Width; j++)
            {
                score *= p.ValuesAt(k + j).Sum(v => (double)ByteFrequencies.Of(v));
            }

            if (score < bestScore)
            {
                (best, bestScore) = (k, score);
            }
        }

        return best;
    }

    private static Vector256<byte> Lookup(Vector256<byte> bytes, Vector256<byte> low, Vector256<byte> high, Vector256<byte> nibble) =>
        Avx2.Shuffle(low, bytes & nibble) & Avx2.Shuffle(high, Avx2.ShiftRightLogical(bytes.AsUInt16(), 4).AsByte() & nibble);

    // The start of a string whose fingerprint is at `at` in the buckets given, or -1.
    private int Confirm(ReadOnlySpan<byte> haystack, int at, byte buckets)
    {
        while (buckets != 0)
        {
            foreach (var (pattern, offset) in _bucketStrings[BitOperations.TrailingZeroCount(buckets)])
            {
                var start = at - offset;
                if (start >= 0 && start + pattern.Length <= haystack.Length && pattern.Matches(haystack, start))
                {
                    return start;
                }
            }

            buckets &= (byte)(buckets - 1);
        }

        return -1;
    }
}
