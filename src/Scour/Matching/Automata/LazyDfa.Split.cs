using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace Scour.Matching.Automata;

/// <summary>
/// The line search over two halves of a text at once. A DFA step is one table read whose address
/// depends on the previous read, so a single search waits on memory at every byte; two searches, in
/// two halves split at a line start, are two independent chains of reads that an out-of-order core
/// overlaps (a DFA-bound scan runs in about half the time). The answer is the single search's: the
/// first half's outcome if it has one, else the second's.
/// </summary>
internal sealed partial class LazyDfa
{
    /// <summary>
    /// As <see cref="Find"/> from <paramref name="from"/>, with the text split at <paramref name="mid"/>, a
    /// line start after <paramref name="from"/>.
    /// </summary>
    public DfaOutcome FindSplit(ReadOnlySpan<byte> text, int from, int mid, bool endIsLineEnd, out int position)
    {
        // The second half starts in the state that follows a terminator: the same from every state,
        // since nothing of the pattern consumes one.
        var afterTerminator = StateAfterTerminator();
        if (afterTerminator < 0 || StartEscapes(StartBefore) is not null)
        {
            return Find(text, from, endIsLineEnd, out position); // (a start state with escapes skips faster alone)
        }

        var first = new Chain((uint)_start, from, mid);
        var second = new Chain((uint)afterTerminator, mid, text.Length);
        DfaOutcome? secondOutcome = null;
        var secondAt = 0;
        while (first.Position < first.End && secondOutcome is null && second.Position < second.End)
        {
            RunBoth(text, ref first, ref second);
            if (first.Position < first.End && !IsPlainMove(text, first) && Step(text, ref first, ref second, from) is { } outcome)
            {
                position = first.Position;
                _scanned += position - from;
                return outcome;
            }

            if (second.Position < second.End && !IsPlainMove(text, second) && Step(text, ref second, ref first, mid) is { } found)
            {
                if (found == DfaOutcome.GaveUp)
                {
                    // (also when the first half's state could not be kept): nothing before it matched
                    position = first.Position;
                    _scanned += position - from;
                    return found;
                }

                (secondOutcome, secondAt) = (found, second.Position);
            }
        }

        // One half is done: the other goes on alone.
        if (first.Position < first.End)
        {
            var index = (int)second.State / _stride;
            var (set, flags, clears) = (_sets[index], _flags[index], _clears);
            var alone = Scan(text[..first.End], from, first.Position, first.State, null, endIsLineEnd: false, out position);
            if (alone != DfaOutcome.NoMatch)
            {
                _scanned += position - from;
                return alone;
            }

            if (_clears != clears && secondOutcome is null)
            {
                if (!TryAdd(set, flags, out var renumbered))
                {
                    position = mid;
                    return DfaOutcome.GaveUp;
                }

                second.State = (uint)renumbered;
            }
        }

        _scanned += mid - from;
        if (secondOutcome is { } known)
        {
            position = secondAt;
            _scanned += position - mid;
            return known;
        }

        var rest = Scan(text, mid, second.Position, second.State, null, endIsLineEnd, out position);
        _scanned += position - mid;
        return rest;
    }

    // Where a search is: its state, the next byte, and where its half ends.
    private struct Chain(uint state, int position, int end)
    {
        public uint State = state;
        public int Position = position;
        public readonly int End = end;
    }

    // The state after a line terminator read in the start state, or -1 (the cache gave up).
    private int StateAfterTerminator()
    {
        var cls = _map['\n'];
        var entry = _table[_start + cls];
        if (entry == Unknown)
        {
            entry = Compute(_start, cls, 0, out _);
        }

        return entry is Unknown or QuitEntry ? -1 : entry & ~MatchBit;
    }

    // Both searches over transitions already in the table to states that end no match, until either
    // meets another transition or the shorter half's end.
    private void RunBoth(ReadOnlySpan<byte> text, ref Chain a, ref Chain b)
    {
        ref var map = ref MemoryMarshal.GetArrayDataReference(_map);
        ref var bytes = ref MemoryMarshal.GetReference(text);
        ref var table = ref Unsafe.As<int, uint>(ref MemoryMarshal.GetArrayDataReference(_table));
        var (sa, sb, ia, ib) = (a.State, b.State, a.Position, b.Position);
        var stop = ia + Math.Min(a.End - ia, b.End - ib);
        while (ia < stop)
        {
            var ta = Unsafe.Add(ref table, (nuint)(sa + Unsafe.Add(ref map, Unsafe.Add(ref bytes, ia))));
            var tb = Unsafe.Add(ref table, (nuint)(sb + Unsafe.Add(ref map, Unsafe.Add(ref bytes, ib))));
            if ((ta | tb) >= MatchBit) // either is a match, Unknown or Quit (both offsets are below MatchBit otherwise)
            {
                break;
            }

            (sa, sb) = (ta, tb);
            ia++;
            ib++;
        }

        (a.State, a.Position, b.State, b.Position) = (sa, ia, sb, ib);
    }

    private bool IsPlainMove(ReadOnlySpan<byte> text, in Chain c) => (uint)_table[(int)c.State + _map[text[c.Position]]] < MatchBit;

    // The careful step of `c` at a transition the fast loop does not take: its outcome if its search
    // ends there, else null (it moved on). A cache clear renumbers the states: `other` is found again.
    private DfaOutcome? Step(ReadOnlySpan<byte> text, ref Chain c, ref Chain other, int from)
    {
        var cls = _map[text[c.Position]];
        var entry = _table[(int)c.State + cls];
        if (entry == Unknown)
        {
            var otherIndex = (int)other.State / _stride;
            var (otherSet, otherFlags) = (_sets[otherIndex], _flags[otherIndex]);
            var clears = _clears;
            entry = Compute((int)c.State, cls, c.Position - from, out var renumbered);
            if (entry == Unknown)
            {
                return DfaOutcome.GaveUp;
            }

            c.State = (uint)renumbered;
            if (_clears != clears)
            {
                if (!TryAdd(otherSet, otherFlags, out var found))
                {
                    return DfaOutcome.GaveUp;
                }

                other.State = (uint)found;
            }
        }

        if (entry == QuitEntry)
        {
            return DfaOutcome.Quit;
        }

        if (entry >= MatchBit)
        {
            return DfaOutcome.Match;
        }

        c.State = (uint)entry;
        c.Position++;
        return null;
    }
}
