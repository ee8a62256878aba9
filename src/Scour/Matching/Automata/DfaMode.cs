namespace Scour.Matching.Automata;

/// <summary>What a <see cref="LazyDfa"/> searches for, which decides how its states are built.</summary>
internal enum DfaMode
{
    /// <summary>
    /// Where a match first ends, unanchored (deciding lines). States are sorted NFA sets: the order of
    /// the threads does not matter, and fewer states are told apart.
    /// </summary>
    EarliestEnd,

    /// <summary>
    /// Where the leftmost-first match ends, unanchored (finding spans). States keep their threads in
    /// priority order, and a match cuts every thread after it, as a backtracking engine would never
    /// try them; the unanchored prefix is the last thread, so after a match no new one starts.
    /// </summary>
    LeftmostFirst,

    /// <summary>
    /// Every match, anchored at the search's start, the last one reported: run over the reverse NFA
    /// from a match's end back to the search's start, it finds where the leftmost match starts.
    /// </summary>
    AllReverse,
}
