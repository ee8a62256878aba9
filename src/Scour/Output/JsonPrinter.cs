using System.Diagnostics;
using Scour.Matching;
using Scour.Matching.Lines;
using Scour.Searching;

namespace Scour.Output;

/// <summary>Totals of a <c>--json</c> run, for the final <c>summary</c> message. Thread-safe.</summary>
internal sealed class JsonTotals
{
    private readonly Stopwatch _clock = Stopwatch.StartNew();
    private long _searches;
    private long _searchesWithMatch;
    private long _bytesSearched;
    private long _bytesPrinted;
    private long _matchedLines;
    private long _matches;
    private long _elapsedTicks;

    public void Add(long searchesWithMatch, long bytesSearched, long bytesPrinted, long matchedLines, long matches, TimeSpan elapsed)
    {
        Interlocked.Increment(ref _searches);
        Interlocked.Add(ref _searchesWithMatch, searchesWithMatch);
        Interlocked.Add(ref _bytesSearched, bytesSearched);
        Interlocked.Add(ref _bytesPrinted, bytesPrinted);
        Interlocked.Add(ref _matchedLines, matchedLines);
        Interlocked.Add(ref _matches, matches);
        Interlocked.Add(ref _elapsedTicks, elapsed.Ticks);
    }

    /// <summary>The <c>summary</c> message; serde_json's <c>json!</c> orders its keys alphabetically.</summary>
    public void WriteSummary(OutputBuffer output)
    {
        output.Write("{\"data\":{\"elapsed_total\":"u8);
        JsonText.WriteElapsed(output, _clock.Elapsed, alphabetical: true);
        output.Write(",\"stats\":{\"bytes_printed\":"u8);
        output.WriteNumber(Interlocked.Read(ref _bytesPrinted));
        output.Write(",\"bytes_searched\":"u8);
        output.WriteNumber(Interlocked.Read(ref _bytesSearched));
        output.Write(",\"elapsed\":"u8);
        JsonText.WriteElapsed(output, TimeSpan.FromTicks(Interlocked.Read(ref _elapsedTicks)), alphabetical: true);
        output.Write(",\"matched_lines\":"u8);
        output.WriteNumber(Interlocked.Read(ref _matchedLines));
        output.Write(",\"matches\":"u8);
        output.WriteNumber(Interlocked.Read(ref _matches));
        output.Write(",\"searches\":"u8);
        output.WriteNumber(Interlocked.Read(ref _searches));
        output.Write(",\"searches_with_match\":"u8);
        output.WriteNumber(Interlocked.Read(ref _searchesWithMatch));
        output.Write("}},\"type\":\"summary\"}\n"u8);
    }
}

