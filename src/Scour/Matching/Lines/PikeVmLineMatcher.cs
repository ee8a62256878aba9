using Scour.Matching.Automata;

namespace Scour.Matching.Lines;

/// <summary>
/// Matches with a <see cref="PikeVm"/> over the line's bytes: exact for every pattern the byte automaton
/// holds, spans and capture groups included, with no decoding. Lines are decided one at a time, so
/// it decides lines only where the DFA cannot (see <see cref="DfaLineMatcher"/>), and finds the spans.
/// With <paramref name="spans"/>, a span is found as rg finds it: a forward lazy DFA finds where the
/// leftmost-first match ends, a reverse one where it starts, and the PikeVM runs only for capture
/// groups (from the match's start) and where the DFAs cannot decide (a Unicode word assertion next to
/// a non-ASCII byte, or a DFA that gave up).
/// </summary>
/// <param name="nfa">The automaton. The engine and the span DFAs are built on the first line they decide:
/// behind a <see cref="DfaLineMatcher"/> most searches never need them, and for a large Unicode class
/// (<c>\w{30}</c>: 70,000 reverse states) they are most of a search's memory.</param>
/// <param name="spans">Builds the forward (<see cref="DfaMode.LeftmostFirst"/>) and reverse (<see cref="DfaMode.AllReverse"/>) DFAs, if any.</param>
/// <param name="groupNames">The pattern's named groups and their numbers.</param>
/// <param name="linesInContext">
/// Whether a line is decided with the bytes before it in view, back to where the search started, as rg
/// decides lines when it runs its regex over the rest of the buffer (a pattern without a literal to look
/// for, nor <c>\A</c> or <c>\z</c>): a Unicode word assertion near the line's start then sees the
/// previous line's terminator (it matters only after a byte that is not UTF-8, see <see cref="LookAround"/>).
/// Otherwise each line is its own text.
/// </param>
/// <param name="linesAreTexts">
/// Whether a line is decided without its terminator in view, as rg decides lines one at a time (for
/// <c>\A</c> or <c>\z</c>): a <c>\r</c> before the terminator then ends the text.
/// </param>
/// <param name="crlf">
/// Lines end with CRLF (<c>--crlf</c>): rg removes a final <c>\r\n</c> from the line, so spans and
/// line-by-line decisions do not see its <c>\r</c>; a bare <c>\n</c> stays in a line decided alone.
/// </param>
/// <param name="suffix">
/// The literal every match ends with, when the pattern is a repeated class before it (see
/// <see cref="Literals.LiteralAnalysis.IsRepeatedClassThenSuffix"/>): spans are then found back and
/// forth from its occurrences instead of by the forward DFA over all the text before them.
/// </param>
/// <param name="acrossLines">
/// Matches may span lines (<c>-U</c>): the automaton consumes terminators, and spans are found in whole
/// texts (<see cref="FindAll"/> over a file, a reported unit of lines with its terminators).
/// </param>
internal sealed class PikeVmLineMatcher(Nfa nfa, Func<(LazyDfa Forward, LazyDfa Reverse)?>? spans, IReadOnlyDictionary<string, int> groupNames, bool linesInContext, bool linesAreTexts, bool crlf, bool acrossLines = false, byte[]? suffix = null) : LineMatcher
{
    private bool _spansGaveUp;
    private PikeVm? _vm;
    private (LazyDfa Forward, LazyDfa Reverse)? _spans;
    private readonly int[] _slots = new int[nfa.SlotCount];
    private byte[] _buffer = [];
    private int _end;

    private PikeVm Vm => _vm ??= new PikeVm(nfa);

    public override void SetRegion(byte[] buffer, int start, int end)
    {
        _buffer = buffer;
        _end = end;
    }

    public override bool NextMatchingLine(int from, out int lineStart, out int lineEnd)
    {
        for (var pos = from; pos < _end; pos = lineEnd)
        {
            lineEnd = LineBounds.EndOf(_buffer.AsSpan(0, _end), pos);
            if (IsMatchingLine(_buffer, from, pos, lineEnd))
            {
                lineStart = pos;
                return true;
            }
        }

        lineStart = lineEnd = _end;
        return false;
    }

