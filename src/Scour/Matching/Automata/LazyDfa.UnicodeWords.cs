namespace Scour.Matching.Automata;

/// <summary>
/// Unicode word assertions decided inside the line DFA (<see cref="DfaMode.EarliestEnd"/>), however
/// non-ASCII the text: the character before a position is tracked in each state (<see cref="Utf8WordTracker"/>),
/// and the character after it, whose bytes are still to come when it starts with a lead byte, is
/// guessed. Each thread that passed such an assertion carries the outcomes of that character under which
/// it holds (a word character, another one, none valid: three bits; 7 is no condition); when the
/// character is complete (or cut short) the threads whose guess was wrong are dropped, and a match
/// that waited for it counts. Only one character is guessed at a time: the next lead byte ends it.
/// </summary>
/// <remarks>
/// Such a state's set holds each NFA state with its condition (<c>id &lt;&lt; 3 | bits</c>), sorted, and the
/// tracker's state last. The earliest-end search only asks whether a match exists, so a state reached
/// under two conditions holds their union.
/// </remarks>
internal sealed partial class LazyDfa
{
    private const int Unconditional = 7;

    // Whether this DFA tracks characters for Unicode word assertions (else they quit next to non-ASCII).
    private readonly bool _tracksWords;

    // Whether a line's characters are tracked from its own start rather than with the previous line's
    // terminator before them (see the constructor's linesAlone).
    private readonly bool _linesAlone;

    // Scratch for tracked closures: the conditions found per NFA state in this generation, and the order
    // in which the states were found.
    private int[] _conditions = [];
    private readonly Stack<(int Id, int Condition)> _taggedStack = new();
    private readonly List<int> _taggedFound = [];
    private Look _lastDecided;

    private int[] TrackedStartSet(byte flags)
    {
        var (decided, holding) = DecidedOnCreation(flags);
        TaggedClosure([(_nfaStart, Unconditional)], decided, holding, before: -1, after: -1);
        return TaggedSet(FoundThreads(), Utf8WordTracker.TextStart);
    }

    // Transition's work for a tracked DFA (see the type's summary).
    private int TrackedTransition(int[] set, byte flags, int cls, out int[]? next, out byte nextFlags)
    {
        next = null;
        nextFlags = 0;
        var atEnd = cls == _classes;
        var b = atEnd ? Nfa.Terminator : _representative[cls];
        var tracker = set[^1];
        var threads = new List<(int Id, int Condition)>(set.Length);
        for (var k = 0; k < set.Length - 1; k++)
        {
            threads.Add((set[k] >> 3, set[k] & Unconditional));
        }

        var matched = false;

        // A character cut short by this byte (or the end) is no valid one.
        if (Utf8WordTracker.InProgress(tracker) && (atEnd || !Utf8WordTracker.IsContinuation(b)))
        {
            Resolve(threads, Utf8WordTracker.Invalid, ref matched);
        }

        var holding = HoldingBefore(flags, atEnd, b);
        var after = atEnd ? Utf8WordTracker.NonWord : Utf8WordTracker.IsLead(b) ? -1 : Utf8WordTracker.OutcomeOf(b);
        TaggedClosure(threads, AllLooks, holding, Utf8WordTracker.Before(tracker), after);

        var moved = new List<(int Id, int Condition)>();
        foreach (var id in _taggedFound)
        {
            var condition = _conditions[id];
            ref readonly var state = ref _nfa[id];
            switch (state.Kind)
            {
                case NfaStateKind.Match when condition == Unconditional:
                    matched = true;
                    break;
                case NfaStateKind.Match:
                    moved.Add((id, condition)); // waits for the character being guessed
                    break;
                case NfaStateKind.Range when !atEnd && state.Lo <= b && b <= state.Hi:
                    moved.Add((state.Next, condition));
                    break;
                case NfaStateKind.Sparse when !atEnd:
                    foreach (var t in state.Transitions!)
                    {
                        if (t.Lo <= b && b <= t.Hi)
                        {
                            moved.Add((t.Next, condition));
                        }
                    }

                    break;
            }
        }

        if (atEnd)
        {
            return matched ? MatchBit : 0;
        }

        moved.Add((_nfaStart, Unconditional)); // the search is unanchored
        nextFlags = FlagsAfter(b);
        // Where each line is a text of its own, a line starts with nothing before it.
        var nextTracker = Utf8WordTracker.Shared.Next(tracker, b, out var completed);
        nextTracker = (_linesAreTexts || _linesAlone) && b == Nfa.Terminator ? Utf8WordTracker.TextStart : nextTracker;
        var (decided, holdingAfter) = DecidedOnCreation(nextFlags);
        TaggedClosure(moved, decided, holdingAfter, before: -1, after: -1);
        var found = FoundThreads();
        if (completed >= 0)
        {
            Resolve(found, completed, ref matched);
        }

        next = TaggedSet(found, nextTracker);
        return matched ? MatchBit : 0;
    }

