using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace Scour.Matching.Automata;

/// <summary>
/// A DFA over bytes built lazily from a <see cref="Nfa"/> while it searches: each DFA state is a set of
/// NFA states plus what the previous byte was (a word byte, the line terminator or the line's start,
/// non-ASCII), and each transition is computed the first time it is taken, then read from a table.
/// In <see cref="DfaMode.EarliestEnd"/> it answers whether and where a match first ends, which is all
/// that deciding a line needs; the other modes find a match's end and start (<see cref="DfaMode"/>).
/// </summary>
/// <remarks>
/// <para>Assertions that need the next byte are decided one byte late: a state keeps the assertion states
/// it reached, and the transition on the next byte (or the end of the line) first follows those that
/// hold between the previous byte and that one. So a transition also says whether a match ended just
/// before its byte. Those the previous byte decides alone (a line's start) are followed when the state
/// is built.</para>
/// <para>Line decisions are unanchored: every state holds the pattern's start again. No state consumes
/// the line terminator, so after one the automaton is back in its start state, and each line is
/// searched as its own text, as rg does.</para>
/// <para>Not thread-safe: one per search thread. The table's memory is bounded by a budget; when it is
/// full the cache is cleared and rebuilt from the current state, and a search that keeps clearing it
/// gives up (<see cref="DfaOutcome.GaveUp"/>).</para>
/// </remarks>
internal sealed partial class LazyDfa
{
    private const int Unknown = -1;
    private const int QuitEntry = -2;
    private const int MatchBit = 1 << 30;

    private const byte WordBefore = 1;
    private const byte StartBefore = 2;
    private const byte NonAsciiBefore = 4;
    private const byte CrBefore = 8;
    private const byte NulBefore = 16;
    private const int FlagCombinations = NulBefore << 1; // the highest flag's bit, doubled

    private readonly NfaState[] _nfa;
    private readonly int _nfaStart;
    private readonly DfaMode _mode;

    // In LeftmostFirst sets, the unanchored prefix's thread: not an NFA state, it stands for "a match
    // may still start at the next position" and is always last, so a match cuts it.
    private readonly int _prefix;

    // The empty set, which no search leaves: its offset is 0 (the first state of every cache).
    private const int Dead = 0;
    private readonly int[] _starts = new int[FlagCombinations];
    private readonly bool _unicodeWord;
    private readonly byte[] _map;
    private readonly int _classes;
    private readonly int _stride;
    private readonly byte[] _representative;
    private readonly long _budget;

    // The flags the pattern's assertions read; the others are dropped, so that states which differ
    // only in them are one state (a pattern without assertions has no flags at all).
    private readonly byte _flagMask;

    private int[] _table = new int[1024];
    private readonly List<int[]> _sets = [];
    private readonly List<byte> _flags = [];
    private readonly Dictionary<StateKey, int> _ids = new(new StateKeyComparer());
    private long _memory;
    private int _start;
    private int _clears;
    private long _scanned;          // bytes searched by finished calls to Find
    private long _scannedAtClear;

    // Scratch for closures: a generation stamp per NFA state, a stack, the states found.
    private readonly int[] _seen;
    private int _generation;
    private readonly Stack<int> _stack = new();
    private readonly List<int> _found = [];

    // Texts shorter than this (a line a prefilter found) are stepped through: a skip would not pay.
    private const int MinAcceleratedLength = 256;

    // StartEscapes by start state flags (one per entry of _starts), and whether each is known yet.
    private readonly System.Buffers.SearchValues<byte>?[] _startEscapes = new System.Buffers.SearchValues<byte>?[FlagCombinations];
    private readonly bool[] _startEscapesKnown = new bool[FlagCombinations];

    // Whether a state's set keeps its split states, in priority order (see Visit).
    private readonly bool _keepSplits;
    private readonly bool _linesAreTexts;