/// <summary>
/// ripgrep's JSON Lines protocol (<c>--json</c>): <c>begin</c>, <c>match</c>, <c>context</c> and
/// <c>end</c> messages per file with at least one reported line, with submatch byte offsets relative
/// to the line, and <c>{"bytes":...}</c> for data that is not UTF-8.
/// </summary>
internal sealed class JsonPrinter(OutputOptions options, LineMatcher matcher, ResultWriter? writer, JsonTotals totals)
    : FilePrinter(options, matcher, writer)
{
    private readonly List<ByteRange> _matches = [];
    private readonly List<ByteRange[]> _groups = [];
    private readonly List<byte> _replaced = [];
    private Func<string, int>? _resolveGroup;
    private bool _begun;
    private long _matchCount;
    private byte[] _swapped = [];

    public override bool Separated => false;

    // As rg: JSON messages carry the path as it is, --path-separator does not apply to them.
    protected override bool ShowsPathsAsGiven => true;

    protected override void OnBegin()
    {
        _begun = false;
        _matchCount = 0;
    }

    protected override bool OnMatched(in SinkLine line)
    {
        MatchedLines += LinesIn(line);
        if (Options.JsonSummaryOnly)
        {
            // As rg's quiet sink: an inverted line has no matches, and counts as one (per line of a -U unit).
            if (Options.InvertMatch)
            {
                _matchCount += LinesIn(line);
                return true;
            }

            // -q --json prints only the summary, whose counts are then rg's counting ones (see SummaryPrinter).
            _matches.Clear();
            FindMatches(line, _matches);
            _matchCount += CountedMatches(_matches.Count);
            return true;
        }

        _matchCount += WriteLine("match"u8, line);
        return true;
    }

    protected override bool OnContext(in SinkLine line, ContextKind kind)
    {
        if (!Options.JsonSummaryOnly)
        {
            // As rg, a context line's submatches are found only with -v, where context lines are the matching ones.
            WriteLine("context"u8, line, findMatches: Options.InvertMatch);
        }

        return true;
    }

    // Returns the number of submatches written.
    private int WriteLine(ReadOnlySpan<byte> type, in SinkLine line, bool findMatches = true)
    {
        if (!_begun)
        {
            _begun = true;
            Buffer.Write("{\"type\":\"begin\",\"data\":{\"path\":"u8);
            JsonText.WriteData(Buffer, PathBytes);
            Buffer.Write("}}\n"u8);
        }

        _matches.Clear();
        var replacement = Options.Replacement;
        if (findMatches && replacement is null)
        {
            FindMatches(line, _matches);
        }
        else if (findMatches)
        {
            // -r: each submatch also carries its replacement (rg 15), expanded from its groups.
            _groups.Clear();
            FindMatchGroups(line, _groups, out _resolveGroup);
            foreach (var groups in _groups)
            {
                _matches.Add(groups[0]);
            }
        }

        Buffer.Write("{\"type\":\""u8);
        Buffer.Write(type);
        Buffer.Write("\",\"data\":{\"path\":"u8);
        JsonText.WriteData(Buffer, PathBytes);
        Buffer.Write(",\"lines\":"u8);
        var bytes = line.Bytes;
        if (Options.NullData)
        {
            // The searcher saw NUL and \n exchanged; the data is reported as it is in the file.
            _swapped = bytes.Length <= _swapped.Length ? _swapped : new byte[bytes.Length * 2];
            bytes.CopyTo(_swapped);
            bytes = _swapped.AsSpan(0, bytes.Length);
            ByteSwapSource.Swap(_swapped.AsSpan(0, bytes.Length));
        }

        JsonText.WriteData(Buffer, bytes);
        Buffer.Write(",\"line_number\":"u8);
        if (Options.LineNumber)
        {
            Buffer.WriteNumber(line.LineNumber);
        }
        else
        {
            Buffer.Write("null"u8);
        }

        Buffer.Write(",\"absolute_offset\":"u8);
        Buffer.WriteNumber(line.AbsoluteOffset);
        Buffer.Write(",\"submatches\":["u8);
        for (var i = 0; i < _matches.Count; i++)
        {
            var m = _matches[i];
            if (i > 0)
            {
                Buffer.Write((byte)',');
            }

            Buffer.Write("{\"match\":"u8);
            JsonText.WriteData(Buffer, bytes[m.Start..m.End]);
            if (replacement is not null)
            {
                _replaced.Clear();
                replacement.Expand(bytes, _groups[i], _resolveGroup!, _replaced);
                Buffer.Write(",\"replacement\":"u8);
                JsonText.WriteData(Buffer, System.Runtime.InteropServices.CollectionsMarshal.AsSpan(_replaced));
            }

            Buffer.Write(",\"start\":"u8);
            Buffer.WriteNumber(m.Start);
            Buffer.Write(",\"end\":"u8);
            Buffer.WriteNumber(m.End);
            Buffer.Write((byte)'}');
        }

        Buffer.Write("]}}\n"u8);
        return _matches.Count;
    }

    protected override void OnFinish(SearchResult result)
    {
        var printed = PrintedBytes;
        var withMatch = MatchedLines > 0 ? 1 : 0;
        var elapsed = Elapsed;

        // rg 15's summary counts every file searched, also those that printed nothing.
        totals.Add(withMatch, result.BytesSearched, printed, MatchedLines, _matchCount, elapsed);
        if (Options.JsonSummaryOnly && Binary == BinaryMode.Quit && result.BinaryOffset is not null)
        {
            // -q --json counts as rg's quiet sink: a file binary detection stopped is one without a
            // match (for the exit code), though the statistics above keep what it found.
            MatchedLines = 0;
        }

        if (!_begun)
        {
            return;
        }

        Buffer.Write("{\"type\":\"end\",\"data\":{\"path\":"u8);
        JsonText.WriteData(Buffer, PathBytes);
        Buffer.Write(",\"binary_offset\":"u8);
        if (result.BinaryOffset is { } offset)
        {
            Buffer.WriteNumber(offset);
        }
        else
        {
            Buffer.Write("null"u8);
        }

        Buffer.Write(",\"stats\":{\"elapsed\":"u8);
        JsonText.WriteElapsed(Buffer, elapsed, alphabetical: false);
        Buffer.Write(",\"searches\":1,\"searches_with_match\":"u8);
        Buffer.WriteNumber(withMatch);
        Buffer.Write(",\"bytes_searched\":"u8);
        Buffer.WriteNumber(result.BytesSearched);
        Buffer.Write(",\"bytes_printed\":"u8);
        Buffer.WriteNumber(printed);
        Buffer.Write(",\"matched_lines\":"u8);
        Buffer.WriteNumber(MatchedLines);
        Buffer.Write(",\"matches\":"u8);
        Buffer.WriteNumber(_matchCount);
        Buffer.Write("}}}\n"u8);
    }
}
