namespace Scour.Searching.Whatwg;

/// <summary>Shift_JIS (Windows code page 932's repertoire as the standard defines it, user-defined area included).</summary>
internal sealed class ShiftJisDecoder : LeadByteDecoder
{
    private readonly int[] _index = WhatwgIndexes.Get("jis0208");

    protected override int Single(int b) =>
        IsAscii(b) || b == 0x80 ? b
        : b is >= 0xA1 and <= 0xDF ? 0xFF61 - 0xA1 + b
        : b is (>= 0x81 and <= 0x9F) or (>= 0xE0 and <= 0xFC) ? Lead
        : NoCodePoint;

    protected override int Pair(int lead, int b)
    {
        var offset = b < 0x7F ? 0x40 : 0x41;
        var leadOffset = lead < 0xA0 ? 0x81 : 0xC1;
        var pointer = b is (>= 0x40 and <= 0x7E) or (>= 0x80 and <= 0xFC) ? ((lead - leadOffset) * 188) + b - offset : -1;
        return pointer is >= 8836 and <= 10715 ? 0xE000 - 8836 + pointer : Lookup(_index, pointer);
    }
}
