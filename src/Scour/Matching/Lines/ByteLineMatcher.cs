namespace Scour.Matching.Lines;

/// <summary>
/// A matcher decided entirely on bytes by a search that finds a match on the first line holding one
/// (<see cref="LiteralLineMatcher"/>, <see cref="LiteralSetLineMatcher"/>): no decoding, no regex.
/// </summary>
internal abstract class ByteLineMatcher : LineMatcher
{
    private byte[] _buffer = [];
    private int _end;

    /// <summary>The offset of a match on the first line of <paramref name="text"/> that holds one, or -1.</summary>
    protected abstract int Find(ReadOnlySpan<byte> text);

    public sealed override void SetRegion(byte[] buffer, int start, int end)
    {
        _buffer = buffer;
        _end = end;
    }

    public sealed override bool NextMatchingLine(int from, out int lineStart, out int lineEnd)
    {
        var i = Find(_buffer.AsSpan(from, _end - from));
        if (i < 0)
        {
            lineStart = lineEnd = _end;
            return false;
        }

        (lineStart, lineEnd) = LineAround(_buffer, from, _end, from + i);
        return true;
    }

    // -c of a frequent string: one scan per matching line and a jump to its end; the line's start,
    // which a reported line needs, is never looked for.
    public sealed override long CountMatchingLines(int from, int end)
    {
        long count = 0;
        var text = _buffer.AsSpan(0, end);
        while (from < end && Find(text[from..]) is var i and >= 0)
        {
            count++;
            from = LineBounds.EndOf(text, from + i);
        }

        return count;
    }
}
