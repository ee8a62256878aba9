namespace Scour.Searching.Whatwg;

/// <summary>Shift_JIS (Windows code page 932's repertoire as the standard defines it, user-defined area included).</summary>
internal sealed class ShiftJisDecoder : WhatwgDecoder
{
    private readonly int[] _index = WhatwgIndexes.Get("jis0208");
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
            var offset = b < 0x7F ? 0x40 : 0x41;
            var leadOffset = lead < 0xA0 ? 0x81 : 0xC1;
            var pointer = b is (>= 0x40 and <= 0x7E) or (>= 0x80 and <= 0xFC) ? ((lead - leadOffset) * 188) + b - offset : -1;
            var codePoint = pointer is >= 8836 and <= 10715 ? 0xE000 - 8836 + pointer
                : Lookup(_index, pointer);
            if (codePoint < 0 && IsAscii(b))
            {
                Prepend(b);
            }

            Emit(codePoint, output, ref written);
            return true;
        }

        if (IsAscii(b) || b == 0x80)
        {
            Emit(b, output, ref written);
        }
        else if (b is >= 0xA1 and <= 0xDF)
        {
            Emit(0xFF61 - 0xA1 + b, output, ref written);
        }
        else if (b is (>= 0x81 and <= 0x9F) or (>= 0xE0 and <= 0xFC))
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
