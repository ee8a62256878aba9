namespace Scour.Matching.Automata;

internal enum NfaStateKind : byte
{
    /// <summary>Consumes one byte in <c>Lo..Hi</c>, then goes to <c>Next</c>.</summary>
    Range,

    /// <summary>Consumes one byte of any of its <c>Transitions</c> (a node of a UTF-8 class's trie).</summary>
    Sparse,

    /// <summary>Goes to each of its <c>Alternatives</c>, in priority order, consuming nothing.</summary>
    Split,

    /// <summary>Goes to <c>Next</c> when its assertion holds at the current position.</summary>
    Look,

    /// <summary>Goes to <c>Next</c>, consuming nothing.</summary>
    Empty,

    /// <summary>Records the position in capture slot <c>Slot</c>, then goes to <c>Next</c> (a group's boundary).</summary>
    Capture,

    /// <summary>A match ends here.</summary>
    Match,

    /// <summary>Never matches (an empty class).</summary>
    Fail,
}

/// <summary>One byte range of a <see cref="NfaStateKind.Sparse"/> state and where it leads.</summary>
internal readonly record struct NfaTransition(byte Lo, byte Hi, int Next);

/// <summary>
/// A state of a <see cref="Nfa"/>; which fields mean something depends on <see cref="Kind"/>.
/// <see cref="UnicodeWord"/> marks a Unicode word assertion (an ASCII one, from <c>(?-u)</c>, is
/// decided on bytes alone, even in a pattern that also has Unicode ones).
/// </summary>
internal readonly record struct NfaState(
    NfaStateKind Kind,
    int Next = -1,
    byte Lo = 0,
    byte Hi = 0,
    Look Look = Look.None,
    int[]? Alternatives = null,
    NfaTransition[]? Transitions = null,
    int Slot = 0,
    bool UnicodeWord = false);

/// <summary>
/// A Thompson automaton over UTF-8 bytes, built by <see cref="NfaCompiler"/> from a parsed pattern:
/// immutable, shared by every search thread. Classes are tries of byte ranges, so one state stands
/// for all the lead bytes of a class.
/// </summary>
internal sealed class Nfa
{
    public Nfa(NfaState[] states, int start, Look looks, bool unicodeWordBoundary, int groupCount)
    {
        States = states;
        Start = start;
        Looks = looks;
        UnicodeWordBoundary = unicodeWordBoundary;
        GroupCount = groupCount;
    }

    /// <summary>
    /// The line terminator, which no state consumes. It is always <c>\n</c>: for <c>--null-data</c> the
    /// searcher exchanges NUL and <c>\n</c> in the text and the pattern (see <c>NullDataTransform</c>).
    /// </summary>
    public const byte Terminator = (byte)'\n';

    public NfaState[] States { get; }

    /// <summary>The state a match starts in (anchored: a search adds it again at every position).</summary>
    public int Start { get; }

    /// <summary>The capture groups, the whole match (group 0) included.</summary>
    public int GroupCount { get; }

    /// <summary>Two slots per group, its start and end: group <c>i</c> has slots <c>2i</c> and <c>2i + 1</c>.</summary>
    public int SlotCount => 2 * GroupCount;

    /// <summary>Every assertion the pattern uses.</summary>
    public Look Looks { get; }

    /// <summary>
    /// True when a word assertion is Unicode-aware: between ASCII bytes it is decided as the ASCII one,
    /// but next to a non-ASCII byte a byte automaton cannot decide it (see <see cref="LazyDfa"/>; the
    /// <see cref="PikeVm"/> decodes the neighbouring characters, see <see cref="LookAround"/>).
    /// </summary>
    public bool UnicodeWordBoundary { get; }

    /// <summary>The word assertions, which need to know whether the neighbouring bytes are word bytes.</summary>
    public const Look WordLooks = Look.WordBoundary | Look.NotWordBoundary | Look.WordStart | Look.WordEnd | Look.WordStartHalf | Look.WordEndHalf;
}
