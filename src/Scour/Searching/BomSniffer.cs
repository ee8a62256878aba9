using System.Text;

namespace Scour.Searching;

/// <summary>
/// ripgrep's default encoding handling: a UTF-8 byte order mark is dropped, and a UTF-16 one (little or
/// big endian) turns the rest of the input into UTF-8; anything else, the rest after a UTF-8 mark
/// included, is searched as raw bytes (or decoded from a fallback encoding, <c>-E</c>). The mark is looked for in the first read itself, so a
/// file costs no extra read and no allocation unless it has one. One instance per searcher, reused.
/// </summary>
internal sealed class BomSniffer : IByteSource
{
    /// <summary>How many bytes the mark is looked for in (rg's reader hands them over as a read of their own).</summary>
    public const int MarkLength = 3;
    private IByteSource _inner = null!;
    private Encoding? _fallback;
    private bool _sniffed;

    /// <summary>Starts on a new input; returns the source to read it through (this sniffer).</summary>
    public IByteSource Reset(IByteSource source, Encoding? fallback)
    {
        (_inner, _fallback, _sniffed, ServedRaw) = (source, fallback, false, false);
        return this;
    }

    public long LengthHint => _inner.LengthHint;

    /// <summary>True once the first read was handed over as read: no mark, no decoding, no fallback.</summary>
    public bool ServedRaw { get; private set; }

    public int Read(Span<byte> destination)
    {
        if (_sniffed)
        {
            return _inner.Read(destination);
        }

        _sniffed = true;
        Span<byte> small = stackalloc byte[MarkLength];
        var tiny = destination.Length < MarkLength; // (the searcher's tests use buffers of a byte or two)
        var head = tiny ? small : destination;
        var (n, ended) = ReadAtLeast(_inner, head, MarkLength);
        var (encoding, skip) = Detect(head[..n]);
        encoding ??= _fallback; // after a UTF-8 mark too: rg drops the mark and still decodes with -E's encoding
        if (encoding is not null || tiny)
        {
            // As rg's decoding reader, the bytes looked at for a mark are decoded as a read of their own.
            var prefixed = new PrefixedSource(head[skip..n].ToArray(), Math.Max(0, MarkLength - skip), _inner);
            _inner = encoding is null ? prefixed : new TranscodingSource(prefixed, encoding);
            return _inner.Read(destination);
        }

        if (skip > 0)
        {
            destination[skip..n].CopyTo(destination);
            n -= skip;
        }

        ServedRaw = skip == 0;

        // Zero means the end: after a lone mark, read on unless the input has ended.
        return n > 0 || ended ? n : _inner.Read(destination);
    }

    /// <summary>True when a file starting with <paramref name="head"/> is transcoded before it is searched (a UTF-16 BOM).</summary>
    public static bool Transcodes(ReadOnlySpan<byte> head) => Detect(head).Encoding is not null;

    private static (Encoding? Encoding, int Skip) Detect(ReadOnlySpan<byte> head) =>
        head.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]) ? (null, 3)
        : head.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xFE]) ? (new UnicodeEncoding(false, false, false), 2)
        : head.StartsWith((ReadOnlySpan<byte>)[0xFE, 0xFF]) ? (new UnicodeEncoding(true, false, false), 2)
        : (null, 0);

    private static (int Count, bool Ended) ReadAtLeast(IByteSource source, Span<byte> destination, int minimum)
    {
        var total = 0;
        while (total < minimum)
        {
            var n = source.Read(destination[total..]);
            if (n == 0)
            {
                return (total, true);
            }

            total += n;
        }

        return (total, false);
    }

    /// <summary>Serves bytes already read (the first <paramref name="firstRead"/> of them as a read of their own, when not 0) before continuing with the source.</summary>
    private sealed class PrefixedSource(byte[] prefix, int firstRead, IByteSource rest) : IByteSource
    {
        private int _served;

        public int Read(Span<byte> destination)
        {
            if (_served < prefix.Length)
            {
                var upTo = _served < firstRead ? Math.Min(firstRead, prefix.Length) : prefix.Length;
                var n = Math.Min(destination.Length, upTo - _served);
                prefix.AsSpan(_served, n).CopyTo(destination);
                _served += n;
                return n;
            }

            return rest.Read(destination);
        }
    }
}
