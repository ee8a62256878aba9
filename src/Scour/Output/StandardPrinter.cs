using System.Text;
using Scour.Matching;
using Scour.Matching.Lines;
using Scour.Searching;

namespace Scour.Output;

/// <summary>
/// ripgrep's standard format: <c>path:line:column:text</c> for matches and <c>path-line-text</c> for
/// context, or a heading per file; <c>-o</c> and <c>--vimgrep</c> print one row per match; colors and
/// the "binary file matches" notice as rg writes them.
/// </summary>
internal sealed class StandardPrinter(OutputOptions options, LineMatcher matcher, ResultWriter? writer = null) : FilePrinter(options, matcher, writer)
{
    private readonly List<ByteRange> _matches = [];
    private readonly List<ByteRange[]> _groups = [];
    private readonly List<byte> _replaced = [];
    private readonly List<ByteRange> _pieces = [];
    private bool _headingWritten;
    private bool _onlyBinaryNotice;

    // As rg, a file whose only output is the binary-file notice takes no separator before it.
    public override bool Separated => !_onlyBinaryNotice;

    protected override void OnBegin() => (_headingWritten, _onlyBinaryNotice) = (false, false);

    protected override bool OnMatched(in SinkLine line)
    {
        if (Binary == BinaryMode.Convert && BinaryOffset is not null)
        {
            MatchedLines++;
            if (CountsMatches)
            {
                _matches.Clear();
                FindMatches(line, _matches);
                CountForStats(_matches.Count); // rg records the line's matches before it stops
            }

            return false; // ripgrep prints the binary notice instead of the line
        }

        MatchedLines += LinesIn(line);
        if (Options.Replacement is { } replacement && WriteReplaced(line, replacement))
        {
            return true;
        }

        var needsMatches = Options.OnlyMatching || Options.Vimgrep || Options.Column || Options.Colors is { Match.IsEmpty: false } || CountsMatches;
        _matches.Clear();
        if (needsMatches)
        {
            FindMatches(line, _matches);
            CountForStats(_matches.Count);
        }

        if (Matcher.MatchesAcrossLines)
        {
            WriteSpan(line);
        }
        else
        {
            WriteWithMatches(line, line.Content, isMatch: true, line.Bytes.Length, line.Bytes.Length > line.Content.Length);
        }

        return true;
    }

    // -r: as rg, the matches are replaced first and what is printed is the replaced text, so the columns
    // and byte offsets of -o and --vimgrep count in it, and a -U unit's replaced text is stepped line
    // by line as a unit is.
    // A line with no match to replace (-v, or rg's final line that `$` matches without a match it
    // reports) is printed as it is, by the caller.
    private bool WriteReplaced(in SinkLine line, Replacement replacement)
    {
        _groups.Clear();
        FindMatchGroups(line, _groups, out var resolve);
        if (_groups.Count == 0)
        {
            return false;
        }

        CountForStats(_groups.Count);

        // A match may take the line's terminator (-U): then the whole line is what is replaced in.
        var content = Matcher.MatchesAcrossLines ? line.Bytes : line.Content;
        foreach (var groups in _groups)
        {
            if (groups[0].End > content.Length)
            {
                content = line.Bytes;
                break;
            }
        }

        var text = Replace(content, replacement, resolve);
        if (Matcher.MatchesAcrossLines)
        {
            WriteSpan(new SinkLine(text, line.LineNumber, line.AbsoluteOffset));
            return true;
        }

        var terminator = line.Bytes.Length - content.Length;
        WriteWithMatches(line, text, isMatch: true, text.Length + terminator, terminator > 0);
        return true;
    }

    // A line without its terminator, as rg trims one: the \n, and under --crlf a \r before it.
    private ReadOnlySpan<byte> WithoutTerminator(ReadOnlySpan<byte> line)
    {
        if (line is not [.., (byte)'\n'])
        {
            return line;
        }

        line = line[..^1];
        return Options.Crlf && line is [.., (byte)'\r'] ? line[..^1] : line;
    }

    // What --trim removes from the start of a line: ASCII whitespace but the line terminator's bytes
    // (so not \r under --crlf), as rg trims.
    private ReadOnlySpan<byte> TrimmedBytes => Options.Crlf ? " \t\n\v\f"u8 : " \t\n\v\f\r"u8;

