using System.Buffers;
using System.Text.RegularExpressions;

namespace Scour.Matching;

/// <summary>
/// A pattern that needs a regex engine. With required literals, a byte-level prefilter finds candidate
/// lines and only those are decoded and confirmed; without, the whole region is decoded once and the
/// regex scans it in one pass.
/// </summary>
internal sealed class RegexLineMatcher : LineMatcher
{
    private readonly CompiledPattern _pattern;
    private readonly Prefilter? _prefilter;
    private readonly DecodedRegion _decoded = new();
    private char[] _lineChars = ArrayPool<char>.Shared.Rent(1024);
    private byte[] _buffer = [];
    private int _start;
    private int _end;
    private bool _decodedValid;
    private bool _usePrefilter;

    private readonly bool _lineByLine;

    // A multiline search's matches in its text, and the next one to hand out (see FindFirst).
    private List<ByteRange>? _textMatches;
    private int _textCursor;

    public RegexLineMatcher(CompiledPattern pattern, Prefilter? prefilter, bool lineByLine)
    {
        _pattern = pattern;
        _prefilter = prefilter;
        _lineByLine = lineByLine;
    }

    public override bool MatchesAcrossLines => _pattern.IsMultiline;

    public override void SetRegion(byte[] buffer, int start, int end)
    {
        _buffer = buffer;
        _start = start;
        _end = end;
        _decodedValid = false;
        _usePrefilter = _prefilter is not null && _prefilter.Reset(buffer.AsSpan(start, end - start));
    }

    public override bool NextMatchingLine(int from, out int lineStart, out int lineEnd)
    {
        if (_usePrefilter)
        {
            if (_prefilter!.NeedsDecodedText)
            {
                EnsureDecoded();
            }

            return NextCandidateLine(_prefilter, _decoded, _buffer, _start, _end, from, out lineStart, out lineEnd);
        }

        if (_lineByLine || RegionHasSurrogates())
        {
            return NextLineByLine(_buffer, from, _end, out lineStart, out lineEnd);
        }

        return NextByScan(from, out lineStart, out lineEnd);
    }

    // .NET's NonBacktracking engine loses matches when it scans several lines past a surrogate pair
    // (in pinctrl-amd.c, whose emoji made `.*.*=.*;$` find 97 of its 249 lines), while it decides each
    // line alone correctly: a region with characters outside the BMP is matched line by line, and only
    // the lines holding such characters take the surrogate-aware regex.
    private bool RegionHasSurrogates()
    {
        EnsureDecoded();
        return _decoded.Form != TextForm.Bmp;
    }

    private bool NextByScan(int from, out int lineStart, out int lineEnd)
    {
        EnsureDecoded();
        var chars = _decoded.Chars;
        var regex = _pattern.SearchRegex(_decoded.Form, _decoded.IsAscii);
        var endsWithTerminator = _end > _start && _buffer[_end - 1] == (byte)'\n';
        foreach (var m in regex.EnumerateMatches(chars, _decoded.CharIndexOf(from - _start)))
        {
            if (m.Index == chars.Length && endsWithTerminator)
            {
                break; // an empty match after the last terminator is not on any line
            }

            var position = _start + _decoded.ByteOffsetOf(m.Index);
            (lineStart, lineEnd) = LineAround(_buffer, from, _end, position);
            return true;
        }

        lineStart = lineEnd = _end;
        return false;
    }

    // With --crlf the \r before \n belongs to the terminator, so the regex never sees it.
    private ReadOnlySpan<byte> WithoutCarriageReturn(ReadOnlySpan<byte> line) => WithoutCarriageReturn(line, _pattern.Crlf);

    private void EnsureDecoded()
    {
        if (!_decodedValid)
        {
            _decoded.Decode(_buffer.AsSpan(_start, _end - _start));
            _decodedValid = true;
        }
    }

    public override bool IsMatch(ReadOnlySpan<byte> line)
    {
        line = WithoutCarriageReturn(line);
        if (_pattern.Caseless is { } caseless)
        {
            return caseless.First(line, out _) >= 0;
        }

        var n = Utf8Text.Decode(line, ref _lineChars);
        var chars = _lineChars.AsSpan(0, n);
        var regex = _pattern.SearchRegex(_pattern.FormOf(chars));
        var barriers = HasBarriers(chars);
        for (var piece = 0; piece <= n; piece = NextPiece(chars, piece, barriers))
        {
            if (regex.IsMatch(chars[piece..PieceEnd(chars, piece, barriers)]))
            {
                return true;
            }
        }

        return false;
    }

    // -P: the decoded line holds invalid bytes (lone U+DC80..U+DCFF), which a PCRE2 match never spans,
    // so each search below runs over the pieces between them; otherwise the line is one piece.
    private bool HasBarriers(ReadOnlySpan<char> chars) =>
        _pattern.InvalidBytesAreBarriers && Walking.FileNameEncoding.HasEscapes(chars);

    // The end of the piece starting at `start` (0, or just after a barrier): the next barrier, or the end.
    private static int PieceEnd(ReadOnlySpan<char> chars, int start, bool barriers) =>
        barriers && Walking.FileNameEncoding.IndexOfInvalidByte(chars[start..]) is var i and >= 0 ? start + i : chars.Length;

    // Where the next piece begins (past the end when there is none).
    private static int NextPiece(ReadOnlySpan<char> chars, int start, bool barriers)
    {
        var end = PieceEnd(chars, start, barriers);
        return end < chars.Length ? end + 1 : chars.Length + 1;
    }

