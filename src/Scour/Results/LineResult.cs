namespace Scour.Results;

/// <summary>Whether a reported line matched or is context around a match.</summary>
public enum LineKind
{
    /// <summary>A matching line (a non-matching one when the search is inverted).</summary>
    Match,

    /// <summary>A line of context before or after a match.</summary>
    Context,
}

/// <summary>One reported line of a file.</summary>
public sealed class LineResult
{
    internal LineResult(LineKind kind, long lineNumber, long byteOffset, byte[] bytes, string text, IReadOnlyList<Submatch> submatches)
    {
        Kind = kind;
        LineNumber = lineNumber;
        ByteOffset = byteOffset;
        Bytes = bytes;
        Text = text;
        Submatches = submatches;
    }

    /// <summary>Match or context.</summary>
    public LineKind Kind { get; }

    /// <summary>The 1-based line number.</summary>
    public long LineNumber { get; }

    /// <summary>The offset of the line's first byte in the file (after a byte order mark, if any).</summary>
    public long ByteOffset { get; }

    /// <summary>The line's bytes as they are in the file, without the line terminator.</summary>
    public ReadOnlyMemory<byte> Bytes { get; }

    /// <summary>The line decoded from UTF-8 (invalid bytes become U+FFFD), without the terminator.</summary>
    public string Text { get; }

    /// <summary>The matches inside the line, in order; empty for context lines.</summary>
    public IReadOnlyList<Submatch> Submatches { get; }

    /// <inheritdoc/>
    public override string ToString() => $"{LineNumber}:{Text}";
}
