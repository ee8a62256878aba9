using System.Buffers;
using Scour.Matching;
using Scour.Matching.Lines;

namespace Scour.Searching;

/// <summary>
/// Reads bytes into a bounded, pooled buffer, hands whole lines to a <see cref="LineMatcher"/> and
/// reports matches and context to an <see cref="ISink"/>. One instance per thread; reusable.
/// </summary>
/// <remarks>
/// The buffer starts at 64 KiB and only grows to hold one line longer than it. Line numbers are
/// counted lazily, only up to lines that are reported. Buffer handling mirrors ripgrep's, because
/// where a NUL byte falls relative to buffer boundaries decides what a binary file prints.
/// </remarks>
internal sealed class StreamSearcher : IDisposable
{
    internal const int DefaultCapacity = 64 * 1024;

    // ripgrep 13 checks this much of a memory-mapped file for NUL bytes up front.
    private const int BinaryWindow = 64 * 1024;

    // Files ripgrep 13 would memory-map (a few named on the command line) are read in large blocks:
    // their binary detection does not depend on buffer boundaries, and big reads cost fewer calls.
    private const int MappedReadSize = 256 * 1024;
    private readonly int _initialCapacity;
    private byte[]? _ownBuffer; // made by the first search that reads in its size

    private readonly SearcherOptions _options;
    private readonly BomSniffer _sniffer = new();
    private byte[] _buf;

    private BinaryMode _binary;
    private IByteSource _source = null!;
    private LineMatcher _matcher = null!;
    private ISink _sink = null!;
    private ILineCountSink? _lineCounter;
    private int _dataEnd;
    private int _pos;
    private int _regionEnd;
    private long _absBase;
    private bool _eof;
    private long _binaryOffset;
    private long _lineNo;
    private int _countPos;
    private long _lastPrintedEnd;
    private int _afterRemaining;
    private long _matches;
    private bool _stopped;
    private bool _maxReached;
    private bool _binaryQuit;
    private long _stopEnd;
    private int _heldBack;
    private bool _slowAfterFirstRun;

    public StreamSearcher(SearcherOptions options)
        : this(options, DefaultCapacity)
    {
    }

    /// <summary>Creates a searcher with a given initial buffer size (tests use tiny ones to cross buffer edges).</summary>
    internal StreamSearcher(SearcherOptions options, int initialCapacity)
    {
        _options = options;
        _initialCapacity = initialCapacity;
        _buf = [];
    }

    private bool ContextEnabled => _options.BeforeContext > 0 || _options.AfterContext > 0;

    private bool Limited => _binary == BinaryMode.Convert && _options.LimitedBinaryDetection;

    public SearchResult Search(IByteSource source, LineMatcher matcher, ISink sink, CancellationToken cancellationToken) =>
        Search(source, matcher, sink, _options.Binary, cancellationToken);

    /// <summary>Searches with a binary mode of its own (files named explicitly use <see cref="BinaryMode.Convert"/>).</summary>
    public SearchResult Search(IByteSource source, LineMatcher matcher, ISink sink, BinaryMode binary, CancellationToken cancellationToken)
    {
        _binary = binary;
        _source = _options.BomSniffing ? _sniffer.Reset(source, _options.Encoding) : _options.Encoding is { } encoding ? new TranscodingSource(source, encoding) : source;
        if (_options.NullData)
        {
            _source = new ByteSwapSource(_source);
        }

        if (matcher.MatchesAcrossLines)
        {
            return MultilineSearcher.Search(_source, matcher, sink, binary, _options, cancellationToken);
        }

        _matcher = matcher;
        _sink = sink;
        _lineCounter = sink is ILineCountSink { CountsLinesOnly: true } counter && !_options.Passthru && !_options.InvertMatch
            && !ContextEnabled && _options.MaxCount is null && !_options.StopOnNonmatch ? counter : null;
        _dataEnd = _pos = _regionEnd = 0;
        _absBase = 0;
        _eof = false;
        _binaryOffset = -1;
        _lineNo = 1;
        _countPos = 0;
        _lastPrintedEnd = -1;
        _afterRemaining = 0;
        _matches = 0;
        _stopped = _options.MaxCount == 0;
        _maxReached = false;
        _binaryQuit = false;
        _stopEnd = -1;
        _heldBack = 0;
        _slowAfterFirstRun = false;
        if (Limited && _buf.Length < MappedReadSize)
        {
            ReturnBuffer();
            _buf = new byte[MappedReadSize];
        }
        else if (!Limited && _buf.Length != _initialCapacity)
        {
            // A long line (or a mapped-size read) made the buffer grow: every file starts with the same
            // buffer, so where reads split a file, and what a binary quit counts as searched, never
            // depends on which file this worker searched before. It also frees a huge line's memory.
            ReturnBuffer();
            _buf = _ownBuffer ??= new byte[_initialCapacity];
        }

        while (!_stopped && Fill())
        {
            cancellationToken.ThrowIfCancellationRequested();
            ProcessRegion(_regionEnd);
            if (_eof)
            {
                break;
            }
        }

        // As rg 15's statistics: a stop (-m, or a sink that wants no more) ends the count at the line where
        // it happened, a binary quit counts the lines searched before the read that held the NUL, anything else what was
        // read; a memory-mapped file counts no further than its first NUL.
        var searched = _stopEnd >= 0 ? _stopEnd : _binaryQuit ? _absBase + _pos : _absBase + _dataEnd;
        if (Limited && _binaryOffset >= 0)
        {
            searched = Math.Min(searched, _binaryOffset); // rg's count for a memory-mapped file with a NUL
        }

        return new SearchResult(searched, _binaryOffset >= 0 ? _binaryOffset : null, _matches);
    }

