using Scour.Matching.Automata;
using Scour.Matching.Literals;

namespace Scour.Matching.Lines;

/// <summary>
/// Decides lines with a <see cref="LazyDfa"/> over the region's bytes: one pass, no decoding, and a line
/// is located only once a match ends in it (Unicode word assertions included, see
/// <see cref="Utf8WordTracker"/>). Spans (for <c>-o</c>, colors, JSON, replacements) come from the
/// <paramref name="exact"/> PikeVM, which also decides every line after the automaton gave up (its
/// cache kept filling). With a <paramref name="prefilter"/> for a required literal, only the lines
/// holding a candidate are run.
/// </summary>
/// <param name="dfa">Decides lines.</param>
/// <param name="exact">Finds spans, and decides lines once the DFA gave up.</param>
/// <param name="prefilter">Finds candidate lines, when the pattern requires a literal.</param>
/// <param name="crlf">Lines end with CRLF: a line given alone is decided without the <c>\r</c> before its end.</param>
internal sealed class DfaLineMatcher(LazyDfa dfa, PikeVmLineMatcher exact, Prefilter? prefilter, bool crlf) : SpansFromLineMatcher(exact)
{
    private byte[] _buffer = [];
    private int _start;
    private int _end;
    private bool _gaveUp;
    private bool _usePrefilter;

    // Regions at least this long are searched in two halves at once (LazyDfa.FindSplit): shorter ones
    // end too soon for the second half's start to pay.
    private const int MinSplitLength = 4096;

    public override void SetRegion(byte[] buffer, int start, int end)
    {
        _buffer = buffer;
        _start = start;
        _end = end;
        _usePrefilter = prefilter is not null && prefilter.Reset(buffer.AsSpan(start, end - start));
        if (_gaveUp)
        {
            exact.SetRegion(buffer, start, end);
        }
    }

    public override bool NextMatchingLine(int from, out int lineStart, out int lineEnd)
    {
        if (_usePrefilter)
        {
            return NextCandidateLine(prefilter!, _buffer, _start, _end, from, out lineStart, out lineEnd);
        }

        if (_gaveUp)
        {
            return exact.NextMatchingLine(from, out lineStart, out lineEnd);
        }

        var text = _buffer.AsSpan(0, _end);
        var lastLineUnterminated = _end > _start && _buffer[_end - 1] != (byte)'\n';
        var mid = _end - from >= MinSplitLength ? LineBounds.EndOf(text, from + ((_end - from) / 2)) : _end;
        var outcome = mid < _end
            ? dfa.FindSplit(text, from, mid, lastLineUnterminated, out var at)
            : dfa.Find(text, from, lastLineUnterminated, out at);
        switch (outcome)
        {
            case DfaOutcome.Match:
                (lineStart, lineEnd) = LineAround(_buffer, from, _end, at);
                return true;
            case DfaOutcome.GaveUp or DfaOutcome.Quit: // (a line DFA does not quit: it tracks words)
                // The PikeVM takes over from the line where the DFA stopped, for good.
                _gaveUp = true;
                exact.SetRegion(_buffer, _start, _end);
                return exact.NextMatchingLine(LineBounds.StartOf(_buffer, at, from), out lineStart, out lineEnd);
            default:
                lineStart = lineEnd = _end;
                return false;
        }
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

        return exact.IsMatch(line);
    }
}
