namespace Scour.Searching;

/// <summary>
/// ripgrep's default encoding handling: a UTF-8 byte order mark is dropped, and a UTF-16 one (little or
/// big endian) turns the rest of the input into UTF-8; anything else is searched as raw bytes.
/// </summary>
internal static class BomSniffer
{
    public static IByteSource Wrap(IByteSource source)
    {
        Span<byte> head = stackalloc byte[3];
        var n = ReadUpTo(source, head);
        var peeked = head[..n];
        if (peeked.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]))
        {
            return source;
        }

        if (peeked.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xFE]))
        {
            return new Utf16ToUtf8Source(new PrefixedSource(peeked[2..].ToArray(), source), bigEndian: false);
        }

        if (peeked.StartsWith((ReadOnlySpan<byte>)[0xFE, 0xFF]))
        {
            return new Utf16ToUtf8Source(new PrefixedSource(peeked[2..].ToArray(), source), bigEndian: true);
        }

        return n == 0 ? source : new PrefixedSource(peeked.ToArray(), source);
    }

    private static int ReadUpTo(IByteSource source, Span<byte> destination)
    {
        var total = 0;
        while (total < destination.Length)
        {
            var n = source.Read(destination[total..]);
            if (n == 0)
            {
                break;
            }

            total += n;
        }

        return total;
    }

    /// <summary>Serves bytes already read before continuing with the source.</summary>
    private sealed class PrefixedSource(byte[] prefix, IByteSource rest) : IByteSource
    {
        private int _served;

        public int Read(Span<byte> destination)
        {
            if (_served < prefix.Length)
            {
                var n = Math.Min(destination.Length, prefix.Length - _served);
                prefix.AsSpan(_served, n).CopyTo(destination);
                _served += n;
                return n;
            }

            return rest.Read(destination);
        }
    }
}
