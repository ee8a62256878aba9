namespace Scour.Matching.Automata;

/// <summary>How a <see cref="LazyDfa"/> search ended.</summary>
internal enum DfaOutcome
{
    /// <summary>No match up to the end of the text.</summary>
    NoMatch,

    /// <summary>A match ends at the reported position (the earliest end there is).</summary>
    Match,

    /// <summary>
    /// A Unicode word assertion had to be decided next to the non-ASCII byte at the reported position,
    /// which the byte automaton cannot do: the line holding it needs another engine. Every line before
    /// it has no match.
    /// </summary>
    Quit,

    /// <summary>
    /// The state cache filled up too often to be worth it (the pattern's automaton is too large for
    /// this text); lines from the reported position on need another engine.
    /// </summary>
    GaveUp,
}
