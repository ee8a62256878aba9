using Scour.Matching;
using Scour.Matching.Lines;
using Scour.Searching;

namespace Scour.Output;

/// <summary>
/// The sink for one file at a time: collects that file's output in a buffer, which goes to a
/// <see cref="ResultWriter"/> once the file is done, so that files' outputs never interleave. A file
/// whose output outgrows <see cref="ResultWriter.StreamAbove"/> takes the writer for itself and streams the rest,
/// which keeps memory bounded however much one file prints. One instance per search thread.
/// </summary>
internal abstract class FilePrinter : IFileSink
{
    private byte[] _path = [];
    private string? _displayPath;
    private string? _linkTarget;
    private bool _linkResolved;
    private readonly ResultWriter? _writer;
    private long _written;
    private bool _streaming;

    protected FilePrinter(OutputOptions options, LineMatcher matcher, ResultWriter? writer = null)
    {
        Options = options;
        Matcher = matcher;
        _writer = writer;
    }

    protected OutputOptions Options { get; }

    protected LineMatcher Matcher { get; }

    protected OutputBuffer Buffer { get; } = new();

    protected ReadOnlySpan<byte> PathBytes => _path;

    protected bool HasPath { get; private set; }

    protected BinaryMode Binary { get; private set; }

    protected long? BinaryOffset { get; private set; }

    /// <summary>True for output that shows paths as they are, without <c>--path-separator</c> (rg's JSON).</summary>
    protected virtual bool ShowsPathsAsGiven => false;

    /// <summary>Lines reported as matches so far in this file.</summary>
    public long MatchedLines { get; protected set; }

    /// <summary>True if the block takes the between-files separator.</summary>
    public abstract bool Separated { get; }

    private readonly System.Diagnostics.Stopwatch _clock = new();

    /// <summary>Time since the file began.</summary>
    protected TimeSpan Elapsed => _clock.Elapsed;

    /// <summary>Matches in this file, counted only for <c>--stats</c>.</summary>
    protected long StatsMatches { get; private set; }

    /// <summary>True if a printer must find the matches of each line for <c>--stats</c>.</summary>
    protected bool CountsMatches => Options.Stats is not null;

    /// <summary>The lines in a reported unit: one, or several for a multiline match (<c>-U</c>), each counted as rg counts matched lines.</summary>
    protected int LinesIn(in SinkLine line) => Matcher.MatchesAcrossLines ? 1 + line.Content.Count((byte)'\n') : 1;

    /// <summary>
    /// Adds the matches in a reported line (or multiline unit) to <paramref name="matches"/>, in the line's
    /// coordinates. A multiline pattern sees the terminator too, since its matches may end with it.
    /// </summary>
    protected void FindMatches(in SinkLine line, List<ByteRange> matches)
    {
        Matcher.FindAllInContext(line, matches);
        TrailingEmptyMatch.Drop(matches, UnitLength(line), KeepsTrailingEmptyMatch(line));
        if (Matcher.MatchesAcrossLines)
        {
            for (var k = 0; k < matches.Count; k++)
            {
                matches[k] = WithinUnit(matches[k], line.Bytes.Length);
            }
        }
    }

    // Found again with the bytes after the unit in view (as rg's printer finds them), a match may run
    // past the unit's end: it is cut there, as only the unit is printed.
    private static ByteRange WithinUnit(ByteRange range, int length) =>
        range.End <= length ? range : new ByteRange(Math.Min(range.Start, length), length);

    /// <summary>As <see cref="FindMatches"/>, with each match's capture groups (for <c>-r</c>).</summary>
    protected void FindMatchGroups(in SinkLine line, List<ByteRange[]> groups, out Func<string, int> resolve)
    {
        Matcher.FindAllGroupsInContext(line, groups, out resolve);
        TrailingEmptyMatch.Drop(groups, UnitLength(line), KeepsTrailingEmptyMatch(line));
        if (Matcher.MatchesAcrossLines)
        {
            foreach (var found in groups)
            {
                for (var g = 0; g < found.Length; g++)
                {
                    found[g] = found[g].Start < 0 ? found[g] : WithinUnit(found[g], line.Bytes.Length);
                }
            }
        }
    }

    private int UnitLength(in SinkLine line) => Matcher.MatchesAcrossLines ? line.Bytes.Length : line.Content.Length;

    // A line keeps an empty match at its end before its terminator. A unit of -U lines never does: after
    // its last terminator, that match is on the next line (or, at the end of the file, on none). Nor does
    // a last line without a terminator: rg looks for matches only before the end of the line's bytes.
    private bool KeepsTrailingEmptyMatch(in SinkLine line) =>
        !Matcher.MatchesAcrossLines && !line.Bytes.IsEmpty && line.Bytes[^1] == (byte)'\n';

    /// <summary>
    /// What rg's counting modes (<c>-c</c>, <c>-l</c>, <c>-q</c>, <c>-q --json</c>, and <c>-U -c</c>) count for
    /// a reported line or unit whose matches the printer found: at least one, since the searcher found
    /// one (the empty match at the end of a last line without a terminator, <c>$</c>, which the printer's
    /// search leaves out).
    /// </summary>
    protected static int CountedMatches(int found) => Math.Max(1, found);

