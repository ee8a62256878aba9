namespace Scour.Matching;

/// <summary>How a <see cref="LineMatcher"/> finds matching lines. All strategies give the same answers.</summary>
internal enum MatcherStrategy
{
    /// <summary>The cheapest exact strategy for the pattern.</summary>
    Auto,

    /// <summary>Bytes only, when the pattern is one literal (else as <see cref="Auto"/>).</summary>
    Literal,

    /// <summary>A literal prefilter confirms candidate lines with the regex (else a scan).</summary>
    Prefilter,

    /// <summary>The regex scans whole decoded regions.</summary>
    Scan,

    /// <summary>A lazy DFA over bytes decides lines (else as <see cref="Auto"/>); the PikeVM finds spans.</summary>
    Dfa,

    /// <summary>The PikeVM over bytes decides each line and finds spans (else as <see cref="Auto"/>).</summary>
    PikeVm,

    /// <summary>The regex runs on each line separately.</summary>
    LineByLine,
}
