namespace Scour.Matching;

/// <summary>
/// A pattern that is one case-sensitive string: decided entirely on bytes (a vectorized scan anchored
/// on the needle's rarest bytes), with no decoding and no regex.
/// </summary>
internal sealed class LiteralLineMatcher(byte[] needle) : LineMatcher
{
    private readonly PairedByteSearch? _search = PairedByteSearch.IsSupported && needle.Length > 0 ? PairedByteSearch.Exact(needle) : null;
    private byte[] _buffer = [];
    private int _end;

    public override void SetRegion(byte[] buffer, int start, int end)
    {
        _buffer = buffer;
        _end = end;
    }

    public override bool NextMatchingLine(int from, out int lineStart, out int lineEnd)
    {
        var region = _buffer.AsSpan(from, _end - from);
        var i = _search is null ? region.IndexOf(needle) : _search.IndexOf(region);
        if (i < 0)
        {
            lineStart = lineEnd = _end;
            return false;
        }

        (lineStart, lineEnd) = LineAround(_buffer, from, _end, from + i);
        return true;
    }

    // -c of a frequent literal: one scan per matching line and a jump to its end; the line's start,
    // which a reported line needs, is never looked for.
    public override long CountMatchingLines(int from, int end)
    {
        long count = 0;
        var text = _buffer.AsSpan(0, end);
        while (from < end)
        {
            var region = text[from..];
            var i = _search is null ? region.IndexOf(needle) : _search.IndexOf(region);
            if (i < 0)
            {
                break;
            }

            count++;
            from = LineBounds.EndOf(text, from + i + needle.Length);
        }

        return count;
    }

    public override void FindAll(ReadOnlySpan<byte> line, List<ByteRange> matches)
    {
        var at = 0;
        while (at <= line.Length - needle.Length)
        {
            var i = line[at..].IndexOf(needle);
            if (i < 0)
            {
                break;
            }

            matches.Add(new ByteRange(at + i, at + i + needle.Length));
            at += i + needle.Length;
        }
    }

    public override bool IsMatch(ReadOnlySpan<byte> line) => line.IndexOf(needle) >= 0;
}
