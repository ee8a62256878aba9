using System.Buffers;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using Scour.Matching.Literals;

namespace Scour.Matching.Automata;

/// <summary>The searches that find a match's span: its end (forward) and its start (reverse).</summary>
internal sealed partial class LazyDfa
{
    // At most this many bytes leave an accelerated state, together at most this frequent (1/64 of
    // text: skips of 64 bytes on average, long enough to pay for the search's start-up).
    private const int MaxEscapes = 3;
    private const int MaxEscapeFrequency = (1 << 24) / 64;

    /// <summary>
    /// (<see cref="DfaMode.LeftmostFirst"/>) Where the leftmost-first match starting at or after
    /// <paramref name="from"/> ends, in <paramref name="text"/>, whose end is a line's end; the assertions
    /// see the byte before <paramref name="from"/>. Quit and GaveUp report where the search stopped.
    /// </summary>
    public DfaOutcome FindLeftmostEnd(ReadOnlySpan<byte> text, int from, out int end)
    {
        var startFlags = from == 0 ? StartBefore : FlagsAfter(text[from - 1]);
        var escapes = StartEscapes(startFlags); // first: it may clear the cache, renumbering the states
        var s = StartState(startFlags);
        var accelerated = escapes is null ? uint.MaxValue : (uint)s;
        var clears = _clears;
        var last = -1;
        var i = from;
        var length = text.Length;
        ref var map = ref MemoryMarshal.GetArrayDataReference(_map);
        ref var bytes = ref MemoryMarshal.GetReference(text);
        while (true)
        {
            // The fast path: transitions already in the table to live states that end no match. One
            // unsigned comparison sends the rest (Dead is 0, Unknown and Quit negative, matches have
            // the match bit) to the careful path below; every state's row is in the table. Four bytes
            // a step, as the line search, and the start state's skip is looked for between steps.
            ref var table = ref Unsafe.As<int, uint>(ref MemoryMarshal.GetArrayDataReference(_table));
            var u = (uint)s;
            while (i < length)
            {
                if (u == accelerated)
                {
                    var skip = text[i..].IndexOfAny(escapes!);
                    i = skip < 0 ? length : i + skip;
                    if (i == length)
                    {
                        break;
                    }
                }

                var t = Unsafe.Add(ref table, (nuint)(u + Unsafe.Add(ref map, Unsafe.Add(ref bytes, i))));
                if (t - 1 >= MatchBit - 1)
                {
                    break;
                }

                if (i + 4 >= length)
                {
                    (u, i) = (t, i + 1);
                    continue;
                }

                var t1 = Unsafe.Add(ref table, (nuint)(t + Unsafe.Add(ref map, Unsafe.Add(ref bytes, i + 1))));
                if (t1 - 1 >= MatchBit - 1)
                {
                    (u, i) = (t, i + 1);
                    break;
                }

                var t2 = Unsafe.Add(ref table, (nuint)(t1 + Unsafe.Add(ref map, Unsafe.Add(ref bytes, i + 2))));
                if (t2 - 1 >= MatchBit - 1)
                {
                    (u, i) = (t1, i + 2);
                    break;
                }

                var t3 = Unsafe.Add(ref table, (nuint)(t2 + Unsafe.Add(ref map, Unsafe.Add(ref bytes, i + 3))));
                if (t3 - 1 >= MatchBit - 1)
                {
                    (u, i) = (t2, i + 3);
                    break;
                }

                (u, i) = (t3, i + 4);
            }

            s = (int)u;

            var atEnd = i == text.Length;
            if (!Step(ref s, atEnd ? _classes : _map[text[i]], i - from, out var matched, out var stopped))
            {
                end = i;
                return stopped;
            }

            if (_clears != clears)
            {
                accelerated = uint.MaxValue; // states were renumbered: the start state has another number
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
    /// on both sides. With <paramref name="any"/>, the first start found going back (the rightmost):
    /// enough to know that a match ends there. Quit and GaveUp report where the search stopped.
    /// </summary>
    public DfaOutcome FindStart(ReadOnlySpan<byte> text, int from, int end, out int start, bool any = false)
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
                    if (any)
                    {
                        return SpanFound(end - i, last, out start);
                    }

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

            if (i < from || s == Dead || (any && matched))
            {
                return SpanFound(end - i, last, out start);
            }

            i--;
        }
    }

    // The bytes that leave the start state after a byte with `flags`, when they are few and rare enough
    // to skip to with a vectorized search (else null): rg's accelerated states (j[A-Z]+ leaves only on
    // 'j'). Kept beside the start state, and forgotten with it when the cache is cleared.
    private SearchValues<byte>? StartEscapes(byte flags)
    {
        flags &= _flagMask;
        if (_startEscapesKnown[flags])
        {
            return _startEscapes[flags];
        }

        var s = StartState(flags);
        var clears = _clears;
        var leaving = new bool[_classes];
        for (var c = 0; c < _classes; c++)
        {
            var entry = _table[s + c];
            if (entry == Unknown)
            {
                entry = Compute(s, c, 0, out _);
                if (entry == Unknown || _clears != clears)
                {
                    return null; // the cache is full: not now
                }
            }

            leaving[c] = entry != s;
        }

        var escapes = new List<byte>();
        var frequency = 0;
        for (var b = 0; b < 256 && escapes.Count <= MaxEscapes; b++)
        {
            if (leaving[_map[b]])
            {
                escapes.Add((byte)b);
                frequency += ByteFrequencies.Of((byte)b);
            }
        }

        var values = escapes.Count <= MaxEscapes && frequency <= MaxEscapeFrequency ? SearchValues.Create([.. escapes]) : null;
        _startEscapes[flags] = values;
        _startEscapesKnown[flags] = true;
        return values;
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
