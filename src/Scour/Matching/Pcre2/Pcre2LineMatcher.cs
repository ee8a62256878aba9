using Scour.Matching.Lines;
using Scour.Searching;

namespace Scour.Matching.Pcre2;

/// <summary>
/// <c>-P</c> on PCRE2, searched the way rg searches with it: bytes as they are (PCRE2's
/// <c>MATCH_INVALID_UTF</c> keeps matches off bytes that are not UTF-8), a line decided by matching that
/// line alone, and the matches a printer shows found with the buffer before the line in view, so a
/// look-behind or <c>\K</c> sees what it sees in rg. One per search thread.
/// </summary>
internal sealed unsafe class Pcre2LineMatcher : LineMatcher
{
    // -P is PCRE2 in rg, which its fast line-by-line searcher does not take.
    public override bool SearchedLineByLineFast => false;

    private readonly Pcre2Code _code;
    private readonly Pcre2MatchState _state;
    private readonly bool _crlf;
    private readonly bool _multiline;
    private readonly bool _nullData;
    private byte[] _buffer = [];
    private int _end;
    private byte[] _unswapped = [];

    public Pcre2LineMatcher(Pcre2Code code, bool crlf, bool multiline, bool nullData)
    {
        _code = code;
        _state = new Pcre2MatchState(code);
        _crlf = crlf;
        _multiline = multiline;
        _nullData = nullData;
    }

    public override bool MatchesAcrossLines => _multiline;

    public override void SetRegion(byte[] buffer, int start, int end)
    {
        _buffer = buffer;
        _end = end;
    }

    public override bool NextMatchingLine(int from, out int lineStart, out int lineEnd)
    {
        fixed (byte* buffer = _buffer)
        {
            var pos = from;
            while (pos < _end)
            {
                var newline = _buffer.AsSpan(pos, _end - pos).IndexOf((byte)'\n');
                var next = newline < 0 ? _end : pos + newline + 1;
                if (_nullData ? Find(_buffer.AsSpan(pos, LineSubject(pos, next)), 0) : _state.Find(buffer + pos, LineSubject(pos, next), 0))
                {
                    (lineStart, lineEnd) = (pos, next);
                    return true;
                }

                pos = next;
            }
        }

        lineStart = lineEnd = _end;
        return false;
    }

    // As rg's line-by-line search: the terminator is removed, and with --crlf only a whole "\r\n" (a
    // line ending in a bare "\n" keeps it, so `\s$` matches there, as in rg).
    private int LineSubject(int start, int end)
    {
        var length = end - start;
        if (length == 0 || _buffer[end - 1] != (byte)'\n')
        {
            return length;
        }

        if (!_crlf || _nullData)
        {
            return length - 1;
        }

        return length >= 2 && _buffer[end - 2] == (byte)'\r' ? length - 2 : length;
    }

    public override bool IsMatch(ReadOnlySpan<byte> line) => Find(WithoutCarriageReturn(line), 0);

    public override void FindAll(ReadOnlySpan<byte> line, List<ByteRange> matches) =>
        AddMatches(_multiline ? line : WithoutCarriageReturn(line), 0, int.MaxValue, matches, null);

    public override void FindAllGroups(ReadOnlySpan<byte> line, List<ByteRange[]> matches, out Func<string, int> resolveName)
    {
        AddMatches(_multiline ? line : WithoutCarriageReturn(line), 0, int.MaxValue, null, matches);
        resolveName = ResolveName;
    }

    // A multiline search asks for the first match at increasing offsets of one text: with --null-data
    // that text is unswapped once, when the search begins (at 0).
    public override bool FindFirst(ReadOnlySpan<byte> text, int from, out ByteRange match)
    {
        var subject = !_nullData ? text : from == 0 ? Unswapped(text) : _unswapped.AsSpan(0, text.Length);
        bool found;
        fixed (byte* p = subject)
        {
            found = _state.Find(p + from, subject.Length - from, 0);
        }

        match = found ? new ByteRange(_state.Start + from, _state.End + from) : default;
        return found;
    }