    /// <param name="nfa">The automaton.</param>
    /// <param name="classes">Its byte classes.</param>
    /// <param name="budgetBytes">The memory its states may use.</param>
    /// <param name="mode">What it searches for.</param>
    /// <param name="linesAreTexts">
    /// Each line is a text of its own, its terminator not part of it (rg's line-by-line search, for
    /// patterns with <c>\A</c> or <c>\z</c>): a <c>\r</c> before the terminator ends the text, so
    /// <c>(?R)^</c> holds after it.
    /// </param>
    /// <param name="linesAlone">
    /// A Unicode word assertion sees nothing before a line's start, as where rg confirms the lines that a
    /// required literal finds one at a time; otherwise it sees the previous line's terminator, as rg's
    /// search over its buffer does after the line where it began (see <see cref="Utf8WordTracker.TextStart"/>).
    /// </param>
    public LazyDfa(Nfa nfa, ByteClasses classes, long budgetBytes, DfaMode mode = DfaMode.EarliestEnd, bool linesAreTexts = false, bool linesAlone = false)
    {
        _linesAreTexts = linesAreTexts;
        _linesAlone = linesAlone;
        _nfa = nfa.States;
        _nfaStart = nfa.Start;
        _mode = mode;
        _prefix = nfa.States.Length;
        _unicodeWord = nfa.UnicodeWordBoundary;
        _map = classes.Map;
        _classes = classes.Count;
        _stride = classes.Count + 1; // the last column is the end of the text
        _representative = new byte[_classes];
        for (var c = 0; c < _classes; c++)
        {
            _representative[c] = classes.Representative(c);
        }

        _tracksWords = mode == DfaMode.EarliestEnd && nfa.UnicodeWordBoundary;
        _flagMask = (byte)(((nfa.Looks & (Look.Start | Look.StartText | Look.StartCrlf | Look.StartNul)) != 0 ? StartBefore : 0)
            | ((nfa.Looks & (Look.StartNul | Look.EndNul)) != 0 ? NulBefore : 0)
            | ((nfa.Looks & Nfa.WordLooks) != 0 ? WordBefore : 0)
            | (nfa.UnicodeWordBoundary && !_tracksWords ? NonAsciiBefore : 0)
            | ((nfa.Looks & (Look.StartCrlf | Look.EndCrlf)) != 0 ? CrBefore : 0));
        _keepSplits = mode == DfaMode.LeftmostFirst && (nfa.Looks & ~(Look.Start | Look.StartText)) != 0;
        _budget = Math.Max(budgetBytes, 64 * 1024);
        _seen = new int[_nfa.Length + 1];
        Reset();
    }

    /// <summary>How many times the cache was cleared (for tests and diagnostics).</summary>
    public int Clears => _clears;

    /// <summary>The number of states in the cache now (for tests and diagnostics).</summary>
    public int StateCount => _sets.Count;

    /// <summary>
    /// Searches <paramref name="text"/> from <paramref name="from"/>, a line start, for the earliest end
    /// of a match. With <paramref name="endIsLineEnd"/>, the end of the text also ends a line (the last
    /// line has no terminator), so a match may end there.
    /// </summary>
    public DfaOutcome Find(ReadOnlySpan<byte> text, int from, bool endIsLineEnd, out int position)
    {
        var outcome = Search(text, from, endIsLineEnd, out position);
        _scanned += position - from;
        return outcome;
    }

    private DfaOutcome Search(ReadOnlySpan<byte> text, int from, bool endIsLineEnd, out int position)
    {
        // A start state that few rare bytes leave is skipped through with a vectorized search.
        var escapes = StartEscapes(StartBefore); // first: it may clear the cache, renumbering _start
        return Scan(text, from, from, (uint)_start, escapes, endIsLineEnd, out position);
    }

