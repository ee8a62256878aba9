namespace Scour.Matching;

/// <summary>How a <see cref="Lines.LineMatcher"/> finds matching lines. All strategies give the same answers.</summary>
internal enum MatcherStrategy
{
    /// <summary>The cheapest exact strategy for the pattern: a literal search, the lazy DFA or the PikeVM.</summary>
    Auto,

    /// <summary>The lazy DFA over bytes decides lines, after a literal prefilter where there is one; the PikeVM finds spans.</summary>
    Dfa,

    /// <summary>The PikeVM over bytes decides each line and finds spans.</summary>
    PikeVm,
}
