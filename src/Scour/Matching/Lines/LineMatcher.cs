using Scour.Matching.Literals;

namespace Scour.Matching.Lines;

/// <summary>
/// Finds matching lines in UTF-8 bytes. Not thread-safe: each search thread creates its own from a
/// <see cref="CompiledPattern"/>. Lines never contain a match that crosses a line terminator.
/// </summary>
internal abstract class LineMatcher : IDisposable
{
    /// <summary>Sets the region that the following <see cref="NextMatchingLine"/> calls search.</summary>
    /// <param name="buffer">The buffer holding the region.</param>
    /// <param name="start">The region's first byte: the start of a line.</param>
    /// <param name="end">Just past the region's last byte: the end of a line (after its terminator).</param>
    public abstract void SetRegion(byte[] buffer, int start, int end);

    /// <summary>Finds the first matching line starting at or after <paramref name="from"/> (a line start) in the region.</summary>
    /// <param name="from">Where to start: the start of a line inside the region.</param>
    /// <param name="lineStart">The start of the matching line.</param>
    /// <param name="lineEnd">The end of the matching line, after its terminator if it has one.</param>
    public abstract bool NextMatchingLine(int from, out int lineStart, out int lineEnd);

    /// <summary>
    /// The number of matching lines from <paramref name="from"/> (a line start) to <paramref name="end"/>,
    /// the end of the region set by <see cref="SetRegion"/>: what repeated <see cref="NextMatchingLine"/>
    /// calls find.
    /// </summary>
    public virtual long CountMatchingLines(int from, int end)
    {
        long count = 0;
        while (from < end && NextMatchingLine(from, out _, out var lineEnd))
        {
            count++;
            from = lineEnd;
        }

        return count;
    }

    /// <summary>Adds every match inside <paramref name="line"/> (no terminator) to <paramref name="matches"/>.</summary>
    public abstract void FindAll(ReadOnlySpan<byte> line, List<ByteRange> matches);

    /// <summary>True if <paramref name="line"/> (no terminator) contains a match.</summary>
    public abstract bool IsMatch(ReadOnlySpan<byte> line);

    /// <summary>
    /// Like <see cref="FindAll"/>, with each match's capture groups: element 0 is the match, element
    /// <c>i</c> group <c>i</c> of the pattern (an empty range at -1 when it did not take part), and
    /// <paramref name="resolveName"/> maps a group name to its number. For replacements (<c>-r</c>).
    /// </summary>
    public virtual void FindAllGroups(ReadOnlySpan<byte> line, List<ByteRange[]> matches, out Func<string, int> resolveName)
    {
        var found = new List<ByteRange>();
        FindAll(line, found);
        foreach (var m in found)
        {
            matches.Add([m]);
        }

        resolveName = _ => -1;
    }

    /// <summary>
    /// The matches a printer shows for the reported line (or multiline unit) at <c>text[start..end]</c>,
    /// terminator included, in the line's coordinates. <paramref name="text"/> is the searcher's buffer
    /// around it: a matcher whose look-around reaches outside the line (PCRE2, as rg's printer runs it)
    /// sees those bytes; the others match the line alone.
    /// </summary>
    public virtual void FindAllInContext(ReadOnlySpan<byte> text, int start, int end, List<ByteRange> matches) =>
        FindAll(Unit(text, start, end), matches);

    /// <summary>As <see cref="FindAllInContext(ReadOnlySpan{byte}, int, int, List{ByteRange})"/>, with capture groups (see <see cref="FindAllGroups"/>).</summary>
    public virtual void FindAllGroupsInContext(ReadOnlySpan<byte> text, int start, int end, List<ByteRange[]> matches, out Func<string, int> resolveName) =>
        FindAllGroups(Unit(text, start, end), matches, out resolveName);

    /// <summary><see cref="FindAllInContext(ReadOnlySpan{byte}, int, int, List{ByteRange})"/> for a line a searcher reported, in the buffer it came from.</summary>
    public void FindAllInContext(in Searching.SinkLine line, List<ByteRange> matches) =>
        FindAllInContext(line.Window, line.WindowOffset, line.WindowOffset + line.Bytes.Length, matches);

    /// <summary><see cref="FindAllGroupsInContext(ReadOnlySpan{byte}, int, int, List{ByteRange[]}, out Func{string, int})"/> for a line a searcher reported.</summary>
    public void FindAllGroupsInContext(in Searching.SinkLine line, List<ByteRange[]> matches, out Func<string, int> resolveName) =>
        FindAllGroupsInContext(line.Window, line.WindowOffset, line.WindowOffset + line.Bytes.Length, matches, out resolveName);