    // Reads until the buffer holds at least one more complete line (or the input ends).
    // Returns false when there is nothing more to search. What was searched is dropped from the buffer
    // only when it is full: a file that fits is searched where it was read, all of it in view of the
    // matchers as in rg's memory map (\A holds at the file's start only).
    private bool Fill()
    {
        while (true)
        {
            if (_dataEnd == _buf.Length)
            {
                Roll();
            }

            if (_dataEnd == _buf.Length)
            {
                Grow();
            }

            var n = ReadMore();
            if (n == 0)
            {
                _eof = true;
                _regionEnd = _dataEnd;
                return _pos < _dataEnd;
            }

            var newStart = _dataEnd;
            _dataEnd += n;
            if (!DetectBinary(newStart))
            {
                return false;
            }

            var lastNewline = _buf.AsSpan(newStart, _dataEnd - newStart).LastIndexOf((byte)'\n');
            if (lastNewline >= 0)
            {
                _regionEnd = newStart + lastNewline + 1;
                return true;
            }
        }
    }

    // The next read into the buffer after the data. rg's decoding reader hands over the bytes it looked
    // at for a byte order mark as a read of their own (where rg reads a file rather than maps it:
    // LimitedBinaryDetection says it maps). Lines that end within them are searched before the rest of
    // the first read is seen, so when the rest holds a NUL they still print (before a binary quit, where
    // the buffer holding the NUL is not searched, and before --binary's notice), and a -v -m window sees
    // a buffer boundary there, as in rg. The rest stays where it was read, after the data, and is this
    // method's next answer.
    private int ReadMore()
    {
        if (_heldBack > 0)
        {
            var held = _heldBack;
            _heldBack = 0;
            return held;
        }

        var n = _source.Read(_buf.AsSpan(_dataEnd));
        if (_dataEnd == 0 && _absBase == 0 && n > BomSniffer.MarkLength && !_options.LimitedBinaryDetection && !_options.NullData &&
            ReferenceEquals(_source, _sniffer) && _sniffer.ServedRaw)
        {
            _heldBack = n - BomSniffer.MarkLength;
            n = BomSniffer.MarkLength;
        }

        return n;
    }

    private bool DetectBinary(int newStart)
    {
        if (_binary == BinaryMode.None)
        {
            return true;
        }

        if (Limited)
        {
            var limit = (int)Math.Min(_dataEnd, BinaryWindow - _absBase);
            if (_binaryOffset < 0 && limit > newStart && _buf.AsSpan(newStart, limit - newStart).IndexOf((byte)0) is var at and >= 0)
            {
                _binaryOffset = _absBase + newStart + at;
                _stopped |= !_sink.BinaryData(_binaryOffset);
            }

            return !_stopped;
        }

        var fresh = _buf.AsSpan(newStart, _dataEnd - newStart);
        var nul = fresh.IndexOf((byte)0);
        if (nul < 0)
        {
            return true;
        }

        var firstBinary = _binaryOffset < 0;
        if (firstBinary)
        {
            _binaryOffset = _absBase + newStart + nul;
        }

        if (_binary == BinaryMode.Quit)
        {
            // As ripgrep: the data ends at the NUL, and the buffer holding it is not searched.
            _dataEnd = newStart + nul;
            _eof = true;
            _stopped = true;
            _binaryQuit = true;
            _sink.BinaryData(_binaryOffset);
            return false;
        }

        fresh.Replace((byte)0, (byte)'\n');
        if (firstBinary && !_sink.BinaryData(_binaryOffset))
        {
            _stopped = true;
            return false;
        }

        return true;
    }

