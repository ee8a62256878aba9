namespace Scour.Searching.Whatwg;

/// <summary>Big5 (with the HKSCS extensions of the standard's index); four pointers decode to two code points each.</summary>
internal sealed class Big5Decoder : LeadByteDecoder
{
    private readonly int[] _index = WhatwgIndexes.Get("big5");

    protected override int Single(int b) => IsAscii(b) ? b : b is >= 0x81 and <= 0xFE ? Lead : NoCodePoint;

    protected override int Pair(int lead, int b)
    {
        var offset = b < 0x7F ? 0x40 : 0x62;
        var pointer = b is (>= 0x40 and <= 0x7E) or (>= 0xA1 and <= 0xFE) ? ((lead - 0x81) * 157) + (b - offset) : -1;
        return pointer switch
        {
            1133 => 0x00CA0304,
            1135 => 0x00CA030C,
            1164 => 0x00EA0304,
            1166 => 0x00EA030C,
            _ => Lookup(_index, pointer),
        };
    }
}
