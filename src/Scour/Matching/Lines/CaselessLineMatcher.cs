using Scour.Matching.Literals;

namespace Scour.Matching.Lines;

/// <summary>
/// Case-insensitive strings (<c>-i sherlock</c>, <c>-i 'holmes|watson'</c>) decided on bytes: the
/// <paramref name="prefilter"/> finds candidate lines and <see cref="CaselessLiterals"/> confirms them and
/// gives the spans, so such a search builds no automaton at all.
/// </summary>
/// <param name="caseless">The pattern's strings, each character with its case-folding orbit.</param>
/// <param name="prefilter">Finds candidates: a piece of a string, with its case variants.</param>
/// <param name="crlf">Lines end with CRLF: the <c>\r</c> before a line's end is not part of it.</param>
internal sealed class CaselessLineMatcher(CaselessLiterals caseless, Prefilter prefilter, bool crlf) : LineMatcher
{
    private byte[] _buffer = [];
    private int _start;
    private int _end;
    private bool _usePrefilter;

    public override void SetRegion(byte[] buffer, int start, int end)
    {
        _buffer = buffer;
        _start = start;
        _end = end;
        _usePrefilter = prefilter.Reset(buffer.AsSpan(start, end - start));
    }

    // A region the prefilter cannot be trusted on (a case variant it does not search for occurs there)
    // is scanned by the strings themselves: they hold no line terminator, so a match lies in one line.
    public override bool NextMatchingLine(int from, out int lineStart, out int lineEnd)
    {
        if (_usePrefilter)
        {
            return NextCandidateLine(prefilter, _buffer, _start, _end, from, out lineStart, out lineEnd);
        }

        if (caseless.First(_buffer.AsSpan(from, _end - from), out _) is var at and >= 0)
        {
            (lineStart, lineEnd) = LineAround(_buffer, from, _end, from + at);
            return true;
        }

        lineStart = lineEnd = _end;
        return false;
    }

    public override bool IsMatch(ReadOnlySpan<byte> line) => caseless.First(WithoutCarriageReturn(line, crlf), out _) >= 0;

    public override void FindAll(ReadOnlySpan<byte> line, List<ByteRange> matches) => caseless.FindAll(WithoutCarriageReturn(line, crlf), matches);
}
