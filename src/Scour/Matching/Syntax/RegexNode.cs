namespace Scour.Matching.Syntax;

/// <summary>A node of a parsed pattern in ripgrep's (Rust) regex dialect.</summary>
internal abstract record RegexNode;

/// <summary>Matches the empty string (an empty alternative or group).</summary>
internal sealed record EmptyNode : RegexNode
{
    public static readonly EmptyNode Instance = new();
}

/// <summary>One Unicode scalar value; <see cref="CaseInsensitive"/> says whether <c>(?i)</c> was in force.</summary>
internal sealed record LiteralNode(int CodePoint, bool CaseInsensitive) : RegexNode;

/// <summary><c>.</c>; <see cref="DotAll"/> is the <c>s</c> flag (ripgrep still never lets it match <c>\n</c> in line mode).</summary>
internal sealed record DotNode(bool DotAll) : RegexNode;

/// <summary>A character class: bracketed, Perl (<c>\w</c>) or Unicode (<c>\pL</c>).</summary>
internal sealed record ClassNode(CharClass Class, bool CaseInsensitive) : RegexNode;

/// <summary>
/// A set of single bytes, as a class, <c>.</c> or a <c>\xHH</c> escape means outside Unicode mode
/// (<c>(?-u)</c>, <c>--no-unicode</c>): members below 0x80 are the ASCII characters, the others bytes,
/// which may sit inside a UTF-8 character. <see cref="Bytes"/> is sorted, merged and case-folded
/// already; <see cref="Source"/> is the class as written (for smart case), if there was one.
/// </summary>
internal sealed record ByteClassNode(IReadOnlyList<(int Lo, int Hi)> Bytes, CharClass? Source = null) : RegexNode
{
    /// <summary>True when some member is a byte of 0x80 or more (no character-based engine can match it exactly).</summary>
    public bool HasHighBytes => Bytes.Count > 0 && Bytes[^1].Hi >= 0x80;
}

internal enum AssertionKind
{
    StartLine,
    EndLine,
    StartText,
    EndText,
    WordBoundary,
    NotWordBoundary,
    WordStart,
    WordEnd,
    WordStartHalf,
    WordEndHalf,

    /// <summary><c>^</c> under <c>(?mR)</c>: after <c>\n</c>, or after a <c>\r</c> not followed by <c>\n</c>.</summary>
    StartLineCrlf,

    /// <summary><c>$</c> under <c>(?mR)</c>: before <c>\r</c>, or before a <c>\n</c> not preceded by <c>\r</c>.</summary>
    EndLineCrlf,

    /// <summary>
    /// <c>^</c> under <c>--null-data</c>, in the exchanged text: at a line's start (a record's), or after
    /// a NUL (a <c>\n</c> inside the record, where rg's <c>^</c> also holds).
    /// </summary>
    StartLineNul,

    /// <summary><c>$</c> under <c>--null-data</c>: at a line's end, or before a NUL (see <see cref="StartLineNul"/>).</summary>
    EndLineNul,
}

/// <summary>A zero-width assertion; <see cref="Unicode"/> matters for word boundaries.</summary>
internal sealed record AssertionNode(AssertionKind Kind, bool MultiLine, bool Unicode) : RegexNode;

/// <summary>A group: capturing (with an index and maybe a name) or not.</summary>
internal sealed record GroupNode(RegexNode Child, int CaptureIndex, string? Name) : RegexNode
{
    public bool IsCapturing => CaptureIndex > 0;
}

/// <summary>A counted repetition; <c>Max</c> is null for "unbounded".</summary>
internal sealed record RepetitionNode(RegexNode Child, int Min, int? Max, bool Greedy) : RegexNode;

internal sealed record ConcatNode(IReadOnlyList<RegexNode> Children) : RegexNode;

internal sealed record AlternationNode(IReadOnlyList<RegexNode> Children) : RegexNode;
