using System.Numerics;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using System.Text;
using Scour.Matching.Syntax;

namespace Scour.Matching;

/// <summary>
/// Finds a byte pattern (at each position, one or a few allowed byte values) by testing the two
/// positions holding its rarest bytes (<see cref="ByteFrequencies"/>) 32 bytes at a time and confirming
/// only where both agree. .NET's <c>IndexOf</c> anchors on a needle's first and last bytes, which in
/// Cyrillic text are lead bytes (0xD0/0xD1) found every other byte; the rarest bytes of a needle are
/// often a hundred times rarer. Sets of values make the same scan work for case-insensitive literals
/// whose case variants all have the same UTF-8 length.
/// </summary>
internal sealed class PairedByteSearch
{
    private readonly byte[][] _sets;
    private readonly byte[]? _exact;

    // For patterns of up to 32 positions with at most two values each: the values (the second
    // repeats the first for a single value) and a bit per position, to confirm with one compare.
    private readonly Vector256<byte> _values0, _values1;
    private readonly uint _positionBits;
    private readonly bool _confirmByVector;
    private readonly int _first;
    private readonly int _second;
    private readonly byte _a0, _a1, _b0, _b1;

    private PairedByteSearch(byte[][] sets)
    {
        _sets = sets;
        _exact = sets.All(s => s.Length == 1) ? [.. sets.Select(s => s[0])] : null;
        if (sets.Length is > 0 and <= 32 && sets.All(s => s.Length <= 2))
        {
            _confirmByVector = Vector256.IsHardwareAccelerated;
            Span<byte> v0 = stackalloc byte[32], v1 = stackalloc byte[32];
            for (var p = 0; p < sets.Length; p++)
            {
                (v0[p], v1[p]) = (sets[p][0], sets[p][^1]);
            }

            (_values0, _values1) = (Vector256.Create<byte>(v0), Vector256.Create<byte>(v1));
            _positionBits = sets.Length == 32 ? uint.MaxValue : (1u << sets.Length) - 1;
        }

        if (sets.Length > 0)
        {
            (_first, _second) = RarestPair(sets);
            (_a0, _a1) = (sets[_first][0], sets[_first][^1]);
            (_b0, _b1) = (sets[_second][0], sets[_second][^1]);
        }
    }

    /// <summary>The number of bytes a match spans.</summary>
    public int Length => _sets.Length;

    /// <summary>A search for exactly <paramref name="needle"/> (at least one byte).</summary>
    public static PairedByteSearch Exact(ReadOnlySpan<byte> needle)
    {
        var sets = new byte[needle.Length][];
        for (var i = 0; i < needle.Length; i++)
        {
            sets[i] = [needle[i]];
        }

        return new PairedByteSearch(sets);
    }

    /// <summary>
    /// A search that finds every case-insensitive occurrence of <paramref name="literal"/>, or of the
    /// longest piece of it whose characters' case variants all have their own UTF-8 length (KELVIN SIGN
    /// for <c>k</c> does not, so it splits the literal); null if no piece is at least 2 bytes long.
    /// A piece found is not a whole match: the caller confirms the line.
    /// </summary>
    public static PairedByteSearch? CaseInsensitive(string literal)
    {
        List<byte[]> best = [], current = [];
        Span<byte> encoded = stackalloc byte[4];
        foreach (var rune in literal.EnumerateRunes())
        {
            var variants = CaseFolding.Equivalents(rune.Value).Select(v => new Rune(v)).ToList();
            if (variants.Any(v => v.Utf8SequenceLength != rune.Utf8SequenceLength))
            {
                current = [];
                continue;
            }

            for (var offset = 0; offset < rune.Utf8SequenceLength; offset++)
            {
                var values = new SortedSet<byte>();
                foreach (var v in variants)
                {
                    v.EncodeToUtf8(encoded);
                    values.Add(encoded[offset]);
                }

                current.Add([.. values]);
            }

            if (current.Count > best.Count)
            {
                best = current;
            }
        }

        return best.Count >= 2 && best.Any(s => s.Length <= 2) ? new PairedByteSearch([.. best]) : null;
    }