    /// <summary>Adds a matching line's matches (found by the printer) to the <c>--stats</c> count.</summary>
    protected void CountForStats(int matches) => StatsMatches += matches;

    /// <summary>Starts a file; <paramref name="path"/> is null for unnamed input.</summary>
    public void Begin(string? path, BinaryMode binary)
    {
        StatsMatches = 0;
        _clock.Restart();
        Buffer.Clear();
        Buffer.ResetEscapeCount();
        _written = 0;
        _streaming = false;
        HasPath = path is not null && Options.WithFilename;
        _path = path is null ? [] : ShowsPathsAsGiven ? Walking.FileNameEncoding.GetBytes(path) : Options.PathBytes(path);
        _displayPath = path;
        _linkTarget = null;
        _linkResolved = false;
        Binary = binary;
        BinaryOffset = null;
        MatchedLines = 0;
        OnBegin();
    }

    protected virtual void OnBegin()
    {
    }

    /// <summary>Ends the file and returns its output.</summary>
    public ReadOnlySpan<byte> FinishBlock(SearchResult result)
    {
        var matchedLines = MatchedLines; // --stats counts lines even in a binary file whose count is then withheld, as rg
        OnFinish(result);
        Options.Stats?.Add(StatsMatches, matchedLines, PrintsLines ? PrintedBytes : 0, result.BytesSearched, Elapsed);
        return Buffer.Written;
    }

    /// <summary>This file's output so far, streamed or still buffered.</summary>
    protected long PrintedBytes => _written + Buffer.Length - Buffer.EscapeBytes;

    /// <summary>True if this printer's output counts as "bytes printed" in <c>--stats</c> (ripgrep counts lines, not counts).</summary>
    protected virtual bool PrintsLines => true;

    /// <summary>Ends the file and writes its block; false if the output is closed.</summary>
    public bool Finish(SearchResult result) => WriteLast(FinishBlock(result));

    /// <summary>
    /// Ends a file that failed. Its output is dropped unless <see cref="OutputOptions.KeepOutputOfFailedFiles"/>
    /// (what already streamed of a very large output stays written).
    /// </summary>
    public bool Abandon() => WriteLast(Options.KeepOutputOfFailedFiles ? Buffer.Written : []);

    private bool WriteLast(ReadOnlySpan<byte> block)
    {
        try
        {
            if (_streaming)
            {
                _streaming = false;
                _writer!.EndStream(block);
            }
            else
            {
                _writer?.WriteBlock(block, Separated);
            }

            return true;
        }
        catch (IOException)
        {
            return false;
        }
    }

    protected abstract void OnFinish(SearchResult result);

    public bool Matched(in SinkLine line) => OnMatched(line) & StreamIfLarge();

    public bool Context(in SinkLine line, ContextKind kind) => OnContext(line, kind) & StreamIfLarge();

    protected abstract bool OnMatched(in SinkLine line);

    protected virtual bool OnContext(in SinkLine line, ContextKind kind) => true;

    // False once the output is closed, which stops the search.
    private bool StreamIfLarge()
    {
        if (_writer is null || Buffer.Length < _writer.StreamAbove)
        {
            return true;
        }

        try
        {
            if (_streaming)
            {
                _writer.Continue(Buffer.Written);
            }
            else
            {
                _writer.BeginStream(Buffer.Written, Separated);
                _streaming = true;
            }
        }
        catch (IOException)
        {
            return false;
        }

        _written += Buffer.Length;
        Buffer.Clear();
        return true;
    }

    public virtual bool ContextBreak() => true;

    public virtual bool BinaryData(long absoluteOffset)
    {
        BinaryOffset = absoluteOffset;
        return true;
    }

    /// <summary>
    /// Writes the path, colored and (with a hyperlink format) linked; unlinked when <paramref name="linked"/>
    /// is false, for a caller that links a wider span.
    /// </summary>
    protected void WritePath(bool linked = true) => Options.WriteStyledPath(Buffer, _path, linked ? LinkTarget : null);

    /// <summary>What ends a path on a line of its own: NUL with <c>-0</c>, else the line terminator (CRLF with <c>--crlf</c>, as rg).</summary>
    protected void WritePathEnd()
    {
        if (Options.NullAfterPath)
        {
            Buffer.Write(Options.PathNul);
        }
        else
        {
            Buffer.Write(Options.LineTerminator);
        }
    }

    /// <summary>What this file's hyperlinks point to (resolved once per file, as rg does); null without a format, a path, or a target.</summary>
    protected string? LinkTarget
    {
        get
        {
            if (!_linkResolved)
            {
                _linkResolved = true;
                _linkTarget = Options.Hyperlinks is not null && _displayPath is not null ? HyperlinkFormat.TargetOf(_path) : null;
            }

            return _linkTarget;
        }
    }

    protected void WriteColored(ColorSpec? spec, long number)
    {
        if (spec is not null)
        {
            Buffer.WriteEscape(spec.Start);
            Buffer.WriteNumber(number);
            Buffer.WriteEscape(ColorSpec.Reset);
        }
        else
        {
            Buffer.WriteNumber(number);
        }
    }

    public void Dispose()
    {
        Buffer.Dispose();
        GC.SuppressFinalize(this);
    }
}
