namespace Scour.Output;

/// <summary>How results are printed. Immutable.</summary>
internal sealed record OutputOptions
{
    /// <summary>What to print per file.</summary>
    public OutputMode Mode { get; init; } = OutputMode.Lines;

    /// <summary><c>--json -q</c>: rg searches and counts everything but prints only the final summary.</summary>
    public bool JsonSummaryOnly { get; init; }

    /// <summary>Print the path once above a file's lines instead of on each line.</summary>
    public bool Heading { get; init; }

    /// <summary>Print the path with each result.</summary>
    public bool WithFilename { get; init; }

    /// <summary>Print line numbers.</summary>
    public bool LineNumber { get; init; }

    /// <summary>Print the 1-based byte column of the first match.</summary>
    public bool Column { get; init; }

    /// <summary>Print the byte offset of each line (or match, with <c>-o</c>).</summary>
    public bool ByteOffset { get; init; }

    /// <summary>
    /// Lines that do not match are the ones printed as matches (<c>-v</c>): the context lines are then
    /// the matching ones, whose matches are colored and replaced, as rg shows them.
    /// </summary>
    public bool InvertMatch { get; init; }

    /// <summary>Print only the matched parts, one per line (<c>-o</c>).</summary>
    public bool OnlyMatching { get; init; }

    /// <summary>One line per match with path, line and column (<c>--vimgrep</c>).</summary>
    public bool Vimgrep { get; init; }

    /// <summary>Follow paths with NUL instead of a separator (<c>-0</c>).</summary>
    public bool NullAfterPath { get; init; }

    /// <summary>
    /// The byte that stands for the NUL after a path (<c>-0</c>): under <c>--null-data</c> output is
    /// exchanged (NUL and <c>\n</c>) on its way out, so it is written as <c>\n</c> to arrive as NUL.
    /// </summary>
    public ReadOnlySpan<byte> PathNul => NullData ? "\n"u8 : "\0"u8;

    /// <summary>Colors, or null for none.</summary>
    public ColorSpecs? Colors { get; init; }

    /// <summary>The line between non-adjacent groups of context (<c>--</c>), or null for none.</summary>
    public byte[]? ContextSeparator { get; init; } = "--"u8.ToArray();

    /// <summary>True if context lines are requested (separators are printed between groups).</summary>
    public bool Context { get; init; }

    /// <summary>Lines longer than this many bytes are replaced by a notice (<c>-M</c>).</summary>
    public int? MaxColumns { get; init; }

    /// <summary>With <see cref="MaxColumns"/>: print the start of a long line instead of omitting it.</summary>
    public bool MaxColumnsPreview { get; init; }

    /// <summary>Remove leading ASCII whitespace from printed lines (<c>--trim</c>).</summary>
    public bool Trim { get; init; }

    /// <summary>Print counts of zero with <c>-c</c> and <c>--count-matches</c>.</summary>
    public bool IncludeZero { get; init; }

    /// <summary>Between path, line, column and text on matching lines.</summary>
    public byte[] FieldMatchSeparator { get; init; } = ":"u8.ToArray();

    /// <summary>Between path, line, column and text on context lines.</summary>
    public byte[] FieldContextSeparator { get; init; } = "-"u8.ToArray();

    /// <summary>Replaces <c>/</c> in printed paths (<c>--path-separator</c>).</summary>
    public byte? PathSeparator { get; init; }

    /// <summary>Where <c>--stats</c> totals are collected, or null.</summary>
    public StatsTotals? Stats { get; init; }

    /// <summary>Replace each match with this template in the output (<c>-r</c>); files are never changed.</summary>
    public Replacement? Replacement { get; init; }

    /// <summary>
    /// Lines printed before a file's input failed stay printed. ripgrep writes as it goes when it
    /// searches with one thread (one file, <c>--sort</c>, <c>-j1</c>) but buffers each file in a
    /// parallel search and drops the buffer of a file that fails.
    /// </summary>
    public bool KeepOutputOfFailedFiles { get; init; }

    /// <summary>Records end with NUL (<c>--null-data</c>): lines were searched with NUL and <c>\n</c> exchanged and are exchanged back for output.</summary>
    public bool NullData { get; init; }

    /// <summary>
    /// <c>-q --files-without-match</c>: quiet, and successful when some file has no match, so (as rg) a
    /// file with a match is still read to its end, where a binary quit would make it one without.
    /// </summary>
    public bool QuietWithoutMatch { get; init; }

    /// <summary>Colored paths become terminal hyperlinks in this format (<c>--hyperlink-format</c>); null for none.</summary>
    public HyperlinkFormat? Hyperlinks { get; init; }

    /// <summary>A path as printed: UTF-8, with <see cref="PathSeparator"/> in place of <c>/</c>.</summary>
    public byte[] PathBytes(string path)
    {
        var bytes = Walking.FileNameEncoding.GetBytes(path);
        if (PathSeparator is { } separator)
        {
            bytes.AsSpan().Replace((byte)'/', separator);
        }

        return bytes;
    }

    /// <summary>
    /// Writes a path as rg prints it: in the path color, and inside a hyperlink when a format is set
    /// (hyperlinks need colors, as in rg, and a <paramref name="linkTarget"/> to point to, from
    /// <see cref="HyperlinkFormat.TargetOf"/>; line and column are 1).
    /// </summary>
    internal void WriteStyledPath(OutputBuffer buffer, ReadOnlySpan<byte> pathBytes, string? linkTarget)
    {
        if (Colors is not { } colors)
        {
            buffer.Write(pathBytes);
            return;
        }

        var link = Hyperlinks is not null && linkTarget is not null;
        if (link)
        {
            buffer.WriteEscape(Hyperlinks!.Open(linkTarget!, 0, 0));
        }

        buffer.WriteEscape(colors.Path.Start);
        buffer.Write(pathBytes);
        buffer.WriteEscape(ColorSpec.Reset);
        if (link)
        {
            buffer.WriteEscape(HyperlinkFormat.Close);
        }
    }

    /// <summary>The configured line terminator, which ripgrep writes after each <c>-o</c> match and after a last line that had none.</summary>
    public ReadOnlySpan<byte> LineTerminator => Crlf ? "\r\n"u8 : "\n"u8;

    /// <summary>The line terminator is CRLF (<c>--crlf</c>): <c>-o</c> ends its lines with <c>\r\n</c>.</summary>
    public bool Crlf { get; init; }
}
