using System.Buffers;
using System.Globalization;
using System.Text;
using Scour.Matching;

namespace Scour.Rewriting;

/// <summary>
/// Writes the unified diff (<c>diff -u</c>, as <c>git apply</c> and <c>patch</c> read it) of a rewrite.
/// The edits say exactly which lines changed, so no diff algorithm is needed: each changed line run
/// becomes its removed and added lines, with <c>context</c> unchanged lines around, and runs closer
/// than twice the context share a hunk.
/// </summary>
internal static class UnifiedDiff
{
    private const string Reset = "\x1b[0m";

    /// <summary>ANSI colors for a terminal: headers bold, hunk ranges cyan, removals red, additions green.</summary>
    public sealed record Colors(string Header, string Range, string Removed, string Added)
    {
        public static readonly Colors Terminal = new("\x1b[1m", "\x1b[36m", "\x1b[31m", "\x1b[32m");
    }

    private readonly record struct Block(int OldFirst, int OldCount, int NewFirst, int NewCount);

    /// <summary>Writes the diff turning <paramref name="oldText"/> into <paramref name="newText"/> (both UTF-8) by <paramref name="edits"/>.</summary>
    public static void Write(IBufferWriter<byte> output, string path, byte[] oldText, byte[] newText, IReadOnlyList<TextEdit> edits, int context, Colors? colors)
    {
        var oldLines = LineStarts(oldText);
        var newLines = LineStarts(newText);
        var blocks = Blocks(oldText, newText, oldLines, newLines, edits);
        if (blocks.Count == 0)
        {
            return;
        }

        var name = path.StartsWith("./", StringComparison.Ordinal) ? path[2..] : path;
        Text(output, colors?.Header, $"--- a/{name}\n+++ b/{name}\n");
        var i = 0;
        while (i < blocks.Count)
        {
            // One hunk: blocks whose surrounding context overlaps or touches.
            var last = i;
            while (last + 1 < blocks.Count && blocks[last + 1].OldFirst - (blocks[last].OldFirst + blocks[last].OldCount) <= 2 * context)
            {
                last++;
            }

            var oldStart = Math.Max(0, blocks[i].OldFirst - context);
            var oldEnd = Math.Min(oldLines.Count - 1, blocks[last].OldFirst + blocks[last].OldCount + context);
            var shift = blocks[i].NewFirst - blocks[i].OldFirst;
            var newStart = oldStart + shift;
            var newEnd = blocks[last].NewFirst + blocks[last].NewCount + (oldEnd - (blocks[last].OldFirst + blocks[last].OldCount));
            Text(output, colors?.Range, $"@@ -{Range(oldStart, oldEnd - oldStart)} +{Range(newStart, newEnd - newStart)} @@\n");

            var line = oldStart;
            for (var b = i; b <= last; b++)
            {
                for (; line < blocks[b].OldFirst; line++)
                {
                    Line(output, ' ', null, oldText, oldLines, line);
                }

                for (var k = 0; k < blocks[b].OldCount; k++)
                {
                    Line(output, '-', colors?.Removed, oldText, oldLines, blocks[b].OldFirst + k);
                }

                for (var k = 0; k < blocks[b].NewCount; k++)
                {
                    Line(output, '+', colors?.Added, newText, newLines, blocks[b].NewFirst + k);
                }

                line = blocks[b].OldFirst + blocks[b].OldCount;
            }

            for (; line < oldEnd; line++)
            {
                Line(output, ' ', null, oldText, oldLines, line);
            }

            i = last + 1;
        }
    }

    // Each edit widened to whole lines; edits on the same or adjacent lines merge into one block, and a
    // block whose replaced text ate a line's newline grows until it ends at a line end in the new text too.
    private static List<Block> Blocks(byte[] oldText, byte[] newText, List<int> oldLines, List<int> newLines, IReadOnlyList<TextEdit> edits)
    {
        var blocks = new List<Block>();
        var delta = 0; // bytes added so far by earlier blocks
        var e = 0;
        while (e < edits.Count)
        {
            var start = LineBounds.StartOf(oldText, edits[e].Start);
            var end = start;
            var blockDelta = 0;
            while (true)
            {
                for (; e < edits.Count && LineBounds.StartOf(oldText, edits[e].Start) <= end; e++)
                {
                    end = Math.Max(end, LineEndAt(oldText, edits[e]));
                    blockDelta += edits[e].Replacement.Length - (edits[e].End - edits[e].Start);
                }

                var newEnd = end + delta + blockDelta;
                if (newEnd == start + delta || newEnd == newText.Length || newText[newEnd - 1] == '\n')
                {
                    break;
                }

                end = LineBounds.EndOf(oldText, end);
            }

            var oldFirst = LineIndex(oldLines, start);
            var newFirst = LineIndex(newLines, start + delta);
            blocks.Add(new Block(
                oldFirst,
                LineIndex(oldLines, end) - oldFirst,
                newFirst,
                LineIndex(newLines, end + delta + blockDelta) - newFirst));
            delta += blockDelta;
        }

        return blocks;
    }

    // Just past the line holding the edit's last byte (or, for an insertion, the line it is inserted in).
    private static int LineEndAt(byte[] text, TextEdit edit) =>
        LineBounds.EndOf(text, edit.End > edit.Start ? edit.End - 1 : edit.Start);

    /// <summary>
    /// The start offset of every line, plus a final entry: the text's length. A text that does not end
    /// with a newline has its last line's start as the second-to-last entry.
    /// </summary>
    private static List<int> LineStarts(byte[] text)
    {
        var starts = new List<int> { 0 };
        var at = 0;
        while (at < text.Length)
        {
            var nl = text.AsSpan(at).IndexOf((byte)'\n');
            if (nl < 0)
            {
                break;
            }

            at += nl + 1;
            starts.Add(at);
        }

        if (starts[^1] != text.Length)
        {
            starts.Add(text.Length);
        }

        return starts;
    }

    // The number of lines starting before byte offset (a line start or the text's end).
    private static int LineIndex(List<int> lineStarts, int offset)
    {
        var i = lineStarts.BinarySearch(offset);
        return i >= 0 ? i : ~i;
    }

    private static string Range(int start, int count) => count switch
    {
        0 => $"{start.ToString(CultureInfo.InvariantCulture)},0",
        1 => (start + 1).ToString(CultureInfo.InvariantCulture),
        _ => $"{(start + 1).ToString(CultureInfo.InvariantCulture)},{count.ToString(CultureInfo.InvariantCulture)}",
    };

    private static void Line(IBufferWriter<byte> output, char marker, string? color, byte[] text, List<int> lineStarts, int index)
    {
        var start = lineStarts[index];
        var end = lineStarts[index + 1];
        var hasNewline = end > start && text[end - 1] == '\n';
        var content = text.AsSpan(start, end - start - (hasNewline ? 1 : 0));
        if (color is not null)
        {
            Text(output, null, color);
        }

        output.Write([(byte)marker]);
        output.Write(content);
        if (color is not null)
        {
            Text(output, null, Reset);
        }

        output.Write("\n"u8);
        if (!hasNewline)
        {
            output.Write("\\ No newline at end of file\n"u8);
        }
    }

    private static void Text(IBufferWriter<byte> output, string? color, string text)
    {
        output.Write(Encoding.UTF8.GetBytes(color is null ? text : color + text.TrimEnd('\n').Replace("\n", Reset + "\n" + color, StringComparison.Ordinal) + Reset + "\n"));
    }
}
