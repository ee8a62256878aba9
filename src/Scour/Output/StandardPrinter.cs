using Scour.Matching;
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
    private bool _headingWritten;

    public override bool Separated => true;

    protected override void OnBegin() => _headingWritten = false;

    public override bool Matched(in SinkLine line)
    {
        if (Binary == BinaryMode.Convert && BinaryOffset is not null)
        {
            MatchedLines++;
            return false; // ripgrep prints the binary notice instead of the line
        }

        MatchedLines++;
        var needsMatches = Options.OnlyMatching || Options.Vimgrep || Options.Column || Options.Colors is not null;
        _matches.Clear();
        if (needsMatches)
        {
            Matcher.FindAll(line.Content, _matches);
        }

        if (Options.OnlyMatching && !Options.Vimgrep)
        {
            WriteOnlyMatching(line);
        }
        else if (Options.Vimgrep)
        {
            WriteVimgrep(line);
        }
        else
        {
            var column = _matches.Count > 0 ? _matches[0].Start + 1 : 0;
            WritePrefix(line, (byte)':', column, line.AbsoluteOffset);
            WriteLineText(line.Content, _matches.Count > 0 ? _matches : null);
        }

        return true;
    }

    private void WriteOnlyMatching(in SinkLine line)
    {
        if (_matches.Count == 0)
        {
            // -o with -v: the whole (non-matching) line is printed.
            WritePrefix(line, (byte)':', 0, line.AbsoluteOffset);
            WriteLineText(line.Content, null);
            return;
        }

        var content = line.Content;
        foreach (var m in _matches)
        {
            WritePrefix(line, (byte)':', m.Start + 1, line.AbsoluteOffset + m.Start);
            WriteMatchText(content[m.Start..m.End]);
            Buffer.Write((byte)'\n');
        }
    }

    private void WriteVimgrep(in SinkLine line)
    {
        if (_matches.Count == 0)
        {
            WritePrefix(line, (byte)':', 1, line.AbsoluteOffset);
            WriteLineText(line.Content, null);
            return;
        }

        var single = new List<ByteRange>(1);
        foreach (var m in _matches)
        {
            WritePrefix(line, (byte)':', m.Start + 1, line.AbsoluteOffset);
            if (Options.OnlyMatching)
            {
                WriteMatchText(line.Content[m.Start..m.End]);
                Buffer.Write((byte)'\n');
                continue;
            }

            single.Clear();
            single.Add(m);
            WriteLineText(line.Content, single);
        }
    }

    public override bool Context(in SinkLine line, ContextKind kind)
    {
        if (Binary == BinaryMode.Convert && BinaryOffset is not null)
        {
            return true;
        }

        WritePrefix(line, (byte)'-', 0, line.AbsoluteOffset);
        WriteLineText(line.Content, null);
        return true;
    }

    public override bool ContextBreak()
    {
        if (Options.ContextSeparator is { } sep && !(Binary == BinaryMode.Convert && BinaryOffset is not null))
        {
            Buffer.Write(sep);
            Buffer.Write((byte)'\n');
        }

        return true;
    }

    private void WritePrefix(in SinkLine line, byte separator, int column, long byteOffset)
    {
        var colors = Options.Colors;
        if (HasPath)
        {
            if (Options.Heading)
            {
                if (!_headingWritten)
                {
                    WritePath();
                    Buffer.Write(Options.NullAfterPath ? (byte)0 : (byte)'\n');
                    _headingWritten = true;
                }
            }
            else
            {
                WritePath();
                Buffer.Write(Options.NullAfterPath ? (byte)0 : separator);
            }
        }

        if (Options.LineNumber)
        {
            WriteColored(colors?.Line, line.LineNumber);
            Buffer.Write(separator);
        }

        if (Options.Column && column > 0)
        {
            WriteColored(colors?.Column, column);
            Buffer.Write(separator);
        }

        if (Options.ByteOffset)
        {
            WriteColored(colors?.Column, byteOffset);
            Buffer.Write(separator);
        }
    }

    private void WriteMatchText(ReadOnlySpan<byte> text)
    {
        if (Options.Colors is { } colors && !text.IsEmpty)
        {
            Buffer.Write(colors.Match.Start);
            Buffer.Write(text);
            Buffer.Write(ColorSpec.Reset);
        }
        else
        {
            Buffer.Write(text);
        }
    }

    // Writes a line's text and its terminator (added if the line had none), coloring matches.
    private void WriteLineText(ReadOnlySpan<byte> content, List<ByteRange>? matches)
    {
        if (matches is null || Options.Colors is null)
        {
            Buffer.Write(content);
        }
        else
        {
            var at = 0;
            foreach (var m in matches)
            {
                if (m.Length == 0)
                {
                    continue;
                }

                Buffer.Write(content[at..m.Start]);
                WriteMatchText(content[m.Start..m.End]);
                at = m.End;
            }

            Buffer.Write(content[at..]);
        }

        Buffer.Write((byte)'\n');
    }

    protected override void OnFinish(SearchResult result)
    {
        if (MatchedLines == 0 || result.BinaryOffset is not { } offset || Binary == BinaryMode.None)
        {
            return;
        }

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
