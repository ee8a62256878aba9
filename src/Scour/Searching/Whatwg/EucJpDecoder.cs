namespace Scour.Searching.Whatwg;

/// <summary>EUC-JP: JIS X 0208 in two bytes, half-width katakana after 0x8E, JIS X 0212 after 0x8F.</summary>
internal sealed class EucJpDecoder : WhatwgDecoder
{
    private readonly int[] _jis0208 = WhatwgIndexes.Get("jis0208");
    private readonly int[] _jis0212 = WhatwgIndexes.Get("jis0212");
    private int _lead;
    private bool _jis0212Next;

    protected override bool Handle(int b, Span<char> output, ref int written)
    {
        if (b == EndOfInput)
        {
            if (_lead == 0)
            {
                return false;
            }

            ResetState();
            Error(output, ref written);
            return true;
        }

        if (_lead == 0x8E && b is >= 0xA1 and <= 0xDF)
        {
            _lead = 0;
            Emit(0xFF61 - 0xA1 + b, output, ref written);
            return true;
        }

        if (_lead == 0x8F && b is >= 0xA1 and <= 0xFE)
        {
            (_jis0212Next, _lead) = (true, b);
            return true;
        }

        if (_lead != 0)
        {
            var lead = _lead;
            _lead = 0;
            var index = _jis0212Next ? _jis0212 : _jis0208;
            var pointer = ((lead - 0xA1) * 94) + b - 0xA1;
            var codePoint = lead is >= 0xA1 and <= 0xFE && b is >= 0xA1 and <= 0xFE ? Lookup(index, pointer) : NoCodePoint;
            _jis0212Next = false;
            EmitOrPutBack(codePoint, b, output, ref written);
            return true;
        }

        if (IsAscii(b))
        {
            Emit(b, output, ref written);
        }
        else if (b is 0x8E or 0x8F or (>= 0xA1 and <= 0xFE))
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

    protected override void ResetState() => (_lead, _jis0212Next) = (0, false);
}