    /// <summary>
    /// Whether the line at <c>buffer[lineStart..lineEnd]</c> (terminator included) matches, for a search
    /// that started at <paramref name="searchStart"/>. Unless lines are texts, the assertions see the
    /// terminator, as rg's do when it decides lines in its buffer (<c>(?R)$</c> does not hold between
    /// its <c>\r</c> and <c>\n</c>).
    /// </summary>
    private bool IsMatchingLine(byte[] buffer, int searchStart, int lineStart, int lineEnd)
    {
        var text = buffer.AsSpan(0, lineEnd);
        var content = WithoutTerminator(text).Length;
        return linesAreTexts ? Vm.Search(text[lineStart..LineText(text, content)], 0, [])
            : linesInContext ? Vm.Search(text[searchStart..], lineStart - searchStart, [], content - searchStart)
            : Vm.Search(text[lineStart..], 0, [], content - lineStart);
    }

    // The end of the text rg decides a line alone in: the line without its terminator, but with --crlf
    // only a "\r\n" is one (`content` is where the line's "\n" is, or its end).
    private int LineText(ReadOnlySpan<byte> text, int content) =>
        !crlf ? content : content < text.Length && content > 0 && text[content - 1] == '\r' ? content - 1 : text.Length;

    public override bool MatchesAcrossLines => acrossLines;

    public override bool IsMatch(ReadOnlySpan<byte> line) => Vm.Search(Text(line), 0, []);

    public override void FindAll(ReadOnlySpan<byte> line, List<ByteRange> matches) => FindAllFrom(Text(line), 0, matches);

    public override void FindAllGroups(ReadOnlySpan<byte> line, List<ByteRange[]> matches, out Func<string, int> resolveName) =>
        FindAllGroupsFrom(Text(line), 0, matches, out resolveName);

    public override bool FindFirst(ReadOnlySpan<byte> text, int from, out ByteRange match)
    {
        var slots = _slots.AsSpan(0, 2);
        var found = Search(text[from..], 0, slots);
        match = found ? new ByteRange(slots[0] + from, slots[1] + from) : default;
        return found;
    }

    // What a line given alone is matched in: with --crlf, not the \r of its terminator (a text spanning
    // lines keeps everything).
    private ReadOnlySpan<byte> Text(ReadOnlySpan<byte> line) => acrossLines ? line : WithoutCarriageReturn(line, crlf);

    // As rg's printer finds a reported line's matches: in the searcher's buffer up to the line's end
    // (its terminator removed), so that look-behind sees the bytes before the line and \A the buffer's
    // start. A unit of lines (-U) is searched with a little of what follows in view, and its matches are
    // those that start inside it.
    public override void FindAllInContext(ReadOnlySpan<byte> text, int start, int end, List<ByteRange> matches) =>
        FindAllFrom(Context(text, end), start, matches, acrossLines ? end : int.MaxValue);

    public override void FindAllGroupsInContext(ReadOnlySpan<byte> text, int start, int end, List<ByteRange[]> matches, out Func<string, int> resolveName) =>
        FindAllGroupsFrom(Context(text, end), start, matches, out resolveName, acrossLines ? end : int.MaxValue);

    private ReadOnlySpan<byte> Context(ReadOnlySpan<byte> text, int end) =>
        acrossLines ? text[..Math.Min(text.Length, end + MultilineLookAhead)] : text[..WithoutCarriageReturn(WithoutTerminator(text[..end]), crlf).Length];

    // The matches in haystack[from..], in coordinates relative to `from`.
    private void FindAllFrom(ReadOnlySpan<byte> haystack, int from, List<ByteRange> matches, int stop = int.MaxValue)
    {
        var slots = _slots.AsSpan(0, 2);
        int pos = from, lastEnd = -1;
        while (Next(haystack, ref pos, ref lastEnd, slots, stop))
        {
            matches.Add(new ByteRange(slots[0] - from, slots[1] - from));
        }
    }

