namespace Scour.Searching.Whatwg;

/// <summary>Big5 (with the HKSCS extensions of the standard's index); four pointers decode to two code points each.</summary>
internal sealed class Big5Decoder : WhatwgDecoder
{
    private readonly int[] _index = WhatwgIndexes.Get("big5");
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
            var offset = b < 0x7F ? 0x40 : 0x62;
            var pointer = b is (>= 0x40 and <= 0x7E) or (>= 0xA1 and <= 0xFE) ? ((lead - 0x81) * 157) + (b - offset) : -1;
            var pair = pointer switch { 1133 => 0x00CA0304, 1135 => 0x00CA030C, 1164 => 0x00EA0304, 1166 => 0x00EA030C, _ => 0 };
            if (pair != 0)
            {
                Emit(pair >> 16, output, ref written);
                Emit(pair & 0xFFFF, output, ref written);
                return true;
            }

            var codePoint = Lookup(_index, pointer);
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