    // The search from state `s` at `i`, of a search that began at `from` (for the give-up rule), with
    // the start state's escapes if it has them.
    private DfaOutcome Scan(ReadOnlySpan<byte> text, int from, int i, uint s, System.Buffers.SearchValues<byte>? escapes, bool endIsLineEnd, out int position)
    {
        ref var map = ref MemoryMarshal.GetArrayDataReference(_map);
        ref var bytes = ref MemoryMarshal.GetReference(text);
        var clears = _clears;
        var accelerated = escapes is null || text.Length - i < MinAcceleratedLength ? uint.MaxValue : (uint)_start;
        ref var table = ref Unsafe.As<int, uint>(ref MemoryMarshal.GetArrayDataReference(_table));
        var length = text.Length;
        while (true)
        {
            // In the start state (when the search begins, or after a move computed below), skip to the
            // next byte that leaves it. The hot loop does not look for the state again: a check per
            // byte costs more than the skips it would add.
            if (s == accelerated)
            {
                var skip = text[i..].IndexOfAny(escapes!);
                i = skip < 0 ? length : i + skip;
            }

            // The hot loop: one table read per byte, the next state's offset. Offsets are
            // premultiplied and unsigned (zero-extending them is free), and every state's row is in
            // the table, so the reads need no bounds checks.
            while (i + 3 < length)
            {
                var t = Unsafe.Add(ref table, (nuint)(s + Unsafe.Add(ref map, Unsafe.Add(ref bytes, i))));
                if (t >= MatchBit)
                {
                    break;
                }

                s = Unsafe.Add(ref table, (nuint)(t + Unsafe.Add(ref map, Unsafe.Add(ref bytes, i + 1))));
                if (s >= MatchBit)
                {
                    (s, i) = (t, i + 1);
                    break;
                }

                t = Unsafe.Add(ref table, (nuint)(s + Unsafe.Add(ref map, Unsafe.Add(ref bytes, i + 2))));
                if (t >= MatchBit)
                {
                    i += 2;
                    break;
                }

                s = Unsafe.Add(ref table, (nuint)(t + Unsafe.Add(ref map, Unsafe.Add(ref bytes, i + 3))));
                if (s >= MatchBit)
                {
                    (s, i) = (t, i + 3);
                    break;
                }

                i += 4;
            }

            while (i < length)
            {
                var t = Unsafe.Add(ref table, (nuint)(s + Unsafe.Add(ref map, Unsafe.Add(ref bytes, i))));
                if (t >= MatchBit)
                {
                    break;
                }

                s = t;
                i++;
            }

            if (i >= length)
            {
                break;
            }

            var entry = (int)Unsafe.Add(ref table, (nuint)(s + Unsafe.Add(ref map, Unsafe.Add(ref bytes, i))));
            if (entry == Unknown)
            {
                entry = Compute((int)s, _map[text[i]], i - from, out var renumbered);
                table = ref Unsafe.As<int, uint>(ref MemoryMarshal.GetArrayDataReference(_table));
                if (_clears != clears)
                {
                    accelerated = uint.MaxValue; // states were renumbered
                }

                if (entry == Unknown)
                {
                    position = i;
                    return DfaOutcome.GaveUp;
                }

                s = (uint)renumbered;
            }

            if (entry == QuitEntry)
            {
                position = i;
                return DfaOutcome.Quit;
            }

            if (entry >= MatchBit)
            {
                position = i;
                return DfaOutcome.Match;
            }

            s = (uint)entry;
            i++;
        }

        position = length;
        if (!endIsLineEnd)
        {
            return DfaOutcome.NoMatch;
        }

        var end = _table[(int)s + _classes];
        if (end == Unknown)
        {
            end = Compute((int)s, _classes, length - from, out _);
            if (end == Unknown)
            {
                return DfaOutcome.GaveUp;
            }
        }

        return end == QuitEntry ? DfaOutcome.Quit : end >= MatchBit ? DfaOutcome.Match : DfaOutcome.NoMatch;
    }

    // Fills in the transition of state `s` on `cls` and returns it (Unknown: give up). Clearing a full
    // cache renumbers the states: `renumbered` is the offset `s` has afterwards.
    private int Compute(int s, int cls, long scanned, out int renumbered)
    {
        renumbered = s;
        var index = s / _stride;
        var entry = Transition(_sets[index], _flags[index], cls, out var next, out var nextFlags);
        if (next is not null)
        {
            if (!TryAdd(next, nextFlags, out var id))
            {
                // Give up when the cache keeps filling before it has searched ten bytes per state.
                var total = _scanned + scanned;
                if (_clears >= 3 && total - _scannedAtClear < 10L * _sets.Count)
                {
                    return Unknown;
                }

                var (set, flags) = (_sets[index], _flags[index]);
                _clears++;
                _scannedAtClear = total;
                Reset();
                TryAdd(set, flags, out s);
                renumbered = s;
                TryAdd(next, nextFlags, out id);
            }

            entry = id | entry;
        }

        _table[s + cls] = entry;
        return entry;
    }

    private void Reset()
    {
        _ids.Clear();
        _sets.Clear();
        _flags.Clear();
        _memory = 0;
        Array.Fill(_table, Unknown);
        Array.Fill(_starts, Unknown);
        Array.Clear(_startEscapesKnown);
        TryAdd([], 0, out _); // Dead
        _start = StartState(StartBefore);
    }

    // The state a search starts in after a byte with the given flags (StartBefore: at a line's start).
    private int StartState(byte flags)
    {
        flags &= _flagMask;
        if (_starts[flags] == Unknown && _tracksWords)
        {
            TryAdd(TrackedStartSet(flags), flags, out _starts[flags]);
        }
        else if (_starts[flags] == Unknown)
        {
            Created([_mode == DfaMode.LeftmostFirst ? _prefix : _nfaStart], flags);
            TryAdd(SetOf(_found), flags, out _starts[flags]);
        }

        return _starts[flags];
    }