    private void Grow()
    {
        var bigger = ArrayPool<byte>.Shared.Rent(_buf.Length * 2);
        _buf.AsSpan(0, _dataEnd).CopyTo(bigger);
        ReturnBuffer();
        _buf = bigger;
    }

    // Drops consumed bytes from the front of the buffer, keeping the lines that before-context may need.
    private void Roll()
    {
        var keep = _pos;
        for (var i = 0; i < _options.BeforeContext && keep > 0; i++)
        {
            keep = LineBounds.StartOf(_buf, keep - 1);
        }

        var printedRel = _lastPrintedEnd - _absBase;
        if (keep < printedRel)
        {
            keep = (int)Math.Min(printedRel, _pos);
        }

        if (keep <= 0)
        {
            return;
        }

        if (_options.LineNumbers)
        {
            CountLinesTo(keep);
        }

        _buf.AsSpan(keep, _dataEnd - keep).CopyTo(_buf);
        _dataEnd -= keep;
        _pos -= keep;
        _countPos -= keep;
        _absBase += keep;
    }

    private void CountLinesTo(int position)
    {
        if (position > _countPos)
        {
            _lineNo += _buf.AsSpan(_countPos, position - _countPos).Count((byte)'\n');
            _countPos = position;
        }
    }

    private int LineEnd(int start, int limit) => LineBounds.EndOf(_buf.AsSpan(0, limit), start);

    private void ProcessRegion(int end)
    {
        _matcher.SetRegion(_buf, _pos, end);
        if (_lineCounter is not null && !(Limited && _binaryOffset < 0 && _buf.AsSpan(_pos, end - _pos).Contains((byte)0)))
        {
            // Only a count is wanted: no line is reported, so none needs its bounds or a sink call.
            // (A region with a NUL byte that a reported line would reveal takes the long way.)
            var count = _matcher.CountMatchingLines(_pos, end);
            _matches += count;
            _lineCounter.AddMatchedLines(count);
            _pos = end;
            return;
        }

        if (_maxReached && _afterRemaining > 0 && _pos < end && _options.InvertMatch && !_options.Passthru && !_options.StopOnNonmatch && _matcher.SearchedLineByLineFast)
        {
            // rg's fast searcher, -v after -m's last line with the after-context still open: in its next
            // buffer the search finds "no match" (the limit is reached) and takes the whole buffer as one
            // run of inverted lines, so its first line prints as a match and the window starts again.
            var first = LineEnd(_pos, end);
            EmitLine(_pos, first, isMatch: true, ContextKind.After);
            _matches++;
            _stopEnd = _absBase + first;
            _pos = first;
            _afterRemaining = _options.AfterContext;
        }

        while (_pos < end && !_stopped)
        {
            if (_maxReached)
            {
                // rg's slow searcher (PCRE2, --passthru, after --stop-on-nonmatch's first run) finds no
                // match once the limit is reached, which -v makes every line a match, each starting the
                // window again: with after-context, the rest of the file prints as matches.
                var invertedRest = _options.InvertMatch && _options.AfterContext > 0 && (!_matcher.SearchedLineByLineFast || _slowAfterFirstRun);
                if (_options.Passthru || invertedRest)
                {
                    EmitRestAsContext(end);
                }
                else
                {
                    EmitTrailingContext(end); // stops the search once the last after-context line is out
                }

                continue;
            }

            var found = _matcher.NextMatchingLine(_pos, out var matchStart, out var matchEnd);
            if (!found)
            {
                matchStart = matchEnd = end;
            }

            if (_options.Passthru)
            {
                EmitPassthru(matchStart, matchEnd, found);
            }
            else if (!_options.InvertMatch)
            {
                if (_options.StopOnNonmatch && _matches > 0 && matchStart > _pos)
                {
                    // A non-matching line after a match ends the file (--stop-on-nonmatch); as rg, it is
                    // printed first when after-context is due.
                    var nonMatchEnd = LineEnd(_pos, matchStart);
                    EmitAfterContext(nonMatchEnd);
                    StopAfterNonmatch(nonMatchEnd);
                    break;
                }

                EmitAfterContext(matchStart);
                _pos = matchStart;
                if (found && !_stopped)
                {
                    EmitMatch(matchStart, matchEnd);
                    _pos = matchEnd;
                }
            }
            else
            {
                var matchedBefore = _matches;
                while (_pos < matchStart && !_stopped && !_maxReached)
                {
                    var lineEnd = LineEnd(_pos, matchStart);
                    EmitMatch(_pos, lineEnd);
                    _pos = lineEnd;
                }

                if (found && _options.StopOnNonmatch && _matches > 0 && !_stopped && !_maxReached)
                {
                    if (matchedBefore == 0 && _matcher.SearchedLineByLineFast)
                    {
                        _pos = matchEnd; // rg's fast searcher passes the line that ended its first run, unprinted
                        _slowAfterFirstRun = true; // and hands over to its slow one
                        continue;
                    }

                    EmitAfterContext(matchEnd); // with -v a line the pattern matches is the "non-match"
                    StopAfterNonmatch(matchEnd);
                    break;
                }

                if (found && _pos == matchStart && !_stopped && !_maxReached)
                {
                    EmitAfterContext(matchEnd);
                    _pos = matchEnd;
                }
            }
        }
    }

