namespace Scour.Searching.Whatwg;

/// <summary>A single-byte encoding: ASCII as is, 0x80-0xFF through the encoding's index (x-user-defined: U+F780 + byte - 0x80).</summary>
internal sealed class SingleByteDecoder(int[] upper) : WhatwgDecoder
{
    /// <summary>x-user-defined's upper half, which the standard defines by formula rather than by index.</summary>
    public static int[] UserDefined { get; } = [.. Enumerable.Range(0xF780, 128)];

    // No state and no byte is ever put back: one pass over the input instead of the per-byte handler
    // (which says the same, byte by byte).
    public override int Decode(ReadOnlySpan<byte> input, Span<char> output, bool flush)
    {
        if (output.Length < input.Length)
        {
            throw new ArgumentException("The output char buffer is too small to hold the decoded characters.", nameof(output));
        }

        for (var i = 0; i < input.Length; i++)
        {
            var b = input[i];
            output[i] = b < 0x80 ? (char)b : upper[b - 0x80] is > 0 and var c ? (char)c : '\uFFFD';
        }

        return input.Length;
    }

    protected override bool Handle(int b, Span<char> output, ref int written)
    {
        if (b == EndOfInput)
        {
            return false;
        }

        Emit(b < 0x80 ? b : upper[b - 0x80] is > 0 and var c ? c : NoCodePoint, output, ref written);
        return true;
    }

    protected override void ResetState()
    {
    }
}
