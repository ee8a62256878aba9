using System.Text;

namespace Scour.Searching.Whatwg;

/// <summary>
/// An encoding of the WHATWG Encoding Standard whose decoding is the standard's (and rg's) rather than
/// .NET's code page's: the two disagree on invalid and unassigned bytes (a broken lead byte swallows
/// the newline after it in .NET's Shift_JIS, GBK and EUC-KR) and on a few mappings (macintosh 0xBD,
/// x-mac-cyrillic, windows-874, ISO-8859-8-I). Encoding, which a search never does, is the .NET code
/// page's where there is one.
/// </summary>
internal sealed class WhatwgEncoding(string name, Func<WhatwgDecoder> decoder, Encoding? encoder) : Encoding
{
    public override string WebName => name;

    public override string EncodingName => name;

    public override Decoder GetDecoder() => decoder();

    public override int GetCharCount(byte[] bytes, int index, int count) => decoder().GetCharCount(bytes, index, count, flush: true);

    public override int GetChars(byte[] bytes, int byteIndex, int byteCount, char[] chars, int charIndex) =>
        decoder().GetChars(bytes, byteIndex, byteCount, chars, charIndex, flush: true);

    // At most one char per byte, a surrogate pair per two, and an error for what a previous call left pending.
    public override int GetMaxCharCount(int byteCount) => byteCount + 4;

    public override int GetByteCount(char[] chars, int index, int count) => Encoder.GetByteCount(chars, index, count);

    public override int GetBytes(char[] chars, int charIndex, int charCount, byte[] bytes, int byteIndex) =>
        Encoder.GetBytes(chars, charIndex, charCount, bytes, byteIndex);

    public override int GetMaxByteCount(int charCount) => encoder?.GetMaxByteCount(charCount) ?? (charCount + 1) * 4;

    private Encoding Encoder => encoder ?? throw new NotSupportedException($"{name} can be decoded but not encoded");
}
