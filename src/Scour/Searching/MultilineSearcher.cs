using System.Buffers;
using Scour.Matching;
using Scour.Matching.Lines;

namespace Scour.Searching;

/// <summary>
/// The search for patterns that may match across lines (<c>-U</c>), as ripgrep does it: the whole input
/// is read, the pattern runs over all of it, and each match is widened to the lines it touches; matches
/// sharing a line form one reported unit (a <see cref="SinkLine"/> of several lines), around which
/// context, <c>-m</c>, <c>-v</c> and <c>--passthru</c> work on lines as usual.
/// </summary>
internal static class MultilineSearcher
{
    private const int BinaryWindow = 64 * 1024;

    public static SearchResult Search(IByteSource source, LineMatcher matcher, ISink sink, BinaryMode binary, SearcherOptions options, CancellationToken cancellationToken)
    {
        // A file's buffer is sized from its length (and not pooled: the pool would round it up to a
        // power of two); other inputs grow as they are read.
        var hint = source.LengthHint;
        var pooled = hint < 64 * 1024 || hint >= Array.MaxLength; // (also no length: -1)
        var buffer = pooled ? ArrayPool<byte>.Shared.Rent(64 * 1024) : GC.AllocateUninitializedArray<byte>((int)hint + 1);
        try
        {
            var length = ReadAll(source, ref buffer, ref pooled, cancellationToken);
            var reporter = new Reporter(buffer, length, sink, options, binary);

            // As rg: NUL bytes are looked for in the first 64 KiB up front (a binary quit then searches
            // nothing), later only in the lines reported.
            var nul = binary == BinaryMode.None ? -1 : buffer.AsSpan(0, Math.Min(length, BinaryWindow)).IndexOf((byte)0);
            if (nul >= 0 && (!reporter.Binary(nul) || binary == BinaryMode.Quit))
            {
                return new SearchResult(0, nul, 0);
            }

            var units = MatchedUnits(buffer, length, matcher, options.InvertMatch, options.MaxCount, out var dropped);
            reporter.TrailingMatcher = dropped ? matcher : null;
            var reported = 0L;
            foreach (var (start, end) in units)
            {
                cancellationToken.ThrowIfCancellationRequested();
                if (options.MaxCount is { } max && reported >= max)
                {
                    break;
                }

                if (start == end)
                {
                    // an empty match after the final terminator, on a line of its own: context only
                    if (!reporter.ContextAtEnd())
                    {
                        return reporter.Result(end, reported);
                    }

                    continue;
                }

                reported++;
                if (!reporter.Report(start, end))
                {
                    return reporter.Result(end, reported);
                }
            }

            reporter.Finish();
            return reporter.Result(length, reported);
        }
        finally
        {
            if (pooled)
            {
                ArrayPool<byte>.Shared.Return(buffer);
            }
        }
    }

