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
    public static bool HasEscapes(ReadOnlySpan<char> text) => text.IndexOfAnyInRange(FirstEscape, LastEscape) >= 0 && IndexOfInvalidByte(text) >= 0;

    /// <summary>The bytes of a name or path: UTF-8, with each escape turned back into its byte.</summary>
    public static byte[] GetBytes(ReadOnlySpan<char> text)
    {
        if (!HasEscapes(text))
        {
            var plain = new byte[Encoding.UTF8.GetByteCount(text)];
            Encoding.UTF8.GetBytes(text, plain);
            return plain;
        }

        var bytes = new byte[Encoding.UTF8.GetMaxByteCount(text.Length)];
        return bytes[..Encode(text, bytes)];
    }

    /// <summary>Writes the bytes of <paramref name="text"/> into <paramref name="destination"/> (at least <see cref="Encoding.GetMaxByteCount"/> long); returns the count.</summary>
    public static int Encode(ReadOnlySpan<char> text, Span<byte> destination)
    {
        if (text.IndexOfAnyInRange(FirstEscape, LastEscape) < 0)
        {
            return Encoding.UTF8.GetBytes(text, destination); // the common case, one vectorized pass
        }

        var written = 0;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (c is >= FirstEscape and <= LastEscape && !(i > 0 && char.IsHighSurrogate(text[i - 1])))
            {
                destination[written++] = (byte)(c - 0xDC00);
                continue;
            }

            var length = char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]) ? 2 : 1;
            written += Encoding.UTF8.GetBytes(text.Slice(i, length), destination[written..]);
            i += length - 1;
        }

        return written;
    }

    /// <summary>The index of the first escape (an invalid byte, not the low half of a surrogate pair), or -1.</summary>
    public static int IndexOfInvalidByte(ReadOnlySpan<char> text)
    {
        for (var i = 0; i < text.Length; i++)
        {
            if (text[i] is >= FirstEscape and <= LastEscape && !(i > 0 && char.IsHighSurrogate(text[i - 1])))
            {
                return i;
            }
        }

        return -1;
    }
}
