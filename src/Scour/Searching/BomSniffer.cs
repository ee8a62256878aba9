using System.Text;

namespace Scour.Searching;

/// <summary>
/// ripgrep's default encoding handling: a UTF-8 byte order mark is dropped, and a UTF-16 one (little or
/// big endian) turns the rest of the input into UTF-8; anything else is searched as raw bytes.
/// </summary>
internal static class BomSniffer
{
    /// <summary>Wraps <paramref name="source"/>; without a byte order mark, <paramref name="fallback"/> (if any) decodes it.</summary>
    public static IByteSource Wrap(IByteSource source, Encoding? fallback = null)
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
            return new TranscodingSource(new PrefixedSource(peeked[2..].ToArray(), source), new UnicodeEncoding(false, false, false));
        }

        if (peeked.StartsWith((ReadOnlySpan<byte>)[0xFE, 0xFF]))
        {
            return new TranscodingSource(new PrefixedSource(peeked[2..].ToArray(), source), new UnicodeEncoding(true, false, false));
        }

        var rest = n == 0 ? source : new PrefixedSource(peeked.ToArray(), source);
        return fallback is null ? rest : new TranscodingSource(rest, fallback);
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
