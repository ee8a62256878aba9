using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using System.Text;
using Scour.Matching.Syntax;

namespace Scour.Matching.Literals;

/// <summary>
/// A byte string where each position allows one or a few values: a literal's UTF-8 bytes, or with
/// case variants of equal length, the bytes any variant has there. Knows its two rarest positions
/// (<see cref="ByteFrequencies"/>), which <see cref="PairedByteSearch"/> scans for.
/// </summary>
internal sealed class BytePattern
{
    private readonly byte[][] _sets;
    private readonly byte[]? _exact;

    // Up to 32 positions of at most two values each: the values (the second repeats the first for a
    // single value) and a bit per position, so one vector compare confirms a candidate.
    private readonly Vector256<byte> _values0, _values1;
    private readonly uint _positionBits;
    private readonly bool _confirmByVector;

    private BytePattern(byte[][] sets)
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
            (First, Second) = RarestPair(sets);
            (FirstLow, FirstHigh) = (Vector256.Create(sets[First][0]), Vector256.Create(sets[First][^1]));
            (SecondLow, SecondHigh) = (Vector256.Create(sets[Second][0]), Vector256.Create(sets[Second][^1]));
        }
    }

    /// <summary>The number of bytes a match spans.</summary>
    public int Length => _sets.Length;

    /// <summary>The byte values allowed at <paramref name="position"/>, ascending.</summary>
    public IReadOnlyList<byte> ValuesAt(int position) => _sets[position];

    /// <summary>The rarest position (one with at most two values).</summary>
    public int First { get; }

    /// <summary>The next rarest position (<see cref="First"/> again for a one-byte pattern).</summary>
    public int Second { get; }

    /// <summary>The values allowed at <see cref="First"/>, broadcast (the same twice for one value).</summary>
    public Vector256<byte> FirstLow { get; }

    /// <inheritdoc cref="FirstLow"/>
    public Vector256<byte> FirstHigh { get; }

    /// <summary>The values allowed at <see cref="Second"/>, broadcast.</summary>
    public Vector256<byte> SecondLow { get; }

    /// <inheritdoc cref="SecondLow"/>
    public Vector256<byte> SecondHigh { get; }

    /// <summary>Exactly <paramref name="bytes"/>.</summary>
    public static BytePattern Exact(ReadOnlySpan<byte> bytes)
    {
        var sets = new byte[bytes.Length][];
        for (var i = 0; i < bytes.Length; i++)
        {
            sets[i] = [bytes[i]];
        }

        return new BytePattern(sets);
    }

    /// <summary>
    /// Every case variant of the longest piece of <paramref name="literal"/> whose characters' case
    /// variants all have their own UTF-8 length (KELVIN SIGN for <c>k</c> does not, so it splits the
    /// literal), or null if no piece is at least 2 bytes long. Each match of the literal contains a
    /// match of the piece; the caller confirms the line.
    /// </summary>
    public static BytePattern? CaseInsensitivePiece(string literal)
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

        return best.Count >= 2 && best.Any(s => s.Length <= 2) ? new BytePattern([.. best]) : null;
    }

    /// <summary>True if the pattern occurs at <paramref name="at"/> (which leaves room for it).</summary>
    public bool Matches(ReadOnlySpan<byte> haystack, int at)
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

    // The two positions whose values occur least often; only positions with at most two values
    // qualify, so one compare pair per position suffices in the vector loop.
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
