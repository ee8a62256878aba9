namespace Scour.Matching.Lines;

/// <summary>The matcher for an empty pattern list: no line ever matches.</summary>
internal sealed class NeverLineMatcher : LineMatcher
{
    private int _end;

    public override void SetRegion(byte[] buffer, int start, int end) => _end = end;

    public override bool NextMatchingLine(int from, out int lineStart, out int lineEnd)
    {
        lineStart = lineEnd = _end;
        return false;
    }

    public override void FindAll(ReadOnlySpan<byte> line, List<ByteRange> matches)
    {
    }

    public override bool IsMatch(ReadOnlySpan<byte> line) => false;
}
