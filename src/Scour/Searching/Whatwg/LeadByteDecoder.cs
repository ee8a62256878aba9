namespace Scour.Searching.Whatwg;

/// <summary>
/// The shape Shift_JIS, Big5 and EUC-KR share: a byte is a character by itself or the lead of a pair,
/// and a trail byte that does not complete the pair is an error (put back when it is ASCII).
/// </summary>
internal abstract class LeadByteDecoder : WhatwgDecoder
{
    /// <summary>What <see cref="Single"/> returns for a lead byte.</summary>
    protected const int Lead = -2;

    private int _lead;

    /// <summary>The code point of the byte <paramref name="b"/> outside a pair, <see cref="Lead"/>, or <see cref="WhatwgDecoder.NoCodePoint"/>.</summary>
    protected abstract int Single(int b);

    /// <summary>The code point of the pair (above U+10FFFF: two BMP code points, high and low 16 bits), or <see cref="WhatwgDecoder.NoCodePoint"/>.</summary>
    protected abstract int Pair(int lead, int b);

    protected override bool AtCharacterStart => _lead == 0;

    protected override bool Handle(int b, Span<char> output, ref int written)
    {
        if (b == EndOfInput)
        {
            // The standard makes a lead byte left at the end an error. rg's decoder for these three
            // encodings (not GBK's or EUC-JP's) loses it when the read that brought it decoded something
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
            var codePoint = Pair(_lead, b);
            _lead = 0;
            if (codePoint > 0x10FFFF)
            {
                Emit(codePoint >> 16, output, ref written);
                Emit(codePoint & 0xFFFF, output, ref written);
            }
            else
            {
                EmitOrPutBack(codePoint, b, output, ref written);
            }

            return true;
        }

        var single = Single(b);
        if (single == Lead)
        {
            _lead = b;
        }
        else
        {
            Emit(single, output, ref written);
        }

        return true;
    }

    protected override void ResetState() => _lead = 0;
}
