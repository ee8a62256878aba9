using Scour.Matching.Lines;

namespace Scour.Matching;

/// <summary>Runs a caller's <see cref="ILineMatcher"/> one line at a time.</summary>
internal sealed class CustomLineMatcher(ILineMatcher inner) : LineMatcher
{
    private byte[] _buffer = [];
    private int _end;

    public override void SetRegion(byte[] buffer, int start, int end)
    {
        _buffer = buffer;
        _end = end;
    }

    public override bool NextMatchingLine(int from, out int lineStart, out int lineEnd) =>
        NextLineByLine(_buffer, from, _end, out lineStart, out lineEnd);

    public override void FindAll(ReadOnlySpan<byte> line, List<ByteRange> matches) => inner.FindMatches(line, matches);

    public override bool IsMatch(ReadOnlySpan<byte> line) => inner.IsMatch(line);
}
