namespace Scour.Matching.Automata;

/// <summary>
/// Runs an <see cref="Nfa"/> over a haystack by simulating every thread at once (Thompson's
/// construction, as Pike's VM does it): time linear in the haystack for any pattern, memory linear in
/// the NFA. Threads are kept in priority order, so the match found is the leftmost-first one Rust's
/// regex reports, with its capture groups. Slower per byte than <see cref="LazyDfa"/>, but exact
/// everywhere: it finds spans, and decides the lines the DFA cannot (Unicode word assertions next to
/// non-ASCII bytes). One per search thread.
/// </summary>
internal sealed class PikeVm
{
    private readonly Nfa _nfa;
    private readonly NfaState[] _states;
    private readonly int[] _scratch;
    private ThreadSet _current;
    private ThreadSet _next;

    // The closure's work list: a state to explore (A >= 0), or a capture slot to restore (~A) to B.
    private (int A, int B)[] _stack = new (int, int)[64];

    public PikeVm(Nfa nfa)
    {
        _nfa = nfa;
        _states = nfa.States;
        _scratch = new int[nfa.SlotCount];
        _current = new ThreadSet(_states.Length, nfa.SlotCount);
        _next = new ThreadSet(_states.Length, nfa.SlotCount);
    }

    /// <summary>The number of capture slots a search can fill (<see cref="Nfa.SlotCount"/>).</summary>
    public int SlotCount => _nfa.SlotCount;

    /// <summary>
    /// Looks for the leftmost-first match in <paramref name="haystack"/> that starts at or after
    /// <paramref name="from"/>; the assertions see the whole haystack. <paramref name="slots"/> receives
    /// as many of the match's capture slots as it holds (-1 for a group that did not take part): none to
    /// only decide whether there is a match, which then stops at the first one found. A match ends by
    /// <paramref name="end"/> (the whole haystack when negative); the bytes after it are seen by assertions only.
    /// </summary>
    public bool Search(ReadOnlySpan<byte> haystack, int from, Span<int> slots, int end = -1)
    {
        end = end < 0 ? haystack.Length : end;
        var k = slots.Length;
        var earliest = k == 0;
        var scratch = _scratch.AsSpan(0, k);
        var current = _current;
        var next = _next;
        current.Clear();
        next.Clear();
        var matched = false;
        for (var at = from; ; at++)
        {
            if (matched && current.Count == 0)
            {
                break;
            }

            if (!matched)
            {
                // A new thread at every position: the search is unanchored, and the new thread has the
                // lowest priority, so a match starting further left always wins.
                scratch.Fill(-1);
                Closure(current, _nfa.Start, scratch, haystack, at);
            }

            for (var i = 0; i < current.Count; i++)
            {
                var id = current[i];
                ref readonly var state = ref _states[id];
                if (state.Kind == NfaStateKind.Match)
                {
                    current.SlotsOf(id, k).CopyTo(slots);
                    matched = true;
                    if (earliest)
                    {
                        (_current, _next) = (current, next);
                        return true;
                    }

                    break; // the threads after this one have lower priority: cut them
                }

                if (at >= end)
                {
                    continue;
                }

                var b = haystack[at];
                if (state.Kind == NfaStateKind.Range)
                {
                    if (state.Lo <= b && b <= state.Hi)
                    {
                        Step(current, next, id, state.Next, scratch, haystack, at);
                    }
                }
                else if (state.Kind == NfaStateKind.Sparse)
                {
                    foreach (var t in state.Transitions!)
                    {
                        if (t.Lo <= b && b <= t.Hi)
                        {
                            Step(current, next, id, t.Next, scratch, haystack, at);
                        }
                    }
                }
            }

            (current, next) = (next, current);
            next.Clear();
            if (at >= end)
            {
                break;
            }
        }

        (_current, _next) = (current, next);
        return matched;
    }

    // The thread in `id` consumed the byte at `at` into `target`: its closure joins the next position's threads.
    private void Step(ThreadSet current, ThreadSet next, int id, int target, Span<int> scratch, ReadOnlySpan<byte> haystack, int at)
    {
        current.SlotsOf(id, scratch.Length).CopyTo(scratch);
        Closure(next, target, scratch, haystack, at + 1);
    }

    // Adds to `set` the states reachable from `start` at position `at` without consuming a byte, in
    // priority order, each byte-consuming or match state with the capture slots its path recorded.
    // `slots` is the path's slots so far; it is the same again on return.
    private void Closure(ThreadSet set, int start, Span<int> slots, ReadOnlySpan<byte> haystack, int at)
    {
        var top = 0;
        Push(ref top, start, 0);
        while (top > 0)
        {
            var (a, b) = _stack[--top];
            if (a < 0)
            {
                slots[~a] = b;
                continue;
            }

            var id = a;
            while (set.Insert(id))
            {
                ref readonly var state = ref _states[id];
                if (state.Kind is NfaStateKind.Range or NfaStateKind.Sparse or NfaStateKind.Match)
                {
                    slots.CopyTo(set.SlotsOf(id, slots.Length));
                    break;
                }

                if (state.Kind == NfaStateKind.Split)
                {
                    var alternatives = state.Alternatives!;
                    for (var j = alternatives.Length - 1; j >= 1; j--)
                    {
                        Push(ref top, alternatives[j], 0);
                    }

                    id = alternatives[0];
                }
                else if (state.Kind == NfaStateKind.Capture)
                {
                    if (state.Slot < slots.Length)
                    {
                        Push(ref top, ~state.Slot, slots[state.Slot]);
                        slots[state.Slot] = at;
                    }

                    id = state.Next;
                }
                else if (state.Kind == NfaStateKind.Empty
                    || (state.Kind == NfaStateKind.Look && LookAround.Holds(state.Look, haystack, at, state.UnicodeWord)))
                {
                    id = state.Next;
                }
                else
                {
                    break; // Fail, or an assertion that does not hold
                }
            }
        }
    }

    private void Push(ref int top, int a, int b)
    {
        if (top == _stack.Length)
        {
            Array.Resize(ref _stack, top * 2);
        }

        _stack[top++] = (a, b);
    }
}