    private byte FlagsAfter(byte b) =>
        (byte)(((LookSet.IsWordByte(b) ? WordBefore : 0) | (b == Nfa.Terminator ? StartBefore : 0) | (b >= 0x80 ? NonAsciiBefore : 0) | (b == '\r' ? CrBefore : 0) | (b == 0 ? NulBefore : 0)) & _flagMask);

    // The entry for the move from (set, flags) on class `cls`: QuitEntry, or the match bit (plus the
    // next state, given back in `next` for the caller to number; null at the end of the text).
    private int Transition(int[] set, byte flags, int cls, out int[]? next, out byte nextFlags)
    {
        if (_tracksWords)
        {
            return TrackedTransition(set, flags, cls, out next, out nextFlags);
        }

        next = null;
        nextFlags = 0;
        var atEnd = cls == _classes;
        var b = atEnd ? Nfa.Terminator : _representative[cls];
        var nonAsciiAround = (flags & NonAsciiBefore) != 0 || (!atEnd && b >= 0x80);
        var holding = HoldingBefore(flags, atEnd, b);

        // Follow the assertions that hold here; a Unicode word assertion next to a non-ASCII byte quits.
        if (!Closure(set, AllLooks, holding, _unicodeWord && nonAsciiAround, expandPrefix: false))
        {
            return QuitEntry;
        }

        var matched = false;
        var moved = new List<int>();
        foreach (var id in _found)
        {
            if (id == _prefix)
            {
                moved.Add(_prefix);
                continue;
            }

            ref readonly var state = ref _nfa[id];
            if (state.Kind == NfaStateKind.Match && _mode == DfaMode.LeftmostFirst)
            {
                matched = true;
                break; // the threads after a match have lower priority
            }

            switch (state.Kind)
            {
                case NfaStateKind.Match:
                    matched = true;
                    break;
                case NfaStateKind.Range when !atEnd && state.Lo <= b && b <= state.Hi:
                    moved.Add(state.Next);
                    break;
                case NfaStateKind.Sparse when !atEnd:
                    foreach (var t in state.Transitions!)
                    {
                        if (t.Lo <= b && b <= t.Hi)
                        {
                            moved.Add(t.Next);
                        }
                    }

                    break;
            }
        }

        var entry = matched ? MatchBit : 0;
        if (atEnd)
        {
            return entry;
        }

        if (_mode == DfaMode.EarliestEnd)
        {
            moved.Add(_nfaStart); // the search is unanchored
        }

        nextFlags = FlagsAfter(b);
        Created(CollectionsMarshal.AsSpan(moved), nextFlags);
        next = SetOf(_found);
        nextFlags = next.Length == 0 ? (byte)0 : nextFlags;
        return entry;
    }

    private const Look AllLooks = (Look)0xFFFF;

    // The closure of a new state, entered after a byte with `flags`: the assertions that byte decides
    // alone (a line's start) are followed now, as a backtracking engine would at this position, so that
    // the threads keep their priority order; the others wait for the next byte.
    private void Created(ReadOnlySpan<int> seeds, byte flags)
    {
        var (decided, holding) = DecidedOnCreation(flags);
        Closure(seeds, decided, holding, quitOnWord: false, expandPrefix: true);
    }

    // The assertions a state entered after a byte with `flags` decides when it is built (those that
    // byte decides alone), and which of them hold.
    private static (Look Decided, Look Holding) DecidedOnCreation(byte flags) => (
        Look.Start | Look.StartText | Look.StartNul | ((flags & CrBefore) == 0 ? Look.StartCrlf : Look.None),
        ((flags & StartBefore) != 0 ? Look.Start | Look.StartText | Look.StartCrlf : Look.None)
            | ((flags & (StartBefore | NulBefore)) != 0 ? Look.StartNul : Look.None));

    // The assertions that hold between a byte with `flags` and `b` (or the end of the text).
    private Look HoldingBefore(byte flags, bool atEnd, byte b) => LookSet.Holding(
        (flags & StartBefore) != 0, (flags & WordBefore) != 0, atEnd || b == Nfa.Terminator, !atEnd && LookSet.IsWordByte(b),
        crBefore: (flags & CrBefore) != 0, crAfter: !atEnd && b == '\r', atTextEnd: atEnd || (_linesAreTexts && b == Nfa.Terminator),
        nulBefore: (flags & NulBefore) != 0, nulAfter: !atEnd && b == 0);

