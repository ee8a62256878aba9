namespace Scour.Matching.Lines;

/// <summary>
/// A pattern that matches the empty string anywhere (<c>''</c>, <c>x*</c>): every line matches, so
/// finding the next one is finding its end, with no regex run (<c>-c ''</c> counts lines this way).
/// Matches inside a line still come from the regex.
/// </summary>
internal sealed class EveryLineMatcher(LineMatcher inner) : SpansFromLineMatcher(inner)
{
    private ReadOnlyMemory<byte> _region;

    public override void SetRegion(byte[] buffer, int start, int end) => _region = buffer.AsMemory(0, end);

    public override bool NextMatchingLine(int from, out int lineStart, out int lineEnd)
    {
        lineStart = from;
        lineEnd = LineBounds.EndOf(_region.Span, from);
        return from < _region.Length;
    }

    public override bool IsMatch(ReadOnlySpan<byte> line) => true;
}
