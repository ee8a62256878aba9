using System.Text;
using Scour.Matching;
using Scour.Matching.Lines;
using Scour.Results;
using Scour.Searching;

namespace Scour;

/// <summary>The library's file sink: turns one file's lines into a <see cref="FileResult"/>.</summary>
internal sealed class ResultCollector(LineMatcher matcher, bool nullData, Func<FileResult, bool> onFile) : IFileSink
{
    private readonly List<LineResult> _lines = [];
    private readonly List<ByteRange> _matches = [];
    private string _path = string.Empty;
    private BinaryMode _binary;
    private bool _binarySeen;

    public long MatchedLines { get; private set; }

    public void Begin(string? path, BinaryMode binary)
    {
        _path = path ?? "<stdin>";
        _binary = binary;
        _binarySeen = false;
        _lines.Clear();
        MatchedLines = 0;
    }

    public bool Matched(in SinkLine line)
    {
        if (_binary == BinaryMode.Convert && _binarySeen)
        {
            MatchedLines++;
            return false; // as the CLI: a binary file's match is not shown, the file is reported as binary
        }

        MatchedLines++;
        _matches.Clear();
        matcher.FindAllInContext(line, _matches);
        if (matcher.MatchesAcrossLines)
        {
            // A multiline unit: matches may end with its last terminator, which results leave out.
            var length = line.Content.Length;
            for (var i = 0; i < _matches.Count; i++)
            {
                _matches[i] = new ByteRange(Math.Min(_matches[i].Start, length), Math.Min(_matches[i].End, length));
            }
        }

        _lines.Add(Line(LineKind.Match, line, _matches, nullData));
        return true;
    }

    public bool Context(in SinkLine line, ContextKind kind)
    {
        _lines.Add(Line(LineKind.Context, line, [], nullData));
        return true;
    }

    public bool ContextBreak() => true;

    public bool BinaryData(long absoluteOffset)
    {
        _binarySeen = true;
        return true;
    }

    public bool Finish(SearchResult result)
    {
        if (MatchedLines == 0 && _lines.Count == 0)
        {
            return true;
        }

        return onFile(new FileResult(_path, [.. _lines], MatchedLines, result.BinaryOffset, null));
    }

    private static LineResult Line(LineKind kind, in SinkLine line, List<ByteRange> matches, bool nullData)
    {
        ReadOnlySpan<byte> content = line.Content;
        if (nullData)
        {
            // The searcher saw NUL and \n exchanged; results hold the record as it is in the file.
            var copy = content.ToArray();
            ByteSwapSource.Swap(copy);
            content = copy;
        }

        var text = Encoding.UTF8.GetString(content);
        var submatches = new Submatch[matches.Count];
        for (var i = 0; i < matches.Count; i++)
        {
            var m = matches[i];
            var charStart = Encoding.UTF8.GetCharCount(content[..m.Start]);
            var charEnd = charStart + Encoding.UTF8.GetCharCount(content[m.Start..m.End]);
            submatches[i] = new Submatch(m.Start, m.End, charStart, charEnd, Encoding.UTF8.GetString(content[m.Start..m.End]));
        }

        return new LineResult(kind, line.LineNumber, line.AbsoluteOffset, content.ToArray(), text, submatches);
    }

    public void Dispose()
    {
    }
}
