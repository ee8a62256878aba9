using System.Buffers;
using System.Text;
using System.Text.Unicode;

namespace Scour.Rewriting;

/// <summary>How a file's text is stored, so that a rewrite writes it back the same way.</summary>
internal enum TextEncoding
{
    /// <summary>UTF-8 (or ASCII) without a byte order mark.</summary>
    Utf8,

    /// <summary>UTF-8 after a byte order mark.</summary>
    Utf8Bom,

    /// <summary>UTF-16 little endian after its byte order mark.</summary>
    Utf16LittleEndian,

    /// <summary>UTF-16 big endian after its byte order mark.</summary>
    Utf16BigEndian,
}

/// <summary>
/// A file's bytes as the UTF-8 text that patterns are matched against (the encoding ripgrep would
/// search it in: BOM sniffing for UTF-8 and UTF-16), and the way back. A file that is binary (holds a
/// NUL) or not valid in its encoding cannot be rewritten: the reason says why.
/// </summary>
internal sealed class FileText
{
    private static readonly byte[] Utf8Mark = [0xEF, 0xBB, 0xBF];

    private FileText(TextEncoding encoding, byte[] utf8)
    {
        Encoding = encoding;
        Utf8 = utf8;
    }

    public TextEncoding Encoding { get; }

    /// <summary>The text as UTF-8, without a byte order mark.</summary>
    public byte[] Utf8 { get; }

    /// <summary>Decodes <paramref name="raw"/>, or returns null with the reason it cannot be rewritten.</summary>
    public static FileText? Decode(byte[] raw, out string? problem)
    {
        problem = null;
        var encoding = raw.AsSpan().StartsWith(Utf8Mark) ? TextEncoding.Utf8Bom
            : raw.AsSpan().StartsWith((ReadOnlySpan<byte>)[0xFF, 0xFE]) ? TextEncoding.Utf16LittleEndian
            : raw.AsSpan().StartsWith((ReadOnlySpan<byte>)[0xFE, 0xFF]) ? TextEncoding.Utf16BigEndian
            : TextEncoding.Utf8;
        byte[] utf8;
        switch (encoding)
        {
            case TextEncoding.Utf8:
                utf8 = raw;
                break;
            case TextEncoding.Utf8Bom:
                utf8 = raw[Utf8Mark.Length..];
                break;
            default:
                var decoded = DecodeUtf16(raw.AsSpan(2), encoding == TextEncoding.Utf16BigEndian);
                if (decoded is null)
                {
                    problem = "not valid UTF-16";
                    return null;
                }

                utf8 = decoded;
                break;
        }

        var nul = utf8.AsSpan().IndexOf((byte)0);
        if (nul >= 0)
        {
            problem = $"binary file (NUL byte at offset {nul})";
            return null;
        }

        if (encoding is TextEncoding.Utf8 or TextEncoding.Utf8Bom && !System.Text.Unicode.Utf8.IsValid(utf8))
        {
            problem = $"not valid UTF-8 (at byte offset {InvalidOffset(utf8) + (encoding == TextEncoding.Utf8Bom ? 3 : 0)})";
            return null;
        }

        return new FileText(encoding, utf8);
    }

    /// <summary>Encodes UTF-8 <paramref name="utf8"/> the way this file was stored (with its byte order mark).</summary>
    public byte[] Encode(byte[] utf8)
    {
        switch (Encoding)
        {
            case TextEncoding.Utf8:
                return utf8;
            case TextEncoding.Utf8Bom:
                return [.. Utf8Mark, .. utf8];
            default:
                var bigEndian = Encoding == TextEncoding.Utf16BigEndian;
                var text = System.Text.Encoding.UTF8.GetString(utf8);
                var encoder = bigEndian ? System.Text.Encoding.BigEndianUnicode : System.Text.Encoding.Unicode;
                return [.. encoder.GetPreamble(), .. encoder.GetBytes(text)];
        }
    }

    private static byte[]? DecodeUtf16(ReadOnlySpan<byte> bytes, bool bigEndian)
    {
        if (bytes.Length % 2 != 0)
        {
            return null;
        }

        var chars = new char[bytes.Length / 2];
        for (var i = 0; i < chars.Length; i++)
        {
            chars[i] = (char)(bigEndian ? bytes[2 * i] << 8 | bytes[(2 * i) + 1] : bytes[(2 * i) + 1] << 8 | bytes[2 * i]);
        }

        var utf8 = new byte[chars.Length * 3];
        var status = System.Text.Unicode.Utf8.FromUtf16(chars, utf8, out _, out var written, replaceInvalidSequences: false);
        return status == OperationStatus.Done ? utf8[..written] : null;
    }

    private static int InvalidOffset(ReadOnlySpan<byte> utf8)
    {
        System.Text.Unicode.Utf8.ToUtf16(utf8, new char[utf8.Length], out var read, out _, replaceInvalidSequences: false);
        return read;
    }
}
