using System.Buffers;

namespace Scour.Matching;

/// <summary>
/// A region of UTF-8 bytes decoded once to UTF-16 (see <see cref="Utf8Text"/>), with offset mapping in
/// both directions. Mapping walks from a cursor that only moves forward in the common case, so a scan
/// over the region costs linear time in total.
/// </summary>
internal sealed class DecodedRegion : IDisposable
{
    private char[] _chars = ArrayPool<char>.Shared.Rent(4096);
    private int _length;
    private bool _isAscii;
    private int _cursorByte;
    private int _cursorChar;

    public ReadOnlySpan<char> Chars => _chars.AsSpan(0, _length);

    /// <summary>What the region holds beyond the BMP.</summary>
    public TextForm Form { get; private set; }

    /// <summary>True if every byte of the region is ASCII.</summary>
    public bool IsAscii => _isAscii;

    /// <summary>Decodes <paramref name="region"/>; offsets below are relative to its start.</summary>
    public void Decode(ReadOnlySpan<byte> region)
    {
        _length = Utf8Text.Decode(region, ref _chars);
        _isAscii = System.Text.Ascii.IsValid(region);
        Form = _isAscii ? TextForm.Bmp : Utf8Text.FormOf(Chars);
        _cursorByte = 0;
        _cursorChar = 0;
    }

    /// <summary>The char index where the character starting at byte <paramref name="byteOffset"/> begins.</summary>
    public int CharIndexOf(int byteOffset)
    {
        if (_isAscii)
        {
            return byteOffset;
        }

        if (byteOffset < _cursorByte)
        {
            _cursorByte = 0;
            _cursorChar = 0;
        }

        var chars = Chars;
        while (_cursorByte < byteOffset && _cursorChar < chars.Length)
        {
            _cursorByte += Utf8Text.Width(chars, _cursorChar, out var units);
            _cursorChar += units;
        }

        return _cursorChar;
    }

    /// <summary>The byte offset of char index <paramref name="charIndex"/>.</summary>
    public int ByteOffsetOf(int charIndex)
    {
        if (_isAscii)
        {
            return charIndex;
        }

        if (charIndex < _cursorChar)
        {
            _cursorByte = 0;
            _cursorChar = 0;
        }

        _cursorByte += Utf8Text.ByteCount(Chars[_cursorChar..charIndex]);
        _cursorChar = charIndex;
        return _cursorByte;
    }

    public void Dispose()
    {
        ArrayPool<char>.Shared.Return(_chars);
        _chars = [];
    }
}
