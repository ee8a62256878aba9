using System.Text;

namespace Scour.Searching;

/// <summary>Transcodes input in <paramref name="encoding"/> to UTF-8 as it is read; what cannot be decoded becomes U+FFFD.</summary>
internal sealed class TranscodingSource(IByteSource inner, Encoding encoding) : IByteSource
{
    private readonly Decoder _decoder = encoding.GetDecoder();
    private readonly Encoder _encoder = new UTF8Encoding(false, false).GetEncoder();
    private readonly byte[] _raw = new byte[16384];
    // A decoder writes at most a char per byte, plus a few for what the previous read left pending.
    private readonly char[] _chars = new char[16384 + 16];
    private readonly byte[] _pending = new byte[(16384 + 16) * 3];
    private int _pendingStart;
    private int _pendingEnd;
    private bool _done;

    public int Read(Span<byte> destination)
    {
        while (_pendingStart == _pendingEnd)
        {
            if (_done)
            {
                return 0;
            }

            var n = inner.Read(_raw);
            var flush = n == 0;
            _done = flush;
            var charCount = _decoder.GetChars(_raw, 0, n, _chars, 0, flush);
            _pendingStart = 0;
            _pendingEnd = _encoder.GetBytes(_chars, 0, charCount, _pending, 0, flush);
        }

        var count = Math.Min(destination.Length, _pendingEnd - _pendingStart);
        _pending.AsSpan(_pendingStart, count).CopyTo(destination);
        _pendingStart += count;
        return count;
    }
}
