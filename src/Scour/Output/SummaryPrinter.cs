using Scour.Matching;
using Scour.Searching;

namespace Scour.Output;

/// <summary>
/// One line per file instead of the matching lines: counts (<c>-c</c>, <c>--count-matches</c>), paths
/// of files with or without matches (<c>-l</c>, <c>--files-without-match</c>), or nothing (<c>-q</c>).
/// Stops reading a file as soon as its answer is known.
/// </summary>
internal sealed class SummaryPrinter(OutputOptions options, LineMatcher matcher, ResultWriter? writer = null) : FilePrinter(options, matcher, writer)
{
    private readonly List<ByteRange> _matches = [];
    private long _count;

    public override bool Separated => false;

    protected override bool PrintsLines => false;

    protected override void OnBegin() => _count = 0;

    public override bool Matched(in SinkLine line)
    {
        MatchedLines++;
        if (Options.Mode == OutputMode.CountMatches || CountsMatches)
        {
            _matches.Clear();
            Matcher.FindAll(line.Content, _matches);
            CountForStats(_matches.Count);
        }

        switch (Options.Mode)
        {
            case OutputMode.CountMatches:
                _count += Math.Max(1, _matches.Count);
                return true;
            case OutputMode.Count:
                _count++;
                return true;
            case OutputMode.Quiet when Options.Stats is not null:
                return true; // as rg: -q stops at the first match unless --stats wants the totals
            default:
                return false; // -l, --files-without-match and -q know enough after one match
        }
    }

    protected override void OnFinish(SearchResult result)
    {
        // As ripgrep: a file that binary detection made us stop reading counts as not matching at all,
        // rather than reporting a misleadingly small count.
        if (Binary == BinaryMode.Quit && result.BinaryOffset is not null && Options.Mode is not (OutputMode.FilesWithMatches or OutputMode.Quiet))
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
                    Buffer.Write(Options.NullAfterPath ? (byte)0 : (byte)':');
                }

                Buffer.WriteNumber(_count);
                Buffer.Write((byte)'\n');
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
        Buffer.Write(Options.NullAfterPath ? (byte)0 : (byte)'\n');
    }
}
