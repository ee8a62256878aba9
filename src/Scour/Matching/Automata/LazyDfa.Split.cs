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
        // A start state with escapes skips faster alone. (First: finding them may clear the cache.)
        if (StartEscapes(StartBefore) is not null)
        {
            return Find(text, from, endIsLineEnd, out position);
        }

        // The second half starts in the state that follows a terminator: the same from every state,
        // since nothing of the pattern consumes one.
        var afterTerminator = StateAfterTerminator();
        if (afterTerminator < 0)
        {
            return Find(text, from, endIsLineEnd, out position);
        }

        var first = new Chain((uint)_start, from, mid);
        var second = new Chain((uint)afterTerminator, mid, text.Length);
        DfaOutcome? secondOutcome = null;
        var secondAt = 0;
        while (first.Position < first.End && secondOutcome is null && second.Position < second.End)
        {
            RunBoth(text, ref first, ref second);
            if (first.Position < first.End && Step(text, ref first, ref second, from) is { } outcome)
            {
                position = first.Position;
                _scanned += position - from;
                return outcome;
            }

            if (second.Position < second.End && Step(text, ref second, ref first, mid) is { } found)
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
            var (key, clears) = (KeyOf(second.State), _clears);
            var alone = Scan(text[..first.End], from, first.Position, first.State, null, endIsLineEnd: false, out position);
            if (alone != DfaOutcome.NoMatch)
            {
                _scanned += position - from;
                return alone;
            }

            if (secondOutcome is null && !FindAgain(key, clears, ref second.State))
            {
                position = mid;
                return DfaOutcome.GaveUp;
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

    // What names a state across a cache clear, which renumbers the states: its set and flags.
    private (int[] Set, byte Flags) KeyOf(uint state) => (_sets[(int)state / _stride], _flags[(int)state / _stride]);

    // The state of `key` after the cache was cleared since `clears` (false: the cache cannot hold it).
    private bool FindAgain((int[] Set, byte Flags) key, int clears, ref uint state)
    {
        if (_clears == clears)
        {
            return true;
        }

        if (!TryAdd(key.Set, key.Flags, out var id))
        {
            return false;
        }

        state = (uint)id;
        return true;
    }

    // One step of `c` where the fast loop stopped (it may also be a plain move): its outcome if its
    // search ends there, else null (it moved on). A cache clear renumbers the states: `other` is found again.
    private DfaOutcome? Step(ReadOnlySpan<byte> text, ref Chain c, ref Chain other, int from)
    {
        var cls = _map[text[c.Position]];
        var entry = _table[(int)c.State + cls];
        if (entry == Unknown)
        {
            var (key, clears) = (KeyOf(other.State), _clears);
            entry = Compute((int)c.State, cls, c.Position - from, out var renumbered);
            c.State = (uint)renumbered;
            if (entry == Unknown || !FindAgain(key, clears, ref other.State))
            {
                return DfaOutcome.GaveUp;
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