    // `content` with each of _groups' matches replaced; _matches gets where the replacements are in it.
    private ReadOnlySpan<byte> Replace(ReadOnlySpan<byte> content, Replacement replacement, Func<string, int> resolve)
    {
        _replaced.Clear();
        _matches.Clear();
        var at = 0;
        foreach (var groups in _groups)
        {
            _replaced.AddRange(content[at..groups[0].Start]);
            var start = _replaced.Count;
            replacement.Expand(content, groups, resolve, _replaced);
            _matches.Add(new ByteRange(start, _replaced.Count));
            at = groups[0].End;
        }

        _replaced.AddRange(content[at..]);
        return System.Runtime.InteropServices.CollectionsMarshal.AsSpan(_replaced);
    }

    // A multiline unit (-U), printed line by line as rg prints one. Without matches to show, each line
    // as it is. Otherwise each line loses its terminator (with --crlf the whole \r\n) and ends with the
    // configured one: -o prints each line's piece of each match, prefixed with where the whole match
    // starts (its column counted from the unit's start); --vimgrep one row per match, the first line
    // it covers, with the match's column in that line; otherwise every line, with its pieces of the
    // matches colored and the unit's first match column. An empty match at the start of a line shows
    // in none of them.
    private void WriteSpan(in SinkLine span)
    {
        var content = span.Bytes;
        var slow = _matches.Count > 0;
        var column = slow ? _matches[0].Start + 1 : 0;
        var pieces = _pieces;
        var at = 0;
        for (var k = 0L; at < content.Length; k++)
        {
            var nl = content[at..].IndexOf((byte)'\n');
            var end = nl < 0 ? content.Length : at + nl + 1;
            var line = new SinkLine(content[at..end], span.LineNumber == 0 ? 0 : span.LineNumber + k, span.AbsoluteOffset + at);
            var textEnd = at + WithoutTerminator(content[at..end]).Length;

            var text = content[at..textEnd];
            if (!slow)
            {
                WritePrefix(line, Options.FieldMatchSeparator, 0, line.AbsoluteOffset);
                WriteLineText(line.Content, null, isMatch: true, line.Bytes.Length);
            }
            else if (Options.OnlyMatching)
            {
                // --trim: as rg, the line's leading whitespace is no part of a piece.
                var from = Options.Trim ? textEnd - content[at..textEnd].TrimStart(TrimmedBytes).Length : at;
                foreach (var m in _matches)
                {
                    var (s, e) = (Math.Max(m.Start, from), Math.Min(m.End, textEnd));
                    if (s < e)
                    {
                        WritePrefix(line, Options.FieldMatchSeparator, m.Start + 1, span.AbsoluteOffset + m.Start);
                        WriteMatchText(content[s..e]);
                        Buffer.Write(Options.LineTerminator);
                    }
                }
            }
            else if (Options.Vimgrep)
            {
                foreach (var m in _matches)
                {
                    // The line the match starts on; an empty match at a line's start is on none.
                    if (at <= m.Start && m.Start < end && at < m.End)
                    {
                        var s = Math.Min(m.Start, textEnd);
                        pieces.Clear();
                        pieces.Add(new ByteRange(s - at, Math.Max(s, Math.Min(m.End, textEnd)) - at));
                        WritePrefix(line, Options.FieldMatchSeparator, m.Start - at + 1, line.AbsoluteOffset);
                        WriteLineText(text, pieces, isMatch: true, line.Bytes.Length, hasTerminator: false, new RecordedMatches(pieces, 0, _matches.Count));
                    }
                }
            }
            else
            {
                pieces.Clear();
                foreach (var m in _matches)
                {
                    var (s, e) = (Math.Max(m.Start, at), Math.Min(m.End, textEnd));
                    if (s < e || (m.Start == m.End && m.Start >= at && m.Start <= textEnd))
                    {
                        pieces.Add(new ByteRange(s - at, Math.Max(s, e) - at));
                    }
                }

                WritePrefix(line, Options.FieldMatchSeparator, column, line.AbsoluteOffset);
                WriteLineText(text, pieces.Count > 0 ? pieces : null, isMatch: true, line.Bytes.Length, hasTerminator: false, new RecordedMatches(_matches, at, _matches.Count));
            }

            at = end;
        }
    }

