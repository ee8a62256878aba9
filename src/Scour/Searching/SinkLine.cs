namespace Scour.Searching;

/// <summary>Why a context line is reported.</summary>
public enum ContextKind
{
    /// <summary>A line before a match (<c>-B</c>).</summary>
    Before,

    /// <summary>A line after a match (<c>-A</c>).</summary>
    After,
}

/// <summary>One reported line, valid only during the sink call that receives it.</summary>
public readonly ref struct SinkLine
{
    /// <summary>Creates a line.</summary>
    public SinkLine(ReadOnlySpan<byte> bytes, long lineNumber, long absoluteOffset)
    {
        Bytes = bytes;
        LineNumber = lineNumber;
        AbsoluteOffset = absoluteOffset;
    }

    /// <summary>The line's bytes, including its terminator when it has one.</summary>
    public ReadOnlySpan<byte> Bytes { get; }

    /// <summary>The 1-based line number, or 0 when line numbers are not counted.</summary>
    public long LineNumber { get; }

    /// <summary>The offset of the line's first byte in the searched data.</summary>
    public long AbsoluteOffset { get; }

    /// <summary>The line without its <c>\n</c> terminator.</summary>
    public ReadOnlySpan<byte> Content => Bytes.Length > 0 && Bytes[^1] == (byte)'\n' ? Bytes[..^1] : Bytes;
}