    private void FindAllGroupsFrom(ReadOnlySpan<byte> haystack, int from, List<ByteRange[]> matches, out Func<string, int> resolveName, int stop = int.MaxValue)
    {
        resolveName = name => groupNames.TryGetValue(name, out var group) ? group : -1;
        var slots = _slots.AsSpan();
        int pos = from, lastEnd = -1;
        while (Next(haystack, ref pos, ref lastEnd, slots, stop))
        {
            var groups = new ByteRange[slots.Length / 2];
            for (var g = 0; g < groups.Length; g++)
            {
                groups[g] = slots[2 * g] < 0 ? new ByteRange(-1, -1) : new ByteRange(slots[2 * g] - from, slots[(2 * g) + 1] - from);
            }

            matches.Add(groups);
        }
    }

    // The next match to report, as rg iterates them: after an empty match the search resumes one byte
    // later (inside a character too), and an empty match right where the previous match ended is skipped.
    // None starts at or after `stop`.
    private bool Next(ReadOnlySpan<byte> line, ref int pos, ref int lastEnd, Span<int> slots, int stop)
    {
        while (pos <= line.Length && Search(line, pos, slots) && slots[0] < stop)
        {
            var (start, end) = (slots[0], slots[1]);
            pos = start == end ? end + 1 : end;
            if (start == end && end == lastEnd)
            {
                continue;
            }

            lastEnd = end;
            return true;
        }

        return false;
    }

    // The leftmost-first match at or after `from`, into `slots` (2: its span; more: its groups too).
    private bool Search(ReadOnlySpan<byte> haystack, int from, Span<int> slots)
    {
        if (spans is not null && !_spansGaveUp)
        {
            _spans ??= spans();
            _spansGaveUp = _spans is null;
        }

        if (_spans is var (forward, reverse) && !_spansGaveUp)
        {
            var found = suffix is null ? forward.FindLeftmostEnd(haystack, from, out var end) : FindFromSuffix(haystack, from, forward, reverse, out end);
            switch (found)
            {
                case DfaOutcome.NoMatch:
                    return false;
                case DfaOutcome.Match:
                    var back = reverse.FindStart(haystack, from, end, out var start);
                    if (back == DfaOutcome.Match && slots.Length == 2)
                    {
                        slots[0] = start;
                        slots[1] = end;
                        return true;
                    }

                    if (back == DfaOutcome.Match)
                    {
                        return Vm.Search(haystack, start, slots); // the same match: none starts before `start`
                    }

                    _spansGaveUp = back == DfaOutcome.GaveUp;
                    break;
                case DfaOutcome.GaveUp:
                    _spansGaveUp = true;
                    break;
            }
        }

        return Vm.Search(haystack, from, slots);
    }

    // Where the leftmost match ends: at the first occurrence of the suffix where a match ends, found
    // with the reverse DFA from the occurrence's end back to `from`, then forward from that match's
    // start (greedy runs may go on past the occurrence). The search above finds its start again,
    // from its end, as for any other match.
    private DfaOutcome FindFromSuffix(ReadOnlySpan<byte> haystack, int from, LazyDfa forward, LazyDfa reverse, out int end)
    {
        end = -1;
        var literal = suffix.AsSpan();
        for (var at = from; at < haystack.Length;)
        {
            var i = haystack[at..].IndexOf(literal);
            if (i < 0)
            {
                break;
            }

            switch (reverse.FindStart(haystack, from, at + i + literal.Length, out var start))
            {
                case DfaOutcome.Match:
                    return forward.FindLeftmostEnd(haystack, start, out end);
                case DfaOutcome.NoMatch:
                    at += i + 1;
                    break;
                case var stopped:
                    return stopped;
            }
        }

        return DfaOutcome.NoMatch;
    }
}