    // Fills _found with the states reachable from `seeds` without consuming a byte: the assertion states
    // whose assertion is `decided` are followed when it is `holding`, and the others are kept, to be
    // decided at the next position. False when a word assertion is met and `quitOnWord` says it cannot
    // be decided here. `expandPrefix`: the prefix's thread starts the pattern (a new state), rather than
    // standing for the start already in the set (deciding a state's assertions).
    private bool Closure(ReadOnlySpan<int> seeds, Look decided, Look holding, bool quitOnWord, bool expandPrefix)
    {
        _found.Clear();
        StartGeneration();
        foreach (var id in seeds)
        {
            if (id == _prefix)
            {
                // The prefix's thread is where a match may start: the pattern's start comes first. While
                // assertions are decided (holding set), the set already holds that start's states.
                if (expandPrefix && !Visit(_nfaStart, decided, holding, quitOnWord))
                {
                    return false;
                }

                _found.Add(_prefix);
                continue;
            }

            if (!Visit(id, decided, holding, quitOnWord))
            {
                return false;
            }
        }

        return true;
    }

    private void StartGeneration()
    {
        if (++_generation == int.MaxValue)
        {
            Array.Clear(_seen);
            _generation = 1;
        }
    }

    private bool Visit(int from, Look decided, Look holding, bool quitOnWord)
    {
        _stack.Clear();
        _stack.Push(from);
        while (_stack.Count > 0)
        {
            var id = _stack.Pop();
            if (_seen[id] == _generation)
            {
                continue;
            }

            _seen[id] = _generation;
            ref readonly var state = ref _nfa[id];
            switch (state.Kind)
            {
                case NfaStateKind.Split:
                    // An assertion that waits for the next byte is followed from where it waited, which
                    // may come after a lower-priority thread that did not wait (in (?:\B|.)+ the match
                    // after \B must beat the '.' that the same split also reached). Keeping the splits
                    // lets that closure start again from them, in the order a backtracking engine would
                    // take (as regex-automata keeps its unions).
                    if (_keepSplits)
                    {
                        _found.Add(id);
                    }

                    for (var k = state.Alternatives!.Length - 1; k >= 0; k--)
                    {
                        _stack.Push(state.Alternatives[k]);
                    }

                    break;
                case NfaStateKind.Empty or NfaStateKind.Capture:
                    _stack.Push(state.Next);
                    break;
                case NfaStateKind.Look when (state.Look & decided) == 0:
                    _found.Add(id);
                    break;
                case NfaStateKind.Look:
                    if (quitOnWord && state.UnicodeWord)
                    {
                        return false;
                    }

                    if ((state.Look & holding) != 0)
                    {
                        _stack.Push(state.Next);
                    }

                    break;
                case NfaStateKind.Fail:
                    break;
                default:
                    _found.Add(id);
                    break;
            }
        }

        return true;
    }

    // A state's NFA set: sorted when the threads' order does not matter, else in priority order.
    private int[] SetOf(List<int> found)
    {
        var set = found.ToArray();
        if (_mode != DfaMode.LeftmostFirst)
        {
            Array.Sort(set);
        }

        return set;
    }

    // Numbers the state (its table offset); false when it is new and the budget has no room for it.
    private bool TryAdd(int[] set, byte flags, out int offset)
    {
        var key = new StateKey(set, flags);
        if (_ids.TryGetValue(key, out offset))
        {
            return true;
        }

        var cost = (_stride * 4L) + (set.Length * 4L) + 96;
        if (_memory + cost > _budget && _sets.Count > 1)
        {
            offset = 0;
            return false;
        }

        _memory += cost;
        offset = _sets.Count * _stride;
        _sets.Add(set);
        _flags.Add(flags);
        if (offset + _stride > _table.Length)
        {
            var grown = new int[Math.Max(_table.Length * 2, offset + _stride)];
            Array.Fill(grown, Unknown, _table.Length, grown.Length - _table.Length);
            Array.Copy(_table, grown, _table.Length);
            _table = grown;
        }

        _ids.Add(key, offset);
        return true;
    }

    private readonly record struct StateKey(int[] Set, byte Flags);

    private sealed class StateKeyComparer : IEqualityComparer<StateKey>
    {
        public bool Equals(StateKey x, StateKey y) => x.Flags == y.Flags && x.Set.AsSpan().SequenceEqual(y.Set);

        public int GetHashCode(StateKey key)
        {
            var hash = new HashCode();
            hash.Add(key.Flags);
            hash.AddBytes(MemoryMarshal.AsBytes(key.Set.AsSpan()));
            return hash.ToHashCode();
        }
    }
}
