namespace Scour.Searching.Whatwg;

/// <summary>EUC-KR (the standard's, which is Windows code page 949's unified Hangul).</summary>
internal sealed class EucKrDecoder : LeadByteDecoder
{
    private readonly int[] _index = WhatwgIndexes.Get("euc-kr");

    protected override int Single(int b) => IsAscii(b) ? b : b is >= 0x81 and <= 0xFE ? Lead : NoCodePoint;

    protected override int Pair(int lead, int b) =>
        b is >= 0x41 and <= 0xFE ? Lookup(_index, ((lead - 0x81) * 190) + (b - 0x41)) : NoCodePoint;
}
