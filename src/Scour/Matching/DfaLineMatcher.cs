using Scour.Matching.Automata;

namespace Scour.Matching;

/// <summary>
/// Decides lines with a <see cref="LazyDfa"/> over the region's bytes: one pass, no decoding, and a line
/// is located only once a match ends in it. Spans (for <c>-o</c>, colors, JSON, replacements) come from
/// the <paramref name="exact"/> PikeVM, which also decides the lines the automaton cannot: those where
/// a Unicode word assertion meets a non-ASCII byte, and every line after the automaton gave up. With a
/// <paramref name="prefilter"/> for a required literal, only the lines holding a candidate are run.
/// </summary>
/// <param name="dfa">Decides lines.</param>
/// <param name="exact">Finds spans, and decides what the DFA cannot.</param>
/// <param name="wholeRegion">
/// Decides a region of many lines the DFA cannot decide (text in another script under a Unicode <c>\b</c>)
/// in one pass, when its form is one that matcher is exact on (valid UTF-8 in the BMP); null when it is
/// exact on no text (a pattern of single bytes, see <see cref="Syntax.ByteClassNode"/>).
/// </param>
/// <param name="prefilter">Finds candidate lines, when the pattern requires a literal.</param>
/// <param name="crlf">Lines end with CRLF: a line given alone is decided without the <c>\r</c> before its end.</param>
internal sealed class DfaLineMatcher(LazyDfa dfa, PikeVmLineMatcher exact, LineMatcher? wholeRegion, Prefilter? prefilter, bool crlf) : LineMatcher
{
    // A region with more lines than this that the automaton cannot decide is left to `wholeRegion`
    // when that is exact on it; otherwise the DFA goes on, handing each such line to `exact`.
    private const int HandOverLimit = 8;

    private byte[] _buffer = [];
    private int _start;
    private int _end;
    private LineMatcher? _fallback;
    private bool? _wholeRegionExact;
    private int _handedOver;
    private bool _gaveUp;
    private bool _usePrefilter;

    public override void SetRegion(byte[] buffer, int start, int end)
    {
        _buffer = buffer;
        _start = start;
        _end = end;
        _fallback = null;
        _wholeRegionExact = null;
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
            if (_gaveUp || (_handedOver > HandOverLimit && WholeRegionExact()))
            {
                return Fallback().NextMatchingLine(pos, out lineStart, out lineEnd);
            }

            switch (dfa.Find(text, pos, lastLineUnterminated, out var at))
            {
                case DfaOutcome.Match:
                    (lineStart, lineEnd) = LineAround(_buffer, pos, _end, at);
                    return true;
                case DfaOutcome.Quit:
                    (lineStart, lineEnd) = LineAround(_buffer, pos, _end, at);
                    _handedOver++;
                    if (DecideHandedOver(from, lineStart, lineEnd))
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
        line = WithoutCarriageReturn(line, crlf);
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

        return IsExactForWholeRegion(line) ? wholeRegion!.IsMatch(line) : exact.IsMatch(line);
    }

    // A line the DFA handed over: .NET's regex where it is exact (valid UTF-8 without astral
    // characters; per line it is faster than the PikeVM), else the PikeVM.
    private bool DecideHandedOver(int searchStart, int lineStart, int lineEnd)
    {
        var line = _buffer.AsSpan(lineStart, lineEnd - lineStart);
        return IsExactForWholeRegion(line)
            ? wholeRegion!.IsMatch(WithoutTerminator(line))
            : exact.IsMatchingLine(_buffer, searchStart, lineStart, lineEnd);
    }

    private bool IsExactForWholeRegion(ReadOnlySpan<byte> text) =>
        wholeRegion is not null && System.Text.Unicode.Utf8.IsValid(text) && text.IndexOfAnyInRange((byte)0xF0, (byte)0xFF) < 0;

    // Whether the whole-region matcher is exact on this region: valid UTF-8 without astral characters
    // (next to other bytes its word assertions are not Rust's).
    private bool WholeRegionExact()
    {
        _wholeRegionExact ??= IsExactForWholeRegion(_buffer.AsSpan(_start, _end - _start));
        return _wholeRegionExact.Value;
    }

    // The matcher for the rest of the region once the DFA stops deciding it: the PikeVM line by line
    // after the DFA gave up, else the whole-region matcher (fast where the DFA hands over many lines).
    private LineMatcher Fallback()
    {
        if (_fallback is null)
        {
            _fallback = _gaveUp ? exact : wholeRegion!;
            _fallback.SetRegion(_buffer, _start, _end);
        }

        return _fallback;
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
        wholeRegion?.Dispose();
        base.Dispose();
    }
}
