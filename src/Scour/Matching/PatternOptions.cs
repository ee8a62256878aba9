namespace Scour.Matching;

/// <summary>How letter case is treated when matching.</summary>
public enum CaseMode
{
    /// <summary>Case matters (<c>-s</c>, the default).</summary>
    Sensitive,

    /// <summary>Case is ignored (<c>-i</c>).</summary>
    Insensitive,

    /// <summary>Case is ignored unless the pattern has an uppercase literal (<c>-S</c>).</summary>
    Smart,
}

/// <summary>Which regex dialect and engine reads the patterns.</summary>
public enum PatternEngine
{
    /// <summary>ripgrep's default dialect (Rust's regex syntax), matched in linear time where .NET allows.</summary>
    Default,

    /// <summary>
    /// PCRE2's syntax on .NET's backtracking engine, which translates it: what <see cref="Pcre2"/> falls back
    /// to without the PCRE2 library. No recursion, <c>\K</c> or possessive quantifiers; lines are matched
    /// one at a time, and matching may take exponential time on some patterns.
    /// </summary>
    Backtracking,

    /// <summary>The default engine, or <see cref="Pcre2"/> when the default cannot read the pattern (<c>--engine auto</c>).</summary>
    Auto,

    /// <summary>
    /// PCRE2 itself (<c>-P</c>), as rg runs it: the system's PCRE2 library, with its JIT, searching bytes
    /// (see <see cref="Pcre2.Pcre2Library"/>); <see cref="Backtracking"/> when the library is not there.
    /// </summary>
    Pcre2,
}

/// <summary>What to search for: one or more patterns and how to read them.</summary>
public sealed record PatternOptions
{
    /// <summary>The patterns; a line matches if any of them matches.</summary>
    public required IReadOnlyList<string> Patterns { get; init; }

    /// <summary>Case handling.</summary>
    public CaseMode Case { get; init; } = CaseMode.Sensitive;

    /// <summary>Treat patterns as literal strings (<c>-F</c>).</summary>
    public bool FixedStrings { get; init; }

    /// <summary>Match only whole words (<c>-w</c>).</summary>
    public bool WordRegexp { get; init; }

    /// <summary>Match only whole lines (<c>-x</c>).</summary>
    public bool LineRegexp { get; init; }

    /// <summary>
    /// Lines end with <c>\r\n</c> (<c>--crlf</c>): as rg, every pattern is in CRLF mode (<c>(?R)</c>: <c>^</c>
    /// and <c>$</c> treat <c>\r</c> as a line end too, <c>.</c> matches neither), no class matches
    /// <c>\r</c>, and a pattern that asks for a literal <c>\r</c> is rejected.
    /// </summary>
    public bool Crlf { get; init; }

    /// <summary>
    /// Matches may span lines (<c>-U</c>): <c>\n</c> may appear in a pattern and classes may match it.
    /// A multiline search reads each file whole and reports every match widened to the lines it touches.
    /// </summary>
    public bool Multiline { get; init; }

    /// <summary>With <see cref="Multiline"/>, <c>.</c> matches <c>\n</c> too (<c>--multiline-dotall</c>).</summary>
    public bool MultilineDotAll { get; init; }

    /// <summary>
    /// Records end with NUL instead of <c>\n</c> (<c>--null-data</c>); the pattern is compiled for input
    /// read with the two bytes exchanged (<see cref="Searching.SearcherOptions.NullData"/>).
    /// </summary>
    public bool NullData { get; init; }

    /// <summary>Unicode mode (default on): off (<c>--no-unicode</c>) is <c>(?-u)</c> for every pattern, so <c>\w</c>, <c>\d</c>, <c>\s</c> and <c>\b</c> are ASCII.</summary>
    public bool Unicode { get; init; } = true;

    /// <summary>The dialect and engine (<c>-P</c>, <c>--engine</c>).</summary>
    public PatternEngine Engine { get; init; }

    /// <summary>
    /// Reject a default-dialect pattern that asks for a literal NUL byte, as rg 15 does while binary
    /// detection is on: such a pattern can never match (detection stops at a NUL or replaces it), so
    /// compiling it throws <see cref="PatternSyntaxException"/> instead of silently finding nothing.
    /// </summary>
    public bool RejectNul { get; init; }

    /// <summary>rg's default <see cref="RegexSizeLimit"/>: 100 MiB.</summary>
    internal const long DefaultRegexSizeLimit = 100L << 20;

    /// <summary>
    /// The most memory the automaton of a default-dialect pattern may take (<c>--regex-size-limit</c>;
    /// rg's default, 100 MiB): a larger pattern fails to compile with rg's "compiled regex exceeds size
    /// limit of N". The size counted is an estimate of what rg's own automaton takes, so about the same
    /// patterns are refused.
    /// </summary>
    public long RegexSizeLimit { get; init; } = DefaultRegexSizeLimit;

    /// <summary>
    /// The memory each search thread's lazy DFAs may use for their states (<c>--dfa-size-limit</c>): the
    /// DFA that decides lines takes all of it, the two that find spans half each. When it is full, the
    /// cache is cleared; when clearing does not pay, the PikeVM takes over. Null for Scour's default,
    /// 8 MiB (rg's default cache is far larger, but a line search rarely needs more states).
    /// </summary>
    public long? DfaSizeLimit { get; init; }
}
