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
        : this(bytes, 0, bytes.Length, lineNumber, absoluteOffset)
    {
    }

    /// <summary>A line at <c>window[start..end]</c>, in the searcher's buffer that holds it.</summary>
    internal SinkLine(ReadOnlySpan<byte> window, int start, int end, long lineNumber, long absoluteOffset)
    {
        Window = window;
        WindowOffset = start;
        Bytes = window[start..end];
        LineNumber = lineNumber;
        AbsoluteOffset = absoluteOffset;
    }

    /// <summary>
    /// The searcher's buffer around the line (the line is at <see cref="WindowOffset"/>): a pattern with
    /// look-around sees the bytes before the line when its matches are found, as in rg (<c>-P</c>).
    /// </summary>
    internal ReadOnlySpan<byte> Window { get; }

    /// <summary>Where <see cref="Bytes"/> starts in <see cref="Window"/>.</summary>
    internal int WindowOffset { get; }

    /// <summary>The line's bytes, including its terminator when it has one.</summary>
    public ReadOnlySpan<byte> Bytes { get; }

    /// <summary>The 1-based line number, or 0 when line numbers are not counted.</summary>
    public long LineNumber { get; }

    /// <summary>The offset of the line's first byte in the searched data.</summary>
    public long AbsoluteOffset { get; }

    /// <summary>The line without its <c>\n</c> terminator.</summary>
    public ReadOnlySpan<byte> Content => Bytes.Length > 0 && Bytes[^1] == (byte)'\n' ? Bytes[..^1] : Bytes;
}
