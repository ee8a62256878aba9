using System.Buffers;
using System.Text.RegularExpressions;

namespace Scour.Matching.Lines;

/// <summary>
/// <c>-P</c> without the PCRE2 library: PCRE2's syntax on .NET's backtracking regex, which reads UTF-16.
/// Each line is decoded (invalid bytes become lone surrogates, see <see cref="Utf8Text"/>) and matched
/// alone, in the pieces between invalid bytes, as PCRE2 with <c>MATCH_INVALID_UTF</c> never matches
/// across one.
/// </summary>
/// <param name="regex">The pattern, composed as rg composes it for PCRE2.</param>
/// <param name="groupNames">The named groups and their numbers.</param>
/// <param name="crlf">Lines end with CRLF: the regex sees each line without its <c>\r</c>.</param>
/// <param name="multiline">The pattern is matched against whole texts (<c>-U</c>).</param>
internal sealed class BacktrackingLineMatcher(Regex regex, IReadOnlyDictionary<string, int> groupNames, bool crlf, bool multiline) : LineMatcher
{
    // -P is PCRE2 in rg, which its fast line-by-line searcher does not take.
    public override bool SearchedLineByLineFast => false;

    private char[] _lineChars = ArrayPool<char>.Shared.Rent(1024);
    private byte[] _buffer = [];
    private int _end;

    // A multiline search's matches in its text, and the next one to hand out (see FindFirst).
    private List<ByteRange>? _textMatches;
    private int _textCursor;

    public override bool MatchesAcrossLines => multiline;

    public override void SetRegion(byte[] buffer, int start, int end)
    {
        _buffer = buffer;
        _end = end;
    }

    public override bool NextMatchingLine(int from, out int lineStart, out int lineEnd) =>
        NextLineByLine(_buffer, from, _end, out lineStart, out lineEnd);

    public override bool IsMatch(ReadOnlySpan<byte> line)
    {
        var chars = Decode(line);
        var barriers = HasBarriers(chars);
        for (var piece = 0; piece <= chars.Length; piece = NextPiece(chars, piece, barriers))
        {
            if (regex.IsMatch(chars[piece..PieceEnd(chars, piece, barriers)]))
            {
                return true;
            }
        }

        return false;
    }

    public override void FindAll(ReadOnlySpan<byte> line, List<ByteRange> matches)
    {
        var chars = Decode(line);
        var byteCursor = 0;
        var charCursor = 0;

        int ToByte(ReadOnlySpan<char> text, int charIndex)
        {
            byteCursor += Utf8Text.ByteCount(text[charCursor..charIndex]);
            charCursor = charIndex;
            return byteCursor;
        }

        var barriers = HasBarriers(chars);
        for (var piece = 0; piece <= chars.Length; piece = NextPiece(chars, piece, barriers))
        {
            var text = chars[piece..PieceEnd(chars, piece, barriers)];
            var pos = 0;
            var lastEnd = -1;
            while (pos <= text.Length && FirstMatch(text, pos, out var index, out var length))
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

    public override void FindAllGroups(ReadOnlySpan<byte> line, List<ByteRange[]> matches, out Func<string, int> resolveName)
    {
        var chars = Decode(line);
        resolveName = name => groupNames.TryGetValue(name, out var g) ? g : -1;
        var groupCount = regex.GetGroupNumbers().Length;
        var barriers = HasBarriers(chars);
        for (var piece = 0; piece <= chars.Length; piece = NextPiece(chars, piece, barriers))
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

                if (m.Length == 0 && m.Index == lastEnd)
                {
                    pos = AfterSkippedEmptyMatch(pieceChars, m.Index);
                    continue;
                }

                var groups = new ByteRange[groupCount];
                for (var g = 0; g < groups.Length; g++)
                {
                    var group = m.Groups[g];
                    groups[g] = group.Success
                        ? new ByteRange(Utf8Text.ByteCount(chars[..(piece + group.Index)]), Utf8Text.ByteCount(chars[..(piece + group.Index + group.Length)]))
                        : new ByteRange(-1, -1);
                }

                matches.Add(groups);
                lastEnd = m.Index + m.Length;
                pos = lastEnd;
            }
        }
    }

    // The line decoded, without the \r before its end with --crlf (it belongs to the terminator).
    private ReadOnlySpan<char> Decode(ReadOnlySpan<byte> line)
    {
        var length = Utf8Text.Decode(WithoutCarriageReturn(line, crlf), ref _lineChars); // may grow the buffer
        return _lineChars.AsSpan(0, length);
    }

    // The decoded line holds invalid bytes (lone U+DC80..U+DCFF), which a PCRE2 match never spans, so
    // each search runs over the pieces between them; otherwise the line is one piece.
    private static bool HasBarriers(ReadOnlySpan<char> chars) => Walking.FileNameEncoding.HasEscapes(chars);

    // The end of the piece starting at `start` (0, or just after a barrier): the next barrier, or the end.
    private static int PieceEnd(ReadOnlySpan<char> chars, int start, bool barriers) =>
        barriers && Walking.FileNameEncoding.IndexOfInvalidByte(chars[start..]) is var i and >= 0 ? start + i : chars.Length;

    // Where the next piece begins (past the end when there is none).
    private static int NextPiece(ReadOnlySpan<char> chars, int start, bool barriers)
    {
        var end = PieceEnd(chars, start, barriers);
        return end < chars.Length ? end + 1 : chars.Length + 1;
    }

    // Rust's iteration rule: an empty match right where the previous match ended is skipped, and the
    // search resumes one character later (past the line's end when there is none).
    private static int AfterSkippedEmptyMatch(ReadOnlySpan<char> chars, int index) =>
        index >= chars.Length ? chars.Length + 1
        : index + (char.IsHighSurrogate(chars[index]) && index + 1 < chars.Length && char.IsLowSurrogate(chars[index + 1]) ? 2 : 1);

    private bool FirstMatch(ReadOnlySpan<char> chars, int startAt, out int index, out int length)
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
        ArrayPool<char>.Shared.Return(_lineChars);
        _lineChars = [];
        base.Dispose();
    }
}
