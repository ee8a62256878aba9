using System.Text;

namespace Scour.Searching.Whatwg;

/// <summary>
/// A decoder that follows the WHATWG Encoding Standard's algorithm for its encoding, byte for byte as
/// rg's encoding_rs does: a byte is handled at a time, a handler may put bytes back in front of the
/// input ("prepend", so an ASCII byte after a broken lead byte is never swallowed), and every error
/// is one U+FFFD. State carries over between calls until a call that flushes.
/// </summary>
internal abstract class WhatwgDecoder : Decoder
{
    /// <summary>The end of the input, handed to <see cref="Handle"/> when a call flushes.</summary>
    protected const int EndOfInput = -1;

    /// <summary>What a lookup gives where the index has nothing: an error when written.</summary>
    protected const int NoCodePoint = -1;

    private const int Replacement = 0xFFFD;
    private byte[] _back = new byte[8];
    private int _backStart;
    private int _backEnd;

    /// <summary>
    /// Handles one byte (or <see cref="EndOfInput"/>), writing what it decodes to. Returns false only
    /// at the end of the input once nothing is pending ("finished").
    /// </summary>
    protected abstract bool Handle(int b, Span<char> output, ref int written);

    /// <summary>True when nothing is pending, so that an ASCII byte now is that character (false: every byte goes to <see cref="Handle"/>).</summary>
    protected virtual bool AtCharacterStart => false;

    /// <summary>Back to the initial state.</summary>
    protected abstract void ResetState();

    /// <summary>Decodes <paramref name="input"/> into <paramref name="output"/>, which holds at least <c>input.Length + 4</c> chars.</summary>
    public virtual int Decode(ReadOnlySpan<byte> input, Span<char> output, bool flush)
    {
        var written = 0;
        var i = 0;
        while (true)
        {
            int b;
            if (_backStart < _backEnd)
            {
                b = _back[_backStart++];
            }
            else if (i < input.Length)
            {
                if (input[i] < 0x80 && AtCharacterStart)
                {
                    // A run of ASCII decodes to itself: widen it at once, vectorized.
                    System.Text.Ascii.ToUtf16(input[i..], output[written..], out var run);
                    (i, written, InputLength) = (i + run, written + run, InputLength + run);
                    continue;
                }

                b = input[i++];
                InputLength++;
            }
            else if (flush)
            {
                if (!Handle(EndOfInput, output, ref written) && _backStart == _backEnd)
                {
                    InputLength = 0; // the next input is another one
                    break;
                }

                continue;
            }
            else
            {
                break;
            }

            Handle(b, output, ref written);
        }

        return written;
    }

    /// <summary>How many bytes of this input have been read so far (until its end).</summary>
    protected long InputLength { get; private set; }

    /// <summary>Puts <paramref name="bytes"/> in front of what is still to be handled.</summary>
    protected void Prepend(ReadOnlySpan<byte> bytes)
    {
        Span<byte> merged = stackalloc byte[16];
        var rest = _backEnd - _backStart;
        bytes.CopyTo(merged);
        _back.AsSpan(_backStart, rest).CopyTo(merged[bytes.Length..]);
        merged[..(bytes.Length + rest)].CopyTo(_back);
        (_backStart, _backEnd) = (0, bytes.Length + rest);
    }

    /// <summary>Puts one byte back (nothing for <see cref="EndOfInput"/>, which comes again anyway).</summary>
    protected void Prepend(int b)
    {
        if (b != EndOfInput)
        {
            Prepend([(byte)b]);
        }
    }

    /// <summary>Writes a code point (<see cref="NoCodePoint"/>: an error, U+FFFD).</summary>
    protected static void Emit(int codePoint, Span<char> output, ref int written)
    {
        if (codePoint < 0)
        {
            codePoint = Replacement;
        }

        if (written + (codePoint < 0x10000 ? 1 : 2) > output.Length)
        {
            throw new ArgumentException("The output char buffer is too small to hold the decoded characters.", nameof(output));
        }

        if (codePoint < 0x10000)
        {
            output[written++] = (char)codePoint;
        }
        else
        {
            output[written++] = (char)(0xD7C0 + (codePoint >> 10));
            output[written++] = (char)(0xDC00 | (codePoint & 0x3FF));
        }
    }

    /// <summary>
    /// Writes the code point a lead byte and <paramref name="b"/> decoded to; where they decoded to
    /// nothing, an error, with <paramref name="b"/> put back when it is ASCII (so it is never swallowed).
    /// </summary>
    protected void EmitOrPutBack(int codePoint, int b, Span<char> output, ref int written)
    {
        if (codePoint < 0 && IsAscii(b))
        {
            Prepend(b);
        }

        Emit(codePoint, output, ref written);
    }

    /// <summary>Writes U+FFFD.</summary>
    protected static void Error(Span<char> output, ref int written) => Emit(Replacement, output, ref written);

    /// <summary>The code point at <paramref name="pointer"/> in <paramref name="index"/>, <see cref="NoCodePoint"/> where there is none (indexes stop at their last entry).</summary>
    protected static int Lookup(int[] index, int pointer) => (uint)pointer < (uint)index.Length && index[pointer] != 0 ? index[pointer] : NoCodePoint;

    /// <summary>True for 0x00-0x7F.</summary>
    protected static bool IsAscii(int b) => b is >= 0 and < 0x80;

    public override void Reset()
    {
        ResetState();
        InputLength = 0;
        (_backStart, _backEnd) = (0, 0);
    }

    public override int GetCharCount(byte[] bytes, int index, int count) => GetCharCount(bytes, index, count, flush: false);

    public override int GetCharCount(byte[] bytes, int index, int count, bool flush) => GetCharCount(bytes.AsSpan(index, count), flush);

    public override int GetCharCount(ReadOnlySpan<byte> bytes, bool flush)
    {
        // Counting must not change the state: decode a copy, a piece at a time.
        var copy = (WhatwgDecoder)MemberwiseClone();
        copy._back = (byte[])_back.Clone();
        var scratch = new char[4096 + 16];
        var total = 0;
        do
        {
            var piece = bytes[..Math.Min(bytes.Length, 4096)];
            bytes = bytes[piece.Length..];
            total += copy.Decode(piece, scratch, flush && bytes.IsEmpty);
        }
        while (!bytes.IsEmpty);
        return total;
    }

    public override int GetChars(byte[] bytes, int byteIndex, int byteCount, char[] chars, int charIndex) =>
        GetChars(bytes, byteIndex, byteCount, chars, charIndex, flush: false);

    public override int GetChars(byte[] bytes, int byteIndex, int byteCount, char[] chars, int charIndex, bool flush) =>
        GetChars(bytes.AsSpan(byteIndex, byteCount), chars.AsSpan(charIndex), flush);

    public override int GetChars(ReadOnlySpan<byte> bytes, Span<char> chars, bool flush) => Decode(bytes, chars, flush);
}