    public override void FindAll(ReadOnlySpan<byte> line, List<ByteRange> matches)
    {
        if (_pattern.MatchGroup != 0)
        {
            // -w: the match is a capture group, so the capturing path finds it.
            var groups = new List<ByteRange[]>();
            FindAllGroups(line, groups, out _);
            matches.AddRange(groups.Select(g => g[0]));
            return;
        }

        line = WithoutCarriageReturn(line);
        if (_pattern.Caseless is { } caseless)
        {
            caseless.FindAll(line, matches);
            return;
        }

        var n = Utf8Text.Decode(line, ref _lineChars);
        var chars = _lineChars.AsSpan(0, n);
        var regex = _pattern.SearchRegex(_pattern.FormOf(chars));
        var byteCursor = 0;
        var charCursor = 0;

        int ToByte(ReadOnlySpan<char> text, int charIndex)
        {
            byteCursor += Utf8Text.ByteCount(text[charCursor..charIndex]);
            charCursor = charIndex;
            return byteCursor;
        }

        var barriers = HasBarriers(chars);
        for (var piece = 0; piece <= n; piece = NextPiece(chars, piece, barriers))
        {
            var text = chars[piece..PieceEnd(chars, piece, barriers)];
            var pos = 0;
            var lastEnd = -1;
            while (pos <= text.Length && FirstMatch(regex, text, pos, out var index, out var length))
            {
                if (length == 0 && index == lastEnd)
                {
                    pos = AfterSkippedEmptyMatch(text, index);
                    continue;
                }

                var startByte = ToByte(chars, piece + index);
                var endByte = ToByte(chars, piece + index + length);
                matches.Add(new ByteRange(startByte, endByte));
                lastEnd = index + length;
                pos = lastEnd;
            }
        }
    }

    // .NET's regex cannot start a text at an offset without copying what follows: the text's matches
    // are found once, when a multiline search begins (at 0), and handed out in order (an approximation:
    // \A then holds at the text's start only).
    public override bool FindFirst(ReadOnlySpan<byte> text, int from, out ByteRange match)
    {
        if (from == 0 || _textMatches is null)
        {
            _textMatches = [];
            _textCursor = 0;
            FindAll(text, _textMatches);
        }

        while (_textCursor < _textMatches.Count && _textMatches[_textCursor].Start < from)
        {
            _textCursor++;
        }

        match = _textCursor < _textMatches.Count ? _textMatches[_textCursor] : default;
        return _textCursor < _textMatches.Count;
    }

    // Rust's iteration rule: an empty match right where the previous match ended is skipped, and the
    // search resumes one character later (past the line's end when there is none).
    private static int AfterSkippedEmptyMatch(ReadOnlySpan<char> chars, int index) =>
        index >= chars.Length ? chars.Length + 1
        : index + (char.IsHighSurrogate(chars[index]) && index + 1 < chars.Length && char.IsLowSurrogate(chars[index + 1]) ? 2 : 1);

    public override void FindAllGroups(ReadOnlySpan<byte> line, List<ByteRange[]> matches, out Func<string, int> resolveName)
    {
        line = WithoutCarriageReturn(line);
        var n = Utf8Text.Decode(line, ref _lineChars);
        var chars = _lineChars.AsSpan(0, n);
        var regex = _pattern.CaptureRegex(_pattern.FormOf(chars));
        var names = _pattern.GroupNames;
        var offset = _pattern.MatchGroup;
        resolveName = name => names.TryGetValue(name, out var g) ? g - offset : -1;
        var groupCount = regex.GetGroupNumbers().Length - offset;
        var barriers = HasBarriers(chars);
        for (var piece = 0; piece <= n; piece = NextPiece(chars, piece, barriers))
        {
            var pieceChars = chars[piece..PieceEnd(chars, piece, barriers)];
            var text = new string(pieceChars);
            var pos = 0;
            var lastEnd = -1;
            while (pos <= text.Length)
            {
                var m = regex.Match(text, pos);
                if (!m.Success)
                {
                    break;
                }

                var whole = m.Groups[_pattern.RegexGroup(0)];
                if (whole.Length == 0 && whole.Index == lastEnd)
                {
                    pos = AfterSkippedEmptyMatch(pieceChars, whole.Index);
                    continue;
                }

                var groups = new ByteRange[Math.Max(1, groupCount)];
                for (var g = 0; g < groups.Length; g++)
                {
                    var group = m.Groups[_pattern.RegexGroup(g)];
                    groups[g] = group.Success
                        ? new ByteRange(Utf8Text.ByteCount(chars[..(piece + group.Index)]), Utf8Text.ByteCount(chars[..(piece + group.Index + group.Length)]))
                        : new ByteRange(-1, -1);
                }

                matches.Add(groups);
                lastEnd = whole.Index + whole.Length;
                pos = lastEnd;
            }
        }
    }

    private static bool FirstMatch(Regex regex, ReadOnlySpan<char> chars, int startAt, out int index, out int length)
    {
        foreach (var m in regex.EnumerateMatches(chars, startAt))
        {
            index = m.Index;
            length = m.Length;
            return true;
        }

        index = length = 0;
        return false;
    }

    public override void Dispose()
    {
        _decoded.Dispose();
        ArrayPool<char>.Shared.Return(_lineChars);
        _lineChars = [];
        base.Dispose();
    }
}
