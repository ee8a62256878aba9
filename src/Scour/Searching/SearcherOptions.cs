namespace Scour.Searching;

/// <summary>How the searcher reads lines and which lines it reports. Immutable.</summary>
public sealed record SearcherOptions
{
    /// <summary>Report the lines that do not match (<c>-v</c>).</summary>
    public bool InvertMatch { get; init; }

    /// <summary>Count line numbers (costs a scan for newlines up to each reported line).</summary>
    public bool LineNumbers { get; init; }

    /// <summary>Report every line: non-matching ones as context (<c>--passthru</c>).</summary>
    public bool Passthru { get; init; }

    /// <summary>Lines of context before each match (<c>-B</c>).</summary>
    public int BeforeContext { get; init; }

    /// <summary>Lines of context after each match (<c>-A</c>).</summary>
    public int AfterContext { get; init; }

    /// <summary>
    /// Records end with NUL instead of <c>\n</c> (<c>--null-data</c>): input is read with the two bytes
    /// exchanged, for a pattern compiled with <see cref="Matching.PatternOptions.NullData"/>.
    /// </summary>
    public bool NullData { get; init; }

    /// <summary>Stop reading a file at the first non-matching line after a match (<c>--stop-on-nonmatch</c>, for sorted input).</summary>
    public bool StopOnNonmatch { get; init; }

    /// <summary>Stop after this many matching lines per file (<c>-m</c>); null for no limit.</summary>
    public long? MaxCount { get; init; }

    /// <summary>Binary file handling.</summary>
    public BinaryMode Binary { get; init; } = BinaryMode.Quit;

    /// <summary>
    /// For <see cref="BinaryMode.Convert"/>: look for NUL bytes only in the first 64 KiB and in reported
    /// lines, and leave them in place. This is what ripgrep 13 does when it memory-maps a few files named
    /// on the command line, and it decides which of their lines are printed.
    /// </summary>
    public bool LimitedBinaryDetection { get; init; }

    /// <summary>Drop a UTF-8 byte order mark and transcode UTF-16 with a byte order mark.</summary>
    public bool BomSniffing { get; init; } = true;

    /// <summary>
    /// The encoding of input without a byte order mark (<c>-E</c>), transcoded to UTF-8 before
    /// matching; null searches such input as raw bytes. A byte order mark still wins while
    /// <see cref="BomSniffing"/> is on. <see cref="EncodingLabels.Resolve"/> turns a label into one.
    /// </summary>
    public System.Text.Encoding? Encoding { get; init; }

    /// <summary>
    /// A command run on each file (with the file's path as its one argument) whose output is searched
    /// instead of the file (<c>--pre</c>); a command that fails is reported with its standard error.
    /// </summary>
    public string? Preprocessor { get; init; }

    /// <summary>Globs (as <c>-g</c>, <c>!</c> excludes) limiting <see cref="Preprocessor"/> to the files they select (<c>--pre-glob</c>).</summary>
    public IReadOnlyList<string> PreprocessorGlobs { get; init; } = [];

    /// <summary>
    /// Search compressed files decompressed (<c>-z</c>): gzip and brotli in process; bzip2, xz, lzma, lz4,
    /// zstd and compress through their command-line tools, as ripgrep does (a file whose tool is not
    /// installed is searched as it is).
    /// </summary>
    public bool SearchCompressed { get; init; }
}
