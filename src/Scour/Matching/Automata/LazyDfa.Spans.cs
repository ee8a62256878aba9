namespace Scour.Matching.Automata;

/// <summary>The searches that find a match's span: its end (forward) and its start (reverse).</summary>
internal sealed partial class LazyDfa
{
    /// <summary>
    /// (<see cref="DfaMode.LeftmostFirst"/>) Where the leftmost-first match starting at or after
    /// <paramref name="from"/> ends, in <paramref name="text"/>, whose end is a line's end; the assertions
    /// see the byte before <paramref name="from"/>. Quit and GaveUp report where the search stopped.
    /// </summary>
    public DfaOutcome FindLeftmostEnd(ReadOnlySpan<byte> text, int from, out int end)
    {
        var s = StartState(from == 0 ? StartBefore : FlagsAfter(text[from - 1]));
        var last = -1;
        var i = from;
        while (true)
        {
            // The fast path: transitions already in the table (negative entries are Unknown or Quit).
            var table = _table;
            while (i < text.Length)
            {
                var entry = table[s + _map[text[i]]];
                if (entry < 0)
                {
                    break;
                }

                if (entry >= MatchBit)
                {
                    last = i;
                    entry -= MatchBit;
                }

                s = entry;
                if (s == Dead)
                {
                    return SpanFound(i - from, last, out end);
                }

                i++;
            }

            var atEnd = i == text.Length;
            if (!Step(ref s, atEnd ? _classes : _map[text[i]], i - from, out var matched, out var stopped))
            {
                end = i;
                return stopped;
            }

            if (matched)
            {
                last = i;
            }

            if (atEnd || s == Dead)
            {
                return SpanFound(i - from, last, out end);
            }

            i++;
        }
    }

    /// <summary>
    /// (<see cref="DfaMode.AllReverse"/>, over the reverse NFA) Where the leftmost match that ends at
    /// <paramref name="end"/> starts, at or after <paramref name="from"/>; the assertions see the bytes
    /// on both sides. Quit and GaveUp report where the search stopped.
    /// </summary>
    public DfaOutcome FindStart(ReadOnlySpan<byte> text, int from, int end, out int start)
    {
        var s = StartState(end == text.Length ? StartBefore : FlagsAfter(text[end]));
        var last = -1;
        var i = end - 1;
        while (true)
        {
            // The byte at i decides position i + 1; below `from` that is the search's start, where
            // only whether a match starts counts (and at -1 the text's start decides it).
            var table = _table;
            while (i >= from)
            {
                var entry = table[s + _map[text[i]]];
                if (entry < 0)
                {
                    break;
                }

                if (entry >= MatchBit)
                {
                    last = i + 1;
                    entry -= MatchBit;
                }

                s = entry;
                if (s == Dead)
                {
                    return SpanFound(end - i, last, out start);
                }

                i--;
            }

            if (!Step(ref s, i < 0 ? _classes : _map[text[i]], end - i, out var matched, out var stopped))
            {
                start = i + 1;
                return stopped;
            }

            if (matched)
            {
                last = i + 1;
            }

            if (i < from || s == Dead)
            {
                return SpanFound(end - i, last, out start);
            }

            i--;
        }
    }

    private DfaOutcome SpanFound(long scanned, int last, out int position)
    {
        _scanned += scanned;
        position = last;
        return last >= 0 ? DfaOutcome.Match : DfaOutcome.NoMatch;
    }

    // One transition of the span searches, computing it when it is new: false when the search must stop
    // (`stopped` says why).
    private bool Step(ref int s, int cls, long scanned, out bool matched, out DfaOutcome stopped)
    {
        var entry = _table[s + cls];
        if (entry == Unknown)
        {
            entry = Compute(s, cls, scanned, out s);
        }

        stopped = entry == Unknown ? DfaOutcome.GaveUp : DfaOutcome.Quit;
        matched = entry >= MatchBit;
        if (entry is Unknown or QuitEntry)
        {
            return false;
        }

        s = matched ? entry - MatchBit : entry;
        return true;
    }
}