    // The guessed character turned out `outcome`: the threads that guessed otherwise go, the others hold
    // unconditionally, and a match among them counts.
    private void Resolve(List<(int Id, int Condition)> threads, int outcome, ref bool matched)
    {
        var bit = 1 << outcome;
        var kept = 0;
        for (var k = 0; k < threads.Count; k++)
        {
            var (id, condition) = threads[k];
            if ((condition & bit) == 0)
            {
                continue;
            }

            matched |= condition != Unconditional && _nfa[id].Kind == NfaStateKind.Match; // a match that waited
            threads[kept++] = (id, Unconditional);
        }

        threads.RemoveRange(kept, threads.Count - kept);
    }

    // The closure of `seeds` with conditions: as Visit, where a Unicode word assertion decided here holds
    // under the outcomes of the next character for which it is true (all of them, or none, when that
    // character is known: `after` is -1 while it is guessed). `before` is the character before (-1: no
    // Unicode word assertion is decided).
    private void TaggedClosure(List<(int Id, int Condition)> seeds, Look decided, Look holding, int before, int after)
    {
        _lastDecided = decided;
        StartGeneration();
        EnsureConditions();
        _taggedFound.Clear();
        foreach (var seed in seeds)
        {
            _taggedStack.Push(seed);
            while (_taggedStack.Count > 0)
            {
                var (id, condition) = _taggedStack.Pop();
                var known = _seen[id] == _generation ? _conditions[id] : 0;
                var added = condition & ~known;
                if (added == 0)
                {
                    continue;
                }

                if (_seen[id] != _generation)
                {
                    _seen[id] = _generation;
                    _taggedFound.Add(id);
                }

                _conditions[id] = known | added;
                ref readonly var state = ref _nfa[id];
                switch (state.Kind)
                {
                    case NfaStateKind.Split:
                        for (var k = state.Alternatives!.Length - 1; k >= 0; k--)
                        {
                            _taggedStack.Push((state.Alternatives[k], added));
                        }

                        break;
                    case NfaStateKind.Empty or NfaStateKind.Capture:
                        _taggedStack.Push((state.Next, added));
                        break;
                    case NfaStateKind.Look when (state.Look & decided) == 0:
                        break; // waits, kept in the set
                    case NfaStateKind.Look when state.UnicodeWord && (state.Look & Nfa.WordLooks) != 0:
                        var holds = added & HoldsUnder(state.Look, before, after);
                        if (holds != 0)
                        {
                            _taggedStack.Push((state.Next, holds));
                        }

                        break;
                    case NfaStateKind.Look:
                        if ((state.Look & holding) != 0)
                        {
                            _taggedStack.Push((state.Next, added));
                        }

                        break;
                }
            }
        }
    }

    // The outcomes of the next character (bits) under which a Unicode word assertion holds, given the one before.
    private static int HoldsUnder(Look look, int before, int after)
    {
        var bits = 0;
        for (var outcome = 0; outcome < 3; outcome++)
        {
            if ((after < 0 || after == outcome) && WordLookHolds(look, before, outcome))
            {
                bits |= 1 << outcome;
            }
        }

        return after < 0 ? bits : bits != 0 ? Unconditional : 0;
    }

    private static bool WordLookHolds(Look look, int before, int after) =>
        LookAround.WordLookHolds(look, before == Utf8WordTracker.Word, after == Utf8WordTracker.Word,
            before != Utf8WordTracker.Invalid, after != Utf8WordTracker.Invalid);

    private void EnsureConditions()
    {
        if (_conditions.Length < _nfa.Length + 1)
        {
            _conditions = new int[_nfa.Length + 1];
        }
    }

    // The states the last closure found that a set keeps (those that consume, match or wait), with their conditions.
    private List<(int Id, int Condition)> FoundThreads()
    {
        var found = new List<(int Id, int Condition)>(_taggedFound.Count);
        foreach (var id in _taggedFound)
        {
            ref readonly var state = ref _nfa[id];
            if (state.Kind is NfaStateKind.Range or NfaStateKind.Sparse or NfaStateKind.Match
                || (state.Kind == NfaStateKind.Look && (state.Look & _lastDecided) == 0))
            {
                found.Add((id, _conditions[id]));
            }
        }

        return found;
    }

    // A state's set: its threads with their conditions, sorted, and the tracker's state last.
    private static int[] TaggedSet(List<(int Id, int Condition)> threads, int tracker)
    {
        var set = new int[threads.Count + 1];
        for (var k = 0; k < threads.Count; k++)
        {
            set[k] = (threads[k].Id << 3) | threads[k].Condition;
        }

        Array.Sort(set, 0, threads.Count);
        set[^1] = tracker;
        return set;
    }
}
