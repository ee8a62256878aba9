namespace Scour.Searching.Whatwg;

/// <summary>EUC-KR (the standard's, which is Windows code page 949's unified Hangul).</summary>
internal sealed class EucKrDecoder : WhatwgDecoder
{
    private readonly int[] _index = WhatwgIndexes.Get("euc-kr");
    private int _lead;

    protected override bool Handle(int b, Span<char> output, ref int written)
    {
        if (b == EndOfInput)
        {
            // The standard makes a lead byte left at the end an error. rg's decoder for Shift_JIS, Big5
            // and EUC-KR (not GBK's or EUC-JP's) loses it when the read that brought it decoded something
            // else too; rg reads a file's first three bytes (looking for a BOM) apart from the rest, so
            // in a file of rg's read size or less the lead is kept only when it is alone in its read.
            var lost = _lead == 0 || InputLength is not (1 or 4);
            _lead = 0;
            if (lost)
            {
                return false;
            }

            Error(output, ref written);
            return true;
        }

        if (_lead != 0)
        {
            var lead = _lead;
            _lead = 0;
            var codePoint = b is >= 0x41 and <= 0xFE ? Lookup(_index, ((lead - 0x81) * 190) + (b - 0x41)) : NoCodePoint;
            if (codePoint < 0 && IsAscii(b))
            {
                Prepend(b);
            }

            Emit(codePoint, output, ref written);
            return true;
        }

        if (IsAscii(b))
        {
            Emit(b, output, ref written);
        }
        else if (b is >= 0x81 and <= 0xFE)
        {
            _lead = b;
        }
        else
        {
            Error(output, ref written);
        }

        return true;
    }

    protected override bool AtCharacterStart => _lead == 0;

    protected override void ResetState() => _lead = 0;
}
