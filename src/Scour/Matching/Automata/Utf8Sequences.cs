namespace Scour.Matching.Automata;

/// <summary>One byte position of a UTF-8 sequence: the inclusive range of bytes it accepts.</summary>
internal readonly record struct ByteSpan(byte Lo, byte Hi);

/// <summary>
/// Splits ranges of Unicode scalar values into sequences of byte ranges whose concatenations are
/// exactly those values' UTF-8 encodings. A range is cut where the encoded length changes, around the
/// surrogates (never valid UTF-8), and wherever its trailing bytes would not cover whole continuation
/// ranges; what is left encodes as one byte range per position.
/// </summary>
internal static class Utf8Sequences
{
    private static readonly int[] LengthLimits = [0x7F, 0x7FF, 0xFFFF, 0x10FFFF];

    /// <summary>Calls <paramref name="emit"/> with each sequence of <paramref name="ranges"/> in order.</summary>
    public static void ForEach(IReadOnlyList<(int Lo, int Hi)> ranges, Action<ReadOnlySpan<ByteSpan>> emit)
    {
        Span<ByteSpan> sequence = stackalloc ByteSpan[4];
        var pending = new Stack<(int Lo, int Hi)>();
        for (var r = ranges.Count - 1; r >= 0; r--)
        {
            pending.Push(ranges[r]);
        }

        while (pending.Count > 0)
        {
            var (lo, hi) = pending.Pop();
            if (Split(lo, hi, pending))
            {
                continue;
            }

            var n = Encode(lo, hi, sequence);
            emit(sequence[..n]);
        }
    }

    // Pushes the two halves (upper half first, so the lower is taken next) when the range needs a cut.
    private static bool Split(int lo, int hi, Stack<(int Lo, int Hi)> pending)
    {
        if (lo > hi)
        {
            return true; // nothing left (a range that was all surrogates)
        }

        if (lo <= 0xDFFF && hi >= 0xD800)
        {
            if (hi > 0xDFFF)
            {
                pending.Push((0xE000, hi));
            }

            if (lo < 0xD800)
            {
                pending.Push((lo, 0xD7FF));
            }

            return true;
        }

        foreach (var limit in LengthLimits)
        {
            if (lo <= limit && hi > limit)
            {
                pending.Push((limit + 1, hi));
                pending.Push((lo, limit));
                return true;
            }
        }

        var length = lo <= 0x7F ? 1 : lo <= 0x7FF ? 2 : lo <= 0xFFFF ? 3 : 4;
        for (var i = 1; i < length; i++)
        {
            var m = (1 << (6 * i)) - 1;
            if ((lo & ~m) == (hi & ~m))
            {
                continue;
            }

            if ((lo & m) != 0)
            {
                pending.Push(((lo | m) + 1, hi));
                pending.Push((lo, lo | m));
                return true;
            }

            if ((hi & m) != m)
            {
                pending.Push((hi & ~m, hi));
                pending.Push((lo, (hi & ~m) - 1));
                return true;
            }
        }

        return false;
    }

    private static int Encode(int lo, int hi, Span<ByteSpan> sequence)
    {
        Span<byte> a = stackalloc byte[4];
        Span<byte> b = stackalloc byte[4];
        var n = EncodeOne(lo, a);
        EncodeOne(hi, b);
        for (var i = 0; i < n; i++)
        {
            sequence[i] = new ByteSpan(a[i], b[i]);
        }

        return n;
    }

    /// <summary>Writes the UTF-8 encoding of <paramref name="cp"/> (a scalar value) and returns its length.</summary>
    public static int EncodeOne(int cp, Span<byte> bytes)
    {
        if (cp <= 0x7F)
        {
            bytes[0] = (byte)cp;
            return 1;
        }

        if (cp <= 0x7FF)
        {
            bytes[0] = (byte)(0xC0 | (cp >> 6));
            bytes[1] = (byte)(0x80 | (cp & 0x3F));
            return 2;
        }

        if (cp <= 0xFFFF)
        {
            bytes[0] = (byte)(0xE0 | (cp >> 12));
            bytes[1] = (byte)(0x80 | ((cp >> 6) & 0x3F));
            bytes[2] = (byte)(0x80 | (cp & 0x3F));
            return 3;
        }

        bytes[0] = (byte)(0xF0 | (cp >> 18));
        bytes[1] = (byte)(0x80 | ((cp >> 12) & 0x3F));
        bytes[2] = (byte)(0x80 | ((cp >> 6) & 0x3F));
        bytes[3] = (byte)(0x80 | (cp & 0x3F));
        return 4;
    }
}
