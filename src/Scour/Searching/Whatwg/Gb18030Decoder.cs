namespace Scour.Searching.Whatwg;

/// <summary>gb18030 (and GBK, whose decoder is the same): one, two or four bytes.</summary>
internal sealed class Gb18030Decoder : WhatwgDecoder
{
    private readonly int[] _index = WhatwgIndexes.Get("gb18030");
    private readonly int[] _ranges = WhatwgIndexes.Get("gb18030-ranges"); // pointer, code point, pointer, code point...
    private int _first;
    private int _second;
    private int _third;

    protected override bool Handle(int b, Span<char> output, ref int written)
    {
        if (b == EndOfInput)
        {
            if (_first == 0 && _second == 0 && _third == 0)
            {
                return false;
            }

            ResetState();
            Error(output, ref written);
            return true;
        }

        if (_third != 0)
        {
            if (b is < 0x30 or > 0x39)
            {
                Prepend([(byte)_second, (byte)_third, (byte)b]);
                ResetState();
                Error(output, ref written);
                return true;
            }

            var pointer = ((_first - 0x81) * 12600) + ((_second - 0x30) * 1260) + ((_third - 0x81) * 10) + b - 0x30;
            ResetState();
            Emit(RangesCodePoint(pointer), output, ref written);
            return true;
        }

        if (_second != 0)
        {
            if (b is >= 0x81 and <= 0xFE)
            {
                _third = b;
                return true;
            }

            Prepend([(byte)_second, (byte)b]);
            (_first, _second) = (0, 0);
            Error(output, ref written);
            return true;
        }

        if (_first != 0)
        {
            if (b is >= 0x30 and <= 0x39)
            {
                _second = b;
                return true;
            }

            var lead = _first;
            _first = 0;
            var offset = b < 0x7F ? 0x40 : 0x41;
            var codePoint = b is (>= 0x40 and <= 0x7E) or (>= 0x80 and <= 0xFE) ? Lookup(_index, ((lead - 0x81) * 190) + (b - offset)) : NoCodePoint;
            EmitOrPutBack(codePoint, b, output, ref written);
            return true;
        }

        if (IsAscii(b))
        {
            Emit(b, output, ref written);
        }
        else if (b == 0x80)
        {
            Emit(0x20AC, output, ref written);
        }
        else if (b is >= 0x81 and <= 0xFE)
        {
            _first = b;
        }
        else
        {
            Error(output, ref written);
        }

        return true;
    }

    private int RangesCodePoint(int pointer)
    {
        if ((pointer > 39419 && pointer < 189000) || pointer > 1237575)
        {
            return NoCodePoint;
        }

        if (pointer == 7457)
        {
            return 0xE7C7;
        }

        // The last range starting at or below the pointer.
        int low = 0, high = (_ranges.Length / 2) - 1;
        while (low < high)
        {
            var middle = (low + high + 1) / 2;
            if (_ranges[2 * middle] <= pointer)
            {
                low = middle;
            }
            else
            {
                high = middle - 1;
            }
        }

        return _ranges[(2 * low) + 1] + pointer - _ranges[2 * low];
    }

    protected override bool AtCharacterStart => _first == 0;

    protected override void ResetState() => (_first, _second, _third) = (0, 0, 0);
}