    // A line of line mode whose matches (positions in `text`) are in _matches, laid out as rg lays one
    // out: with -o (which decides a --vimgrep row too) each match alone, prefixed with its column and
    // byte offset; with --vimgrep a row per match, the line with that match colored; otherwise the
    // line, with the first match's column. A line without matches (-v, or one rg found no match in) is
    // printed whole, without a column.
    private void WriteWithMatches(in SinkLine line, ReadOnlySpan<byte> text, bool isMatch, int lineLength, bool hasTerminator)
    {
        var separator = isMatch ? Options.FieldMatchSeparator : Options.FieldContextSeparator;
        if ((Options.OnlyMatching || Options.Vimgrep) && _matches.Count > 0)
        {
            foreach (var m in _matches)
            {
                WritePrefix(line, separator, m.Start + 1, line.AbsoluteOffset + m.Start);
                if (Options.OnlyMatching)
                {
                    WritePiece(text[m.Start..m.End], isMatch);
                    continue;
                }

                _pieces.Clear();
                _pieces.Add(m);
                WriteLineText(text, _pieces, isMatch, lineLength, hasTerminator, VimgrepRow());
            }

            return;
        }

        WritePrefix(line, separator, _matches.Count > 0 ? _matches[0].Start + 1 : 0, line.AbsoluteOffset);
        WriteLineText(text, _matches.Count > 0 ? _matches : null, isMatch, lineLength, hasTerminator);
    }

    // An -o piece of a line, printed as rg prints one: as a line of its own in the match color, so
    // --trim and --max-columns apply to it. A preview's "N more matches" counts, as rg's uncolored
    // printer does, the line's matches by their place in the line against the piece's own bounds (so
    // a later piece can count itself); a colored piece counts only itself, which is never "more".
    private void WritePiece(ReadOnlySpan<byte> piece, bool isMatch)
    {
        piece = WithoutTerminator(piece); // a -U match may end with the line's: the configured one ends the piece
        _pieces.Clear();
        _pieces.Add(new ByteRange(0, piece.Length));
        WriteLineText(piece, _pieces, isMatch, piece.Length, hasTerminator: false, VimgrepRow());
    }

    // What a --vimgrep row's or an -o piece's --max-columns notice counts: rg previews a colored row
    // with its own match only, an uncolored one with all the line's.
    private RecordedMatches VimgrepRow() =>
        new(Options.Colors is { Match.IsEmpty: false } ? _pieces : _matches, 0, _matches.Count);

    protected override bool OnContext(in SinkLine line, ContextKind kind)
    {
        if (Binary == BinaryMode.Convert && BinaryOffset is not null)
        {
            // As rg's printer: once binary data is known, the first line it is handed ends the search;
            // a context line (no match before it) leaves the file without a match or a notice.
            return false;
        }

        if (Options.InvertMatch && (Options.Replacement is not null || Options.OnlyMatching || Options.Vimgrep || Options.Column || Options.Colors is { Match.IsEmpty: false }))
        {
            WriteInvertedContext(line);
            return true;
        }

        WritePrefix(line, Options.FieldContextSeparator, 0, line.AbsoluteOffset);
        WriteLineText(line.Content, null, isMatch: false, line.Bytes.Length);
        return true;
    }

    // -v: a context line is one the pattern matches, and rg shows its matches (colored, replaced, as
    // -o pieces, --vimgrep rows, the first one's column), printing it as it prints a line of line mode
    // even under -U, where a match (and its replacement) may take the line's terminator.
    private void WriteInvertedContext(in SinkLine line)
    {
        _matches.Clear();
        var text = Matcher.MatchesAcrossLines ? line.Bytes : line.Content;
        if (Options.Replacement is { } replacement)
        {
            _groups.Clear();
            FindMatchGroups(line, _groups, out var resolve);
            text = Replace(text, replacement, resolve);
        }
        else
        {
            FindMatches(line, _matches);
        }

        var hasTerminator = Matcher.MatchesAcrossLines ? text is [.., (byte)'\n'] : line.Bytes.Length > line.Content.Length;
        var lineLength = text.Length + (Matcher.MatchesAcrossLines ? 0 : line.Bytes.Length - line.Content.Length);
        var pieces = Options.OnlyMatching && _matches.Count > 0; // each piece drops the terminator it takes itself
        if (Matcher.MatchesAcrossLines && hasTerminator && !pieces)
        {
            text = text[..^1];
            for (var k = 0; k < _matches.Count; k++)
            {
                _matches[k] = new ByteRange(Math.Min(_matches[k].Start, text.Length), Math.Min(_matches[k].End, text.Length));
            }
        }

        WriteWithMatches(line, text, isMatch: false, lineLength, hasTerminator);
    }

    public override bool ContextBreak()
    {
        if (Options.ContextSeparator is { } sep && !(Binary == BinaryMode.Convert && BinaryOffset is not null))
        {
            Buffer.Write(sep);
            Buffer.Write(Options.LineTerminator);
        }

        return true;
    }