    public override void FindAllInContext(ReadOnlySpan<byte> text, int start, int end, List<ByteRange> matches)
    {
        var subject = Context(text, start, end, out var from);
        AddMatches(subject, from, from + (end - start), matches, null);
    }

    public override void FindAllGroupsInContext(ReadOnlySpan<byte> text, int start, int end, List<ByteRange[]> matches, out Func<string, int> resolveName)
    {
        var subject = Context(text, start, end, out var from);
        AddMatches(subject, from, from + (end - start), null, matches);
        resolveName = ResolveName;
    }

    // What rg's printer searches to find a reported line's matches: the buffer up to the line's end
    // (terminator and, with --crlf, a "\r" before it removed), or for a multiline unit up to 128 bytes past
    // it. With --null-data the record alone (its terminator removed too): its bytes must be swapped back
    // for PCRE2, and a record's look-behind into the one before is not worth copying the buffer for.
    private ReadOnlySpan<byte> Context(ReadOnlySpan<byte> text, int start, int end, out int from)
    {
        from = _nullData ? 0 : start;
        var content = end;
        if (_multiline)
        {
            return _nullData ? text[start..end] : text[..Math.Min(text.Length, end + MultilineLookAhead)];
        }

        if (content > start && text[content - 1] == (byte)'\n')
        {
            content--;
            if (_crlf && !_nullData && content > start && text[content - 1] == (byte)'\r')
            {
                content--;
            }
        }

        return _nullData ? text[start..content] : text[..content];
    }

    private int ResolveName(string name) => _code.GroupNames.TryGetValue(name, out var group) ? group : -1;

    // The matches from `from`, in order, by the iteration rule of rg's PCRE2 matcher: after an empty match
    // the next search starts one byte later, and an empty match where the previous match ended is
    // skipped. Those starting at or past `stop` are not the line's. Offsets are made relative to `from`.
    private void AddMatches(ReadOnlySpan<byte> subject, int from, int stop, List<ByteRange>? matches, List<ByteRange[]>? groups)
    {
        if (_nullData)
        {
            subject = Unswapped(subject);
        }

        var lastEnd = from;
        var lastMatchEnd = -1;
        fixed (byte* p = subject)
        {
            while (lastEnd <= subject.Length && _state.Find(p, subject.Length, lastEnd))
            {
                var (start, end) = (_state.Start, _state.End);
                if (start >= stop)
                {
                    break;
                }

                if (start == end)
                {
                    lastEnd = end + 1;
                    if (end == lastMatchEnd)
                    {
                        continue;
                    }
                }
                else
                {
                    lastEnd = end;
                }

                lastMatchEnd = end;
                matches?.Add(new ByteRange(start - from, end - from));
                if (groups is not null)
                {
                    var found = new ByteRange[_code.GroupCount];
                    for (var g = 0; g < found.Length; g++)
                    {
                        var group = _state.Group(g);
                        found[g] = group.Start < 0 ? group : new ByteRange(group.Start - from, group.End - from);
                    }

                    groups.Add(found);
                }
            }
        }
    }

    private bool Find(ReadOnlySpan<byte> subject, int start) => _state.Find(_nullData ? Unswapped(subject) : subject, start);

    // --null-data input arrives with NUL and "\n" exchanged (see ByteSwapSource); PCRE2 must see the
    // real bytes, so that "\n" in a record is a newline to it.
    private ReadOnlySpan<byte> Unswapped(ReadOnlySpan<byte> bytes)
    {
        if (_unswapped.Length < bytes.Length)
        {
            _unswapped = new byte[Math.Max(bytes.Length, 2 * _unswapped.Length)];
        }

        var copy = _unswapped.AsSpan(0, bytes.Length);
        bytes.CopyTo(copy);
        ByteSwapSource.Swap(copy);
        return copy;
    }

    private ReadOnlySpan<byte> WithoutCarriageReturn(ReadOnlySpan<byte> line) =>
        _crlf && !_nullData && line.Length > 0 && line[^1] == (byte)'\r' ? line[..^1] : line;

    public override void Dispose()
    {
        _state.Dispose();
        base.Dispose();
    }
}
