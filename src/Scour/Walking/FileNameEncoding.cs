using System.Text;

namespace Scour.Walking;

/// <summary>
/// Linux file names are bytes, not always UTF-8. Scour keeps paths as .NET strings and must never lose
/// a file whose name is not UTF-8, so names are decoded losslessly: each byte that is not part of valid
/// UTF-8 becomes the lone low surrogate U+DC80..U+DCFF (the bytes are all 0x80..0xFF), which valid UTF-8
/// can never produce; <see cref="GetBytes"/> turns such a string back into the exact bytes, for system
/// calls and for output. Strings without those surrogates are plain UTF-8 both ways.
/// </summary>
internal static class FileNameEncoding
{
    private const char FirstEscape = '\uDC80';
    private const char LastEscape = '\uDCFF';

    /// <summary>The name or path for <paramref name="bytes"/>, each invalid byte kept as an escape.</summary>
    public static string Decode(ReadOnlySpan<byte> bytes)
    {
        if (System.Text.Unicode.Utf8.IsValid(bytes))
        {
            return Encoding.UTF8.GetString(bytes);
        }

        // The matcher's lossless decoding (Utf8Text) already maps each invalid byte to U+DC00 + byte.
        var chars = bytes.Length <= 512 ? stackalloc char[bytes.Length] : new char[bytes.Length];
        return new string(chars[..Matching.Utf8Text.Decode(bytes, chars)]);
    }

    /// <summary>True when <paramref name="text"/> holds a byte that is not UTF-8 (an escape).</summary>
    public static bool HasEscapes(ReadOnlySpan<char> text) => IndexOfInvalidByte(text) >= 0;

    /// <summary>The bytes of a name or path: UTF-8, with each escape turned back into its byte.</summary>
    public static byte[] GetBytes(ReadOnlySpan<char> text)
    {
        var bytes = new byte[HasEscapes(text) ? Encoding.UTF8.GetMaxByteCount(text.Length) : Encoding.UTF8.GetByteCount(text)];
        var written = Encode(text, bytes);
        return written == bytes.Length ? bytes : bytes[..written];
    }

    /// <summary>Writes the bytes of <paramref name="text"/> into <paramref name="destination"/> (at least <see cref="Encoding.GetMaxByteCount"/> long); returns the count.</summary>
    public static int Encode(ReadOnlySpan<char> text, Span<byte> destination)
    {
        // Runs of characters as UTF-8, each escape between them as its byte.
        var written = 0;
        while (true)
        {
            var escape = IndexOfInvalidByte(text);
            written += Encoding.UTF8.GetBytes(escape < 0 ? text : text[..escape], destination[written..]);
            if (escape < 0)
            {
                return written;
            }

            destination[written++] = (byte)(text[escape] - 0xDC00);
            text = text[(escape + 1)..];
        }
    }

    /// <summary>
    /// The index of the first escape (an invalid byte: U+DC80..U+DCFF not preceded by a high surrogate,
    /// so not the low half of a pair), or -1. A text that starts right after an escape may start with one.
    /// </summary>
    public static int IndexOfInvalidByte(ReadOnlySpan<char> text)
    {
        for (var from = 0; from < text.Length;)
        {
            var i = text[from..].IndexOfAnyInRange(FirstEscape, LastEscape);
            if (i < 0)
            {
                return -1;
            }

            i += from;
            if (i == 0 || !char.IsHighSurrogate(text[i - 1]))
            {
                return i;
            }

            from = i + 1;
        }

        return -1;
    }
}