    private static int ReadAll(IByteSource source, ref byte[] buffer, ref bool pooled, CancellationToken cancellationToken)
    {
        var length = 0;
        while (true)
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (length == buffer.Length)
            {
                if (buffer.Length >= Array.MaxLength / 2)
                {
                    throw new IOException("input too large for a multiline search (2 GiB)");
                }

                var bigger = ArrayPool<byte>.Shared.Rent(buffer.Length * 2);
                buffer.AsSpan(0, length).CopyTo(bigger);
                if (pooled)
                {
                    ArrayPool<byte>.Shared.Return(buffer);
                }

                (buffer, pooled) = (bigger, true); // a file that grew while read
            }

            var n = source.Read(buffer.AsSpan(length));
            if (n == 0)
            {
                return length;
            }

            length += n;
        }
    }

    // Each match widened to whole lines; matches on the same or adjacent lines are one unit, as in rg.
    // With -v, the units are instead the lines no match touches, one line each. As rg 15, -m counts
    // matches here (a match across lines counts once), so only the first ones form units.
    // `dropped`: whether -m left matches out.
    private static List<(int Start, int End)> MatchedUnits(byte[] buffer, int length, LineMatcher matcher, bool invert, long? maxCount, out bool dropped)
    {
        var matches = Matches(buffer.AsSpan(0, length), matcher, invert);
        dropped = false;
        if (!invert && maxCount is { } max && matches.Count > max)
        {
            matches.RemoveRange((int)max, matches.Count - (int)max);
            dropped = true;
        }

        var units = new List<(int Start, int End)>();
        foreach (var m in matches)
        {
            var start = LineBounds.StartOf(buffer, m.Start);
            var end = LineBounds.EndOf(buffer.AsSpan(0, length), m.End > m.Start ? m.End - 1 : m.Start);
            if (units.Count > 0 && start <= units[^1].End) // as rg: a match on the next line joins the unit
            {
                units[^1] = (units[^1].Start, Math.Max(end, units[^1].End));
            }
            else
            {
                units.Add((start, end));
            }
        }

        if (!invert)
        {
            return units;
        }

        var lines = new List<(int Start, int End)>();
        var at = 0;
        foreach (var (start, end) in units.Append((length, length)))
        {
            while (at < start)
            {
                var lineEnd = LineBounds.EndOf(buffer.AsSpan(0, length), at);
                lines.Add((at, lineEnd));
                at = lineEnd;
            }

            at = Math.Max(at, end);
        }

        return lines;
    }

    // The matches as rg's multiline searcher finds them: each search runs over the rest of the text as a
    // text of its own (so \A holds again where it starts), from the end of the previous match (one byte
    // later after an empty one), or with -v from the end of that match's last line.
    private static List<ByteRange> Matches(ReadOnlySpan<byte> text, LineMatcher matcher, bool invert)
    {
        var matches = new List<ByteRange>();
        var pos = 0;
        while (pos < text.Length && matcher.FindFirst(text, pos, out var m))
        {
            matches.Add(m);
            pos = invert ? LineBounds.EndOf(text, m.End > m.Start ? m.End - 1 : m.Start)
                : m.End + (m.Length == 0 && m.End < text.Length ? 1 : 0);
        }

        return matches;
    }

    /// <summary>Reports units and the context lines around them, in order, counting line numbers as it goes.</summary>
    private sealed class Reporter(byte[] buffer, int length, ISink sink, SearcherOptions options, BinaryMode binary)
    {
        private long _binaryOffset = -1;
        private readonly bool _context = options.BeforeContext > 0 || options.AfterContext > 0;
        private int _emittedEnd = -1; // end of the last line handed to the sink

        /// <summary>
        /// Set when -m left matches out: as rg, a line of the trailing after-context that the pattern
        /// matches (within the line, its terminator left out) is printed as a match.
        /// </summary>
        public LineMatcher? TrailingMatcher { get; set; }
        private int _pendingAfterEnd;  // after-context may run up to here
        private int _lineCursor;
        private long _lineNumber = 1;

        public bool Report(int start, int end)
        {
            if (!EmitContextBefore(start, matchFollows: true) || !Reportable(start, end) || !sink.Matched(Line(start, end)))
            {
                return false;
            }

            _emittedEnd = end;
            _pendingAfterEnd = options.Passthru ? length : ForwardLines(end, options.AfterContext);
            return true;
        }

        /// <summary>
        /// An empty match after the final line terminator is on no line, but rg's searcher still prints
        /// the context it would have had (the last unit's after-context, the lines before the end), then
        /// drops the match: so does this.
        /// </summary>
        public bool ContextAtEnd() => EmitContextBefore(length, matchFollows: false);

        public void Finish() => EmitAfterContext(length);

        // The after-context of the previous unit up to start, a break, and the before-context of start.
        // The break separates the lines printed from what comes next, so it needs a line to follow.
        private bool EmitContextBefore(int start, bool matchFollows)
        {
            if (!EmitAfterContext(start))
            {
                return false;
            }

            var from = options.Passthru ? Math.Max(_emittedEnd, 0) : Math.Max(BackLines(start, options.BeforeContext), Math.Max(_emittedEnd, 0));
            if (_context && !options.Passthru && _emittedEnd >= 0 && from > _emittedEnd && (matchFollows || from < start) && !sink.ContextBreak())
            {
                return false;
            }

            return EmitLines(from, start, ContextKind.Before);
        }

        /// <summary>Records binary data at <paramref name="offset"/>; false when the sink wants no more.</summary>
        public bool Binary(long offset)
        {
            _binaryOffset = offset;
            return sink.BinaryData(offset);
        }

        /// <summary>The result of a search that got up to <paramref name="searchedTo"/> (rg counts no further than a NUL).</summary>
        public SearchResult Result(long searchedTo, long matches) =>
            _binaryOffset >= 0 ? new SearchResult(Math.Min(searchedTo, _binaryOffset), _binaryOffset, matches) : new SearchResult(searchedTo, null, matches);

        // A NUL in a reported line that the first 64 KiB did not show: a quit ends the search there.
        private bool Reportable(int start, int end)
        {
            if (binary == BinaryMode.None || _binaryOffset >= 0 || buffer.AsSpan(start, end - start).IndexOf((byte)0) is not (var at and >= 0))
            {
                return true;
            }

            return Binary(start + at) && binary != BinaryMode.Quit;
        }

        private bool EmitAfterContext(int limit)
        {
            if (_emittedEnd < 0)
            {
                return !options.Passthru || EmitLines(0, limit, ContextKind.After);
            }

            return EmitLines(_emittedEnd, Math.Min(_pendingAfterEnd, limit), ContextKind.After);
        }

        private bool EmitLines(int from, int to, ContextKind kind)
        {
            for (var at = from; at < to;)
            {
                var end = LineBounds.EndOf(buffer.AsSpan(0, length), at);
                var matched = kind == ContextKind.After && TrailingMatcher is { } trailing &&
                    trailing.FindFirst(buffer.AsSpan(at, end - at - (end > at && buffer[end - 1] == '\n' ? 1 : 0)), 0, out _);
                if (!Reportable(at, end) || !(matched ? sink.Matched(Line(at, end)) : sink.Context(Line(at, end), kind)))
                {
                    return false;
                }

                _emittedEnd = end;
                at = end;
            }

            return true;
        }

        private SinkLine Line(int start, int end) =>
            new(buffer.AsSpan(0, length), start, end, options.LineNumbers ? NumberOf(start) : 0, start);

        private long NumberOf(int offset)
        {
            _lineNumber += buffer.AsSpan(_lineCursor, offset - _lineCursor).Count((byte)'\n');
            _lineCursor = offset;
            return _lineNumber;
        }

        private int BackLines(int start, int count)
        {
            var at = start;
            for (var i = 0; i < count && at > 0; i++)
            {
                at = LineBounds.StartOf(buffer, at - 1);
            }

            return at;
        }

        private int ForwardLines(int end, int count)
        {
            var at = end;
            for (var i = 0; i < count && at < length; i++)
            {
                at = LineBounds.EndOf(buffer.AsSpan(0, length), at);
            }

            return at;
        }
    }
}