    // rg's prelude: path, line number, column and byte offset, each followed by a separator (NUL after
    // the path with -0). With a hyperlink format, as in rg, one link spans the whole prelude (its final
    // separator excluded); under a heading only a format that names {line} links each line.
    private void WritePrefix(in SinkLine line, ReadOnlySpan<byte> separator, int column, long byteOffset)
    {
        var colors = Options.Colors;
        if (HasPath && Options.Heading && !_headingWritten)
        {
            WritePath();
            WritePathEnd();
            _headingWritten = true;
        }

        var link = HasPath && colors is not null && Options.Hyperlinks is { } format && (!Options.Heading || format.IsLineDependent) && LinkTarget is not null;
        if (link)
        {
            Buffer.WriteEscape(Options.Hyperlinks!.Open(LinkTarget!, line.LineNumber, column));
        }

        var pending = ReadOnlySpan<byte>.Empty;
        if (HasPath && !Options.Heading)
        {
            WritePath(linked: false);
            pending = Options.NullAfterPath ? Options.PathNul : separator;
        }

        if (Options.LineNumber)
        {
            Buffer.Write(pending);
            WriteColored(colors?.Line, line.LineNumber);
            pending = separator;
        }

        if (Options.Column && column > 0)
        {
            Buffer.Write(pending);
            WriteColored(colors?.Column, column);
            pending = separator;
        }

        if (Options.ByteOffset)
        {
            Buffer.Write(pending);
            WriteColored(colors?.Column, byteOffset);
            pending = separator;
        }

        if (link)
        {
            Buffer.WriteEscape(HyperlinkFormat.Close);
        }

        Buffer.Write(pending);
    }

    private void WriteMatchText(ReadOnlySpan<byte> text)
    {
        if (Options.Colors is { } colors && !text.IsEmpty && !colors.Match.IsEmpty)
        {
            Buffer.WriteEscape(colors.Match.Start);
            Buffer.Write(text);
            Buffer.WriteEscape(ColorSpec.Reset);
        }
        else
        {
            Buffer.Write(text);
        }
    }

    // Writes a line's text and its terminator (added if the line had none), coloring matches;
    // applies --trim and --max-columns.
    private void WriteLineText(ReadOnlySpan<byte> content, List<ByteRange>? matches, bool isMatch, int lineLength) =>
        WriteLineText(content, matches, isMatch, lineLength, lineLength > content.Length);

    // `recorded`: the matches rg recorded for the line or unit, when they are not `matches` (what
    // --max-columns notices count; see WriteLongLine).
    private void WriteLineText(ReadOnlySpan<byte> content, List<ByteRange>? matches, bool isMatch, int lineLength, bool hasTerminator, RecordedMatches? recorded = null)
    {
        var counted = recorded ?? new RecordedMatches(matches, 0, matches?.Count ?? 0);
        // rg 15 trims first, then measures --max-columns on what is left (an uncolored line), with the terminator.
        if (hasTerminator && Options.Crlf && matches is not null && Options.Colors is { Match.IsEmpty: false })
        {
            // A line with colored matches ends with the configured terminator, as rg writes it (\r\n under
            // --crlf, for a line that ended with a bare \n as well).
            var length = content.Length;
            if (content is [.., (byte)'\r'] && matches.TrueForAll(m => m.End < length))
            {
                content = content[..^1];
            }

            hasTerminator = false;
        }

        if (Options.Trim)
        {
            var trimmed = content.TrimStart(TrimmedBytes);
            var cut = content.Length - trimmed.Length;
            content = trimmed;
            if (matches is null || Options.Colors is not { Match.IsEmpty: false })
            {
                // Uncolored, rg measures the trimmed line, and counts the preview's remaining matches
                // at their untrimmed positions in it.
                lineLength -= cut;
            }
            else
            {
                counted = counted with { At = counted.At + cut }; // colored, rg measures the line untrimmed
            }
            if (matches is not null && cut > 0)
            {
                matches = matches.Where(m => m.Start >= cut).Select(m => new ByteRange(m.Start - cut, m.End - cut)).ToList();
            }
        }

        if (Options.MaxColumns is { } max && lineLength > max)
        {
            WriteLongLine(content, matches, isMatch, max, lineLength, counted);
            return;
        }

        WriteLineTextPlain(content, matches);

        // The line's own terminator; a last line without one gets the configured terminator.
        Buffer.Write(hasTerminator ? "\n"u8 : Options.LineTerminator);
    }

