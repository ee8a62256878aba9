namespace Scour.Searching;

/// <summary>Exchanges two byte values as input is read (<c>--null-data</c>: NUL and <c>\n</c>).</summary>
internal sealed class ByteSwapSource(IByteSource inner, byte a = 0, byte b = (byte)'\n') : IByteSource
{
    public long LengthHint => inner.LengthHint;

    public int Read(Span<byte> destination)
    {
        var n = inner.Read(destination);
        Swap(destination[..n], a, b);
        return n;
    }

    /// <summary>Exchanges <paramref name="a"/> and <paramref name="b"/> in place.</summary>
    public static void Swap(Span<byte> bytes, byte a = 0, byte b = (byte)'\n')
    {
        for (var i = bytes.IndexOfAny(a, b); i >= 0; i = NextIndex(bytes, i + 1, a, b))
        {
            bytes[i] = bytes[i] == a ? b : a;
        }
    }

    private static int NextIndex(Span<byte> bytes, int from, byte a, byte b)
    {
        var i = bytes[from..].IndexOfAny(a, b);
        return i < 0 ? -1 : from + i;
    }
}