    // What FindAll sees of a reported line: a multiline unit whole, a line without its terminator.
    private ReadOnlySpan<byte> Unit(ReadOnlySpan<byte> text, int start, int end) =>
        MatchesAcrossLines ? text[start..end] : WithoutTerminator(text[start..end]);

    /// <summary>
    /// The first match in <c>text[from..]</c>, which is searched as a text of its own (as rg's multiline
    /// searcher searches the rest of its buffer after each match: <c>\A</c> holds at <paramref name="from"/>
    /// and look-behind sees nothing before it); in <paramref name="text"/>'s coordinates.
    /// </summary>
    public virtual bool FindFirst(ReadOnlySpan<byte> text, int from, out ByteRange match)
    {
        var found = new List<ByteRange>();
        FindAll(text[from..], found);
        match = found.Count > 0 ? new ByteRange(found[0].Start + from, found[0].End + from) : default;
        return found.Count > 0;
    }

    /// <summary>How far past a unit of lines rg's printer lets a multiline match look (and reach) when it finds the unit's matches again.</summary>
    protected const int MultilineLookAhead = 128;

    /// <summary>True for a multiline pattern (<c>-U</c>): it is matched against whole texts, not lines.</summary>
    public virtual bool MatchesAcrossLines => false;

    /// <summary>
    /// True where rg searches with its fast line-by-line searcher, which needs a matcher that knows the
    /// line terminator (its own regex engine, not PCRE2). Two things only it does: a line of the
    /// after-context that follows <c>-m</c>'s last match and matches prints as a match; and with
    /// <c>-v --stop-on-nonmatch</c> it hands over to the slow searcher only after its first run of
    /// inverted lines, past the matching line that ends it.
    /// </summary>
    public virtual bool SearchedLineByLineFast => true;

    public virtual void Dispose()
    {
    }

    /// <summary>The first line in <c>buffer[from..end]</c> for which <see cref="IsMatch"/> holds, one line at a time.</summary>
    protected bool NextLineByLine(byte[] buffer, int from, int end, out int lineStart, out int lineEnd)
    {
        var pos = from;
        while (pos < end)
        {
            var next = LineBounds.EndOf(buffer.AsSpan(0, end), pos);
            if (IsMatch(WithoutTerminator(buffer.AsSpan(pos, next - pos))))
            {
                (lineStart, lineEnd) = (pos, next);
                return true;
            }

            pos = next;
        }

        lineStart = lineEnd = end;
        return false;
    }

    /// <summary>
    /// The first line in <c>buffer[from..end]</c> holding a candidate of <paramref name="prefilter"/> (run
    /// over the region <c>buffer[start..end]</c>) for which <see cref="IsMatch"/> holds.
    /// </summary>
    protected bool NextCandidateLine(Prefilter prefilter, byte[] buffer, int start, int end, int from, out int lineStart, out int lineEnd)
    {
        var region = buffer.AsSpan(start, end - start);
        var pos = from;
        while (pos < end && prefilter.Find(region, pos - start) is var candidate and >= 0)
        {
            (lineStart, lineEnd) = LineAround(buffer, pos, end, start + candidate);
            if (IsMatch(WithoutTerminator(buffer.AsSpan(lineStart, lineEnd - lineStart))))
            {
                return true;
            }

            pos = lineEnd;
        }

        lineStart = lineEnd = end;
        return false;
    }

    /// <summary>The bounds of the line containing <paramref name="position"/> within <c>buffer[start..end]</c>.</summary>
    protected static (int Start, int End) LineAround(byte[] buffer, int start, int end, int position) =>
        (LineBounds.StartOf(buffer, position, start), LineBounds.EndOf(buffer.AsSpan(0, end), position));

    /// <summary>A line already without its <c>\n</c>, with <paramref name="crlf"/> also without the <c>\r</c> that came before it (rg's CRLF terminator).</summary>
    protected static ReadOnlySpan<byte> WithoutCarriageReturn(ReadOnlySpan<byte> line, bool crlf) =>
        crlf && line.Length > 0 && line[^1] == (byte)'\r' ? line[..^1] : line;

    /// <summary>A line without its <c>\n</c> terminator.</summary>
    protected static ReadOnlySpan<byte> WithoutTerminator(ReadOnlySpan<byte> line) =>
        line.Length > 0 && line[^1] == (byte)'\n' ? line[..^1] : line;
}