    /// <summary>
    /// The matches a --max-columns notice counts, as rg counts them: <c>Total</c> for "with N matches",
    /// and <c>Counted</c> (positions less <c>At</c> are the line's) for the preview's "N more matches",
    /// which are the matches starting after the preview on this line. rg records matches only when
    /// something needs them (colors, -r, --column, -o, --vimgrep, --stats); empty ones count.
    /// </summary>
    private readonly record struct RecordedMatches(List<ByteRange>? Counted, int At, int Total);

    private void WriteLongLine(ReadOnlySpan<byte> content, List<ByteRange>? matches, bool isMatch, int max, int lineLength, RecordedMatches recorded)
    {
        if (Options.MaxColumnsPreview)
        {
            // The preview keeps the first `max` characters (the omission itself is decided on bytes).
            var cut = PreviewLength(content, max);
            if (Options.Crlf && cut == content.Length && lineLength > content.Length && content is [.., (byte)'\r'])
            {
                cut--; // rg counts the \r\n as one character, then leaves the terminator out
            }

            var shown = matches?.Where(m => m.Start < cut).Select(m => new ByteRange(m.Start, Math.Min(m.End, cut))).ToList();
            WriteLineTextPlain(content[..cut], shown);
            var remaining = recorded.Counted?.Count(m => m.Start - recorded.At >= cut && m.Start - recorded.At < lineLength) ?? 0;
            Buffer.Write(recorded.Total > 0
                ? Encoding.ASCII.GetBytes(FormattableString.Invariant($" [... {remaining} more match{(remaining == 1 ? string.Empty : "es")}]"))
                : " [... omitted end of long line]"u8);
        }
        else if (recorded.Total > 0 && !Options.OnlyMatching)
        {
            // As rg: any line whose matches were found says how many, a context line of -v too.
            Buffer.Write(Encoding.ASCII.GetBytes(FormattableString.Invariant($"[Omitted long line with {recorded.Total} matches]")));
        }
        else if (!isMatch)
        {
            Buffer.Write("[Omitted long context line]"u8);
        }
        else
        {
            Buffer.Write("[Omitted long matching line]"u8);
        }

        Buffer.Write(Options.LineTerminator);
    }

    // rg's preview keeps the first `characters` grapheme clusters.
    private static int PreviewLength(ReadOnlySpan<byte> content, int characters) => GraphemeClusters.EndOf(content, characters);

    private void WriteLineTextPlain(ReadOnlySpan<byte> content, List<ByteRange>? matches)
    {
        var at = 0;
        if (matches is not null && Options.Colors is { } colors && !colors.Match.IsEmpty)
        {
            // --colors highlight:...: the rest of a matching line is styled too, as rg 15 writes it: the
            // style opens the line, is set again (without a reset) after each match, and is reset at the end.
            var highlight = !colors.Highlight.IsEmpty && matches.Exists(m => m.Length > 0) ? colors.Highlight.Start : null;
            if (highlight is not null)
            {
                Buffer.WriteEscape(highlight);
            }

            // Adjacent matches are colored as one span, as ripgrep does ("foo" with o: f[oo]).
            for (var i = 0; i < matches.Count; i++)
            {
                var start = matches[i].Start;
                var end = matches[i].End;
                while (i + 1 < matches.Count && matches[i + 1].Start == end)
                {
                    end = matches[++i].End;
                }

                if (end == start)
                {
                    continue;
                }

                Buffer.Write(content[at..start]);
                WriteMatchText(content[start..end]);
                if (highlight is not null)
                {
                    Buffer.WriteEscape(highlight.AsSpan(ColorSpec.Reset.Length));
                }

                at = end;
            }

            if (highlight is not null)
            {
                Buffer.Write(content[at..]);
                Buffer.WriteEscape(ColorSpec.Reset);
                return;
            }
        }

        Buffer.Write(content[at..]);
    }

    protected override void OnFinish(SearchResult result)
    {
        if (MatchedLines == 0 || result.BinaryOffset is not { } offset || Binary == BinaryMode.None)
        {
            return;
        }

        _onlyBinaryNotice = Buffer.Length == 0;
        if (HasPath)
        {
            WritePath();
            Buffer.Write(": "u8);
        }

        Buffer.Write(Binary == BinaryMode.Quit
            ? "WARNING: stopped searching binary file after match (found \"\\0\" byte around offset "u8
            : "binary file matches (found \"\\0\" byte around offset "u8);
        Buffer.WriteNumber(offset);
        Buffer.Write(")\n"u8);
    }
}