    // --passthru: every line is reported, the matching ones (the others, inverted) as matches.
    private void EmitPassthru(int matchStart, int matchEnd, bool found)
    {
        while (_pos < matchStart && !_stopped && !_maxReached)
        {
            var lineEnd = LineEnd(_pos, matchStart);
            if (_options.InvertMatch)
            {
                EmitMatch(_pos, lineEnd);
            }
            else
            {
                EmitLine(_pos, lineEnd, isMatch: false, ContextKind.After);
                StopAfterNonmatch(lineEnd); // printed, then the end (as rg)
            }

            _pos = lineEnd;
        }

        if (found && !_stopped && !_maxReached)
        {
            if (_options.InvertMatch)
            {
                EmitLine(matchStart, matchEnd, isMatch: false, ContextKind.After);
                StopAfterNonmatch(matchEnd);
            }
            else
            {
                EmitMatch(matchStart, matchEnd);
            }

            _pos = matchEnd;
        }
    }

    // --stop-on-nonmatch: a "non-match" after a match, just printed, ends the file there (counted as searched).
    private void StopAfterNonmatch(int lineEnd)
    {
        if (_options.StopOnNonmatch && _matches > 0 && !_stopped)
        {
            _stopped = true;
            _stopEnd = _absBase + lineEnd;
        }
    }

    // Reports up to the remaining after-context lines found before `limit`, advancing _pos past them.
    private void EmitAfterContext(int limit)
    {
        while (_afterRemaining > 0 && _pos < limit && !_stopped)
        {
            var lineEnd = LineEnd(_pos, limit);
            EmitLine(_pos, lineEnd, isMatch: false, ContextKind.After);
            _afterRemaining--;
            _pos = lineEnd;
        }
    }

    // --passthru after -m's last match: its context has no end, so every line left is printed, none
    // searched: as rg prints them, as context lines, or with -v as matching lines (counted by -c too).
    private void EmitRestAsContext(int limit)
    {
        while (_pos < limit && !_stopped)
        {
            var lineEnd = LineEnd(_pos, limit);
            EmitLine(_pos, lineEnd, isMatch: _options.InvertMatch, ContextKind.After);
            _matches += _options.InvertMatch ? 1 : 0;
            _pos = lineEnd;
            _stopEnd = _absBase + lineEnd;
            if (!_options.InvertMatch)
            {
                StopAfterNonmatch(lineEnd); // one line, a "non-match" (see EmitTrailingContext)
            }
        }
    }

