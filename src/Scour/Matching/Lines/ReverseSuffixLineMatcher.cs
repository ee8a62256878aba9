using Scour.Matching.Automata;
using Scour.Matching.Literals;

namespace Scour.Matching.Lines;

/// <summary>
/// Lines of a pattern whose every match ends with a literal (<c>[a-z]+ing</c>), found the way rg's
/// reverse-suffix strategy finds them: the <paramref name="prefilter"/> finds an occurrence of the
/// literal, and the <paramref name="reverse"/> DFA, run back from its end towards the line's start, says
/// whether a match ends there, usually after a few bytes. Only a line that holds a match is located in
/// full; a line that keeps failing, or that the reverse DFA cannot decide (Unicode word assertions next
/// to non-ASCII text), is decided by <paramref name="lines"/>, which also gives every span.
/// </summary>
/// <param name="lines">The forward line DFA with the same prefilter: decides the lines this cannot, finds spans.</param>
/// <param name="prefilter">Finds where occurrences of the suffix start (every one of them).</param>
/// <param name="suffixLength">The suffix's length in bytes.</param>
/// <param name="reverse">The reverse DFA (<see cref="DfaMode.AllReverse"/>) of the whole pattern.</param>
internal sealed class ReverseSuffixLineMatcher(DfaLineMatcher lines, Prefilter prefilter, int suffixLength, LazyDfa reverse) : SpansFromLineMatcher(lines)
{
    // Occurrences of the suffix that end no match in one line before the line is decided forward: each
    // reverse run may read back to the line's start, so this bounds the work per line to a few passes.
    private const int MaxFailuresPerLine = 16;

    private byte[] _buffer = [];
    private int _start;
    private int _end;
    private bool _usePrefilter;
    private bool _gaveUp;

    public override void SetRegion(byte[] buffer, int start, int end)
    {
        _buffer = buffer;
        _start = start;
        _end = end;
        _usePrefilter = prefilter.Reset(buffer.AsSpan(start, end - start));
        lines.SetRegion(buffer, start, end);
    }

    public override bool NextMatchingLine(int from, out int lineStart, out int lineEnd)
    {
        if (!_usePrefilter || _gaveUp)
        {
            return lines.NextMatchingLine(from, out lineStart, out lineEnd);
        }

        var region = _buffer.AsSpan(_start, _end - _start);
        var text = _buffer.AsSpan(0, _end);
        var pos = from;
        var start = from;       // the start of the line holding the occurrence
        var searchedTo = from;  // no terminator between `start` and this
        var failures = 0;
        while (pos < _end && prefilter.Find(region, pos - _start) is var found and >= 0)
        {
            var at = _start + found;
            if (text[searchedTo..at].LastIndexOf((byte)'\n') is var terminator and >= 0)
            {
                start = searchedTo + terminator + 1;
                failures = 0;
            }

            searchedTo = at;
            var outcome = reverse.FindStart(text, start, at + suffixLength, out _, any: true);
            if (outcome == DfaOutcome.Match)
            {
                (lineStart, lineEnd) = (start, LineBounds.EndOf(text, at));
                return true;
            }

            if (outcome == DfaOutcome.NoMatch && ++failures < MaxFailuresPerLine)
            {
                pos = at + 1;
                continue;
            }

            if (outcome == DfaOutcome.GaveUp)
            {
                _gaveUp = true;
                return lines.NextMatchingLine(start, out lineStart, out lineEnd);
            }

            // Quit, or too many failures: the line DFA decides this line.
            lineEnd = LineBounds.EndOf(text, at);
            if (lines.IsMatch(WithoutTerminator(text[start..lineEnd])))
            {
                lineStart = start;
                return true;
            }

            pos = start = searchedTo = lineEnd;
            failures = 0;
        }

        lineStart = lineEnd = _end;
        return false;
    }

    public override bool IsMatch(ReadOnlySpan<byte> line) => lines.IsMatch(line);
}
