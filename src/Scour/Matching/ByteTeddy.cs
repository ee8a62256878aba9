using System.Numerics;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace Scour.Matching;

/// <summary>
/// Finds the first occurrence of any of several byte strings in one pass (the Teddy algorithm, as in
/// Hyperscan and ripgrep): each string goes into one of 8 buckets, and for each of the first three
/// byte positions two 16-entry tables map a byte's low and high nibble to the buckets whose strings
/// have a byte with that nibble there. A <c>vpshufb</c> per table looks up 32 bytes at once; a
/// position where all lookups share a bucket is a candidate, confirmed against that bucket's strings.
/// Works on UTF-8 bytes directly, so Cyrillic names need neither widening nor decoding.
/// </summary>
internal sealed class ByteTeddy : IByteSearch
{
    /// <summary>The most strings searched together (several share a bucket beyond 8).</summary>
    public const int MaxStrings = 32;

    private const int Buckets = 8;
    private const int Width = 3;
    private readonly byte[][][] _bucketStrings;
    private readonly Vector256<byte>[] _low;
    private readonly Vector256<byte>[] _high;
    private readonly int _shortest;

    private ByteTeddy(byte[][] strings)
    {
        _shortest = strings.Min(s => s.Length);
        _bucketStrings = [.. Enumerable.Range(0, Buckets).Select(b => strings.Where((_, i) => i % Buckets == b).ToArray())];
        _low = new Vector256<byte>[Width];
        _high = new Vector256<byte>[Width];
        Span<byte> low = stackalloc byte[32], high = stackalloc byte[32];
        for (var j = 0; j < Width; j++)
        {
            low.Clear();
            high.Clear();
            for (var i = 0; i < strings.Length; i++)
            {
                var bit = (byte)(1 << (i % Buckets));
                var value = strings[i][j];

                // vpshufb looks up within each 128-bit lane, so both lanes hold the same table.
                low[value & 0xF] |= bit;
                low[16 + (value & 0xF)] |= bit;
                high[value >> 4] |= bit;
                high[16 + (value >> 4)] |= bit;
            }

            (_low[j], _high[j]) = (Vector256.Create<byte>(low), Vector256.Create<byte>(high));
        }
    }

    /// <summary>True where the search runs (AVX2).</summary>
    public static bool IsSupported => Avx2.IsSupported;

    /// <summary>A search for any of <paramref name="strings"/> (2 to <see cref="MaxStrings"/>, each at least 3 bytes), or null.</summary>
    public static ByteTeddy? TryCreate(IReadOnlyList<byte[]> strings) =>
        IsSupported && strings.Count is >= 2 and <= MaxStrings && strings.All(s => s.Length >= Width) ? new ByteTeddy([.. strings]) : null;

    /// <summary>The offset of the first occurrence of any string in <paramref name="haystack"/>, or -1.</summary>
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
                    if (Confirm(haystack, i + offset, buckets.GetElement(offset)))
                    {
                        return i + offset;
                    }

                    hits &= hits - 1;
                }
            }
        }

        for (; i <= haystack.Length - _shortest; i++)
        {
            if (Confirm(haystack, i, 0xFF))
            {
                return i;
            }
        }

        return -1;
    }

    private static Vector256<byte> Lookup(Vector256<byte> bytes, Vector256<byte> low, Vector256<byte> high, Vector256<byte> nibble) =>
        Avx2.Shuffle(low, bytes & nibble) & Avx2.Shuffle(high, Avx2.ShiftRightLogical(bytes.AsUInt16(), 4).AsByte() & nibble);

    private bool Confirm(ReadOnlySpan<byte> haystack, int at, byte buckets)
    {
        var rest = haystack[at..];
        while (buckets != 0)
        {
            foreach (var s in _bucketStrings[BitOperations.TrailingZeroCount(buckets)])
            {
                if (rest.StartsWith(s))
                {
                    return true;
                }
            }

            buckets &= (byte)(buckets - 1);
        }

        return false;
    }
}
