using Scour.Matching;
using Scour.Matching.Lines;
using Scour.Searching;

namespace Scour.Output;

/// <summary>
/// One line per file instead of the matching lines: counts (<c>-c</c>, <c>--count-matches</c>), paths
/// of files with or without matches (<c>-l</c>, <c>--files-without-match</c>), or nothing (<c>-q</c>).
/// Stops reading a file as soon as its answer is known.
/// </summary>
internal sealed class SummaryPrinter(OutputOptions options, LineMatcher matcher, ResultWriter? writer = null) : FilePrinter(options, matcher, writer), ILineCountSink
{
    private readonly List<ByteRange> _matches = [];
    private long _count;

    public override bool Separated => false;

    protected override bool PrintsLines => false;

    protected override void OnBegin() => _count = 0;

    protected override bool OnMatched(in SinkLine line)
    {
        MatchedLines += LinesIn(line);
        if (Options.InvertMatch)
        {
            // -v: what is reported has no matches; rg counts its lines (a -U unit can hold several),
            // for -c and --count-matches as for --stats.
            CountForStats(LinesIn(line));
            _count += LinesIn(line);
            return Options.Mode is OutputMode.Count or OutputMode.CountMatches || Options.Stats is not null;
        }

        var multiline = Matcher.MatchesAcrossLines;
        if (Options.Mode == OutputMode.CountMatches || CountsMatches || (multiline && Options.Mode == OutputMode.Count))
        {
            _matches.Clear();
            FindMatches(line, _matches);
            CountForStats(CountedMatches(_matches.Count));
        }

        switch (Options.Mode)
        {
            case OutputMode.CountMatches:
                _count += CountedMatches(_matches.Count);
                return true;
            case OutputMode.Count:
                _count += multiline ? CountedMatches(_matches.Count) : 1; // as rg 15: -c with -U counts the unit's matches
                return true;
            default:
                // -l and -q know enough after one match, unless --stats wants the totals (rg then reads
                // the whole file). --files-without-match reads on, as rg: a binary quit later in the
                // file makes it one without a match after all (see OnFinish).
                return Options.Stats is not null || Options.Mode == OutputMode.FilesWithoutMatch || Options.QuietWithoutMatch;
        }
    }

    public bool CountsLinesOnly => Options.Mode == OutputMode.Count && !Matcher.MatchesAcrossLines && !CountsMatches;

    public void AddMatchedLines(long count)
    {
        MatchedLines += count;
        _count += count;
    }

    protected override void OnFinish(SearchResult result)
    {
        // As ripgrep: a file that binary detection made us stop reading counts as not matching at all,
        // rather than reporting a misleadingly small count (-l and -q stop at their first match, and so
        // only get here when --stats made them read on).
        if (Binary == BinaryMode.Quit && result.BinaryOffset is not null)
        {
            MatchedLines = 0;
            return;
        }

        switch (Options.Mode)
        {
            case OutputMode.Count or OutputMode.CountMatches when _count > 0 || Options.IncludeZero:
                if (HasPath)
                {
                    WritePath();
                    Buffer.Write(Options.NullAfterPath ? Options.PathNul : ":"u8);
                }

                Buffer.WriteNumber(_count);
                Buffer.Write(Options.LineTerminator);
                break;
            case OutputMode.FilesWithMatches when MatchedLines > 0:
            case OutputMode.FilesWithoutMatch when MatchedLines == 0:
                WritePathLine();
                break;
        }
    }

    private void WritePathLine()
    {
        WritePath();
        WritePathEnd();
    }
}
