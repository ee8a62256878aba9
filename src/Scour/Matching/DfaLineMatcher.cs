using Scour.Matching.Automata;

namespace Scour.Matching;

/// <summary>
/// Decides lines with a <see cref="LazyDfa"/> over the region's bytes: one pass, no decoding, and a line
/// is located only once a match ends in it. Spans (for <c>-o</c>, colors, JSON, replacements) come from
/// <paramref name="exact"/>, which also decides the lines the automaton cannot: those where a Unicode
/// word assertion meets a non-ASCII byte, and every line after the automaton gave up. With a
/// <paramref name="prefilter"/> for a required literal, only the lines holding a candidate are run.
/// </summary>
internal sealed class DfaLineMatcher(LazyDfa dfa, LineMatcher exact, Prefilter? prefilter) : LineMatcher
{
    // A region with more lines than this that the automaton cannot decide is left to `exact` whole:
    // it is non-ASCII text under a Unicode word assertion, which `exact` scans in one pass.
    private const int HandOverLimit = 8;

    private byte[] _buffer = [];
    private int _start;
    private int _end;
    private bool _exactReady;
    private int _handedOver;
    private bool _gaveUp;
    private bool _usePrefilter;

    public override void SetRegion(byte[] buffer, int start, int end)
    {
        _buffer = buffer;
        _start = start;
        _end = end;
        _exactReady = false;
        _handedOver = 0;
        _usePrefilter = prefilter is not null && prefilter.Reset(buffer.AsSpan(start, end - start));
    }

    public override bool NextMatchingLine(int from, out int lineStart, out int lineEnd)
    {
        var text = _buffer.AsSpan(0, _end);
        var lastLineUnterminated = _end > _start && _buffer[_end - 1] != (byte)'\n';
        if (_usePrefilter)
        {
            return NextCandidateLine(prefilter!, decoded: null, _buffer, _start, _end, from, out lineStart, out lineEnd);
        }

        var pos = from;
        while (pos < _end)
        {
            if (_gaveUp || _handedOver > HandOverLimit)
            {
                return Exact().NextMatchingLine(pos, out lineStart, out lineEnd);
            }

            switch (dfa.Find(text, pos, lastLineUnterminated, out var at))
            {
                case DfaOutcome.Match:
                    (lineStart, lineEnd) = LineAround(_buffer, pos, _end, at);
                    return true;
                case DfaOutcome.Quit:
                    (lineStart, lineEnd) = LineAround(_buffer, pos, _end, at);
                    _handedOver++;
                    if (Exact().IsMatch(WithoutTerminator(_buffer.AsSpan(lineStart, lineEnd - lineStart))))
                    {
                        return true;
                    }

                    pos = lineEnd;
                    break;
                case DfaOutcome.GaveUp:
                    _gaveUp = true;
                    pos = LineBounds.StartOf(_buffer, at, pos);
                    break;
                default:
                    lineStart = lineEnd = _end;
                    return false;
            }
        }

        lineStart = lineEnd = _end;
        return false;
    }

    public override bool IsMatch(ReadOnlySpan<byte> line)
    {
        if (!_gaveUp)
        {
            switch (dfa.Find(line, 0, endIsLineEnd: true, out _))
            {
                case DfaOutcome.Match:
                    return true;
                case DfaOutcome.NoMatch:
                    return false;
                case DfaOutcome.GaveUp:
                    _gaveUp = true;
                    break;
            }
        }

        return exact.IsMatch(line);
    }

    private LineMatcher Exact()
    {
        if (!_exactReady)
        {
            exact.SetRegion(_buffer, _start, _end);
            _exactReady = true;
        }

        return exact;
    }

    public override void FindAll(ReadOnlySpan<byte> line, List<ByteRange> matches) => exact.FindAll(line, matches);

    public override void FindAllGroups(ReadOnlySpan<byte> line, List<ByteRange[]> matches, out Func<string, int> resolveName) =>
        exact.FindAllGroups(line, matches, out resolveName);

    public override void FindAllInContext(ReadOnlySpan<byte> text, int start, int end, List<ByteRange> matches) =>
        exact.FindAllInContext(text, start, end, matches);

    public override void FindAllGroupsInContext(ReadOnlySpan<byte> text, int start, int end, List<ByteRange[]> matches, out Func<string, int> resolveName) =>
        exact.FindAllGroupsInContext(text, start, end, matches, out resolveName);

    public override void Dispose()
    {
        exact.Dispose();
        base.Dispose();
    }
}
