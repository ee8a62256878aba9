using System.Buffers;
using System.Text.Unicode;

namespace Scour.Matching;

/// <summary>
/// UTF-8 to UTF-16 for what reads UTF-16 (.NET's regex under <c>-P</c> without PCRE2, file names), and
/// back for offsets. Each byte that is not part of valid
/// UTF-8 becomes one lone low surrogate (U+DC00 + byte), so decoding is lossless, invalid bytes match
/// no class, and a character offset maps back to exactly one byte offset.
/// </summary>
internal static class Utf8Text
{
    private const char EscapeBase = '\uDC00';

    /// <summary>Decodes <paramref name="source"/> into <paramref name="destination"/> (needs <c>source.Length</c> chars).</summary>
    public static int Decode(ReadOnlySpan<byte> source, Span<char> destination)
    {
        var written = 0;
        while (true)
        {
            var status = Utf8.ToUtf16(source, destination[written..], out var read, out var wrote, replaceInvalidSequences: false, isFinalBlock: true);
            written += wrote;
            if (status == OperationStatus.Done)
            {
                return written;
            }

            // InvalidData (or truncated data at the end): escape one byte and go on after it.
            source = source[read..];
            destination[written++] = (char)(EscapeBase + source[0]);
            source = source[1..];
            if (source.IsEmpty)
            {
                return written;
            }
        }
    }

    /// <summary>Decodes into a pooled array that the caller keeps growing; returns the char count.</summary>
    public static int Decode(ReadOnlySpan<byte> source, ref char[] buffer)
    {
        if (buffer.Length < source.Length)
        {
            ArrayPool<char>.Shared.Return(buffer);
            buffer = ArrayPool<char>.Shared.Rent(Math.Max(source.Length, 4096));
        }

        return Decode(source, buffer);
    }

    /// <summary>The number of UTF-8 bytes the decoded characters <paramref name="chars"/> came from.</summary>
    public static int ByteCount(ReadOnlySpan<char> chars)
    {
        var firstNonAscii = chars.IndexOfAnyExceptInRange('\0', '\u007F');
        if (firstNonAscii < 0)
        {
            return chars.Length;
        }

        var count = firstNonAscii;
        for (var i = firstNonAscii; i < chars.Length;)
        {
            count += Width(chars, i, out var units);
            i += units;
        }

        return count;
    }

    /// <summary>The UTF-8 byte count of the character at <paramref name="index"/>; <paramref name="units"/> is 2 for a surrogate pair.</summary>
    public static int Width(ReadOnlySpan<char> chars, int index, out int units)
    {
        var c = chars[index];
        units = 1;
        if (c < 0x80)
        {
            return 1;
        }

        if (c < 0x800)
        {
            return 2;
        }

        if (char.IsHighSurrogate(c) && index + 1 < chars.Length && char.IsLowSurrogate(chars[index + 1]))
        {
            units = 2;
            return 4;
        }

        return char.IsSurrogate(c) ? 1 : 3; // a lone surrogate is an escaped invalid byte
    }
}