    /// <summary>The offset of the first occurrence in <paramref name="haystack"/>, or -1.</summary>
    public int IndexOf(ReadOnlySpan<byte> haystack)
    {
        var last = haystack.Length - _sets.Length;
        if (last < 0 || _sets.Length == 0)
        {
            return last < 0 ? -1 : 0;
        }

        var i = 0;
        var reach = Math.Max(_first, _second);
        ref var start = ref MemoryMarshal.GetReference(haystack);
        if (Vector256.IsHardwareAccelerated)
        {
            var (a0, a1, b0, b1) = (Vector256.Create(_a0), Vector256.Create(_a1), Vector256.Create(_b0), Vector256.Create(_b1));
            for (; i + reach + Vector256<byte>.Count <= haystack.Length; i += Vector256<byte>.Count)
            {
                var x = Vector256.LoadUnsafe(ref start, (nuint)(i + _first));
                var y = Vector256.LoadUnsafe(ref start, (nuint)(i + _second));
                var hits = ((Vector256.Equals(x, a0) | Vector256.Equals(x, a1)) & (Vector256.Equals(y, b0) | Vector256.Equals(y, b1))).ExtractMostSignificantBits();
                if (hits != 0 && Confirm(haystack, i, hits, last) is var found and >= 0)
                {
                    return found;
                }
            }
        }
        else if (Vector128.IsHardwareAccelerated)
        {
            var (a0, a1, b0, b1) = (Vector128.Create(_a0), Vector128.Create(_a1), Vector128.Create(_b0), Vector128.Create(_b1));
            for (; i + reach + Vector128<byte>.Count <= haystack.Length; i += Vector128<byte>.Count)
            {
                var x = Vector128.LoadUnsafe(ref start, (nuint)(i + _first));
                var y = Vector128.LoadUnsafe(ref start, (nuint)(i + _second));
                var hits = ((Vector128.Equals(x, a0) | Vector128.Equals(x, a1)) & (Vector128.Equals(y, b0) | Vector128.Equals(y, b1))).ExtractMostSignificantBits();
                if (hits != 0 && Confirm(haystack, i, hits, last) is var found and >= 0)
                {
                    return found;
                }
            }
        }

        for (; i <= last; i++)
        {
            if (Matches(haystack, i))
            {
                return i;
            }
        }

        return -1;
    }

    private int Confirm(ReadOnlySpan<byte> haystack, int blockStart, uint hits, int last)
    {
        while (hits != 0)
        {
            var candidate = blockStart + BitOperations.TrailingZeroCount(hits);
            if (candidate > last)
            {
                return -1;
            }

            if (Matches(haystack, candidate))
            {
                return candidate;
            }

            hits &= hits - 1;
        }

        return -1;
    }

    private bool Matches(ReadOnlySpan<byte> haystack, int at)
    {
        if (_confirmByVector && at + Vector256<byte>.Count <= haystack.Length)
        {
            var x = Vector256.LoadUnsafe(ref MemoryMarshal.GetReference(haystack), (nuint)at);
            var agree = (Vector256.Equals(x, _values0) | Vector256.Equals(x, _values1)).ExtractMostSignificantBits();
            return (agree & _positionBits) == _positionBits;
        }

        if (_exact is not null)
        {
            return haystack.Slice(at, _exact.Length).SequenceEqual(_exact);
        }

        for (var p = 0; p < _sets.Length; p++)
        {
            if (_sets[p].AsSpan().IndexOf(haystack[at + p]) < 0)
            {
                return false;
            }
        }

        return true;
    }

    // The two positions whose values are rarest; only positions with at most two values qualify, so
    // one compare pair per position suffices in the vector loop.
    private static (int First, int Second) RarestPair(byte[][] sets)
    {
        int first = -1, second = -1;
        long firstScore = long.MaxValue, secondScore = long.MaxValue;
        for (var p = 0; p < sets.Length; p++)
        {
            if (sets[p].Length > 2)
            {
                continue;
            }

            var score = sets[p].Sum(v => (long)ByteFrequencies.Of(v));
            if (score < firstScore)
            {
                (second, secondScore) = (first, firstScore);
                (first, firstScore) = (p, score);
            }
            else if (score < secondScore && !sets[p].AsSpan().SequenceEqual(sets[first]))
            {
                (second, secondScore) = (p, score);
            }
        }

        if (first < 0)
        {
            throw new ArgumentException("no position has at most two values", nameof(sets));
        }

        return second < 0 ? (first, first) : (first, second);
    }
}