    // After -m's last match rg 15 still prints the rest of the after-context window, and a line in it
    // that matches is printed, counted and searched as a match (the window does not widen).
    private void EmitTrailingContext(int limit)
    {
        var nextMatch = -1;
        while (_afterRemaining > 0 && _pos < limit && !_stopped)
        {
            var lineEnd = LineEnd(_pos, limit);
            if (nextMatch < _pos)
            {
                // --stop-on-nonmatch hands rg's fast searcher over to its slow one (after the first match,
                // or with -v after the first run), where a line after the last match is a "non-match"
                // whatever it holds: printed as context, then (without -v) the end.
                nextMatch = !_matcher.SearchedLineByLineFast || (_options.StopOnNonmatch && (!_options.InvertMatch || _slowAfterFirstRun)) ? int.MaxValue
                    : _matcher.NextMatchingLine(_pos, out var start, out _) ? start : int.MaxValue;
            }

            if ((nextMatch == _pos) != _options.InvertMatch)
            {
                EmitLine(_pos, lineEnd, isMatch: true, ContextKind.After);
                _matches++;
                _stopEnd = _absBase + lineEnd;
            }
            else
            {
                EmitLine(_pos, lineEnd, isMatch: false, ContextKind.After);
            }

            _afterRemaining--;
            _pos = lineEnd;
            if (!_options.InvertMatch)
            {
                StopAfterNonmatch(lineEnd);
            }
        }

        if (_afterRemaining == 0)
        {
            _stopped = true;
        }
        else
        {
            _stopEnd = _absBase + limit; // the window is still open: rg counts the whole buffer searched
        }
    }

    private void EmitMatch(int lineStart, int lineEnd)
    {
        if (_options.BeforeContext > 0)
        {
            EmitBeforeContext(lineStart);
        }

        if (_stopped)
        {
            return;
        }

        EmitLine(lineStart, lineEnd, isMatch: true, ContextKind.Before);
        _matches++;
        _afterRemaining = _options.AfterContext;
        if (_options.MaxCount is { } max && _matches >= max)
        {
            _maxReached = true;
            _stopEnd = _absBase + lineEnd;
            if (_afterRemaining == 0 && !_options.Passthru)
            {
                _stopped = true;
            }
        }
    }

    private void EmitBeforeContext(int matchStart)
    {
        var lower = _lastPrintedEnd < 0 ? 0 : (int)Math.Max(0, _lastPrintedEnd - _absBase);
        var first = matchStart;
        for (var i = 0; i < _options.BeforeContext && first > lower; i++)
        {
            first = Math.Max(lower, LineBounds.StartOf(_buf, first - 1));
        }

        var p = first;
        while (p < matchStart && !_stopped)
        {
            var lineEnd = LineEnd(p, matchStart);
            EmitLine(p, lineEnd, isMatch: false, ContextKind.Before);
            p = lineEnd;
        }
    }

    private void EmitLine(int start, int end, bool isMatch, ContextKind kind)
    {
        var absStart = _absBase + start;
        // As rg, a break goes before a match or before-context after a gap, never before after-context
        // (which can only follow a gap after a line rg's fast searcher passed over, see SearchedLineByLineFast).
        if (ContextEnabled && (isMatch || kind != ContextKind.After) && _lastPrintedEnd >= 0 && absStart > _lastPrintedEnd && !_sink.ContextBreak())
        {
            _stopped = true;
            return;
        }

        long lineNumber = 0;
        if (_options.LineNumbers)
        {
            CountLinesTo(start);
            lineNumber = _lineNo;
        }

        if (Limited && _binaryOffset < 0 && _buf.AsSpan(start, end - start).IndexOf((byte)0) is var nul and >= 0)
        {
            _binaryOffset = absStart + nul;
            if (!_sink.BinaryData(_binaryOffset))
            {
                _stopped = true;
                return;
            }
        }

        var line = new SinkLine(_buf.AsSpan(0, _dataEnd), start, end, lineNumber, absStart);
        var keepGoing = isMatch ? _sink.Matched(line) : _sink.Context(line, kind);
        _lastPrintedEnd = _absBase + end;
        if (!keepGoing)
        {
            _stopped = true;
            if (isMatch)
            {
                _stopEnd = _absBase + end; // as rg: what was searched ends with the line that stopped it
            }
        }
    }

    // The first buffer is owned (its exact size matters, see the remarks); grown ones are pooled.
    private void ReturnBuffer()
    {
        if (_buf.Length != _initialCapacity && _buf.Length != 0)
        {
            ArrayPool<byte>.Shared.Return(_buf);
        }
    }

    public void Dispose()
    {
        ReturnBuffer();
        _buf = [];
    }
}
