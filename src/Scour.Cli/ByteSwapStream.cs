using Scour.Searching;

namespace Scour.Cli;

/// <summary>
/// Standard output for <c>--null-data</c>: the printers worked on records with NUL and <c>\n</c>
/// exchanged, so everything written is exchanged back (record terminators become NUL, as in rg).
/// </summary>
internal sealed class ByteSwapStream(Stream inner) : Stream
{
    private byte[] _scratch = new byte[64 * 1024];

    public override bool CanRead => false;

    public override bool CanSeek => false;

    public override bool CanWrite => true;

    public override long Length => throw new NotSupportedException();

    public override long Position
    {
        get => throw new NotSupportedException();
        set => throw new NotSupportedException();
    }

    public override void Write(ReadOnlySpan<byte> buffer)
    {
        if (_scratch.Length < buffer.Length)
        {
            _scratch = new byte[buffer.Length];
        }

        var copy = _scratch.AsSpan(0, buffer.Length);
        buffer.CopyTo(copy);
        ByteSwapSource.Swap(copy);
        inner.Write(copy);
    }

    public override void Write(byte[] buffer, int offset, int count) => Write(buffer.AsSpan(offset, count));

    public override void Flush() => inner.Flush();

    public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            inner.Dispose();
        }

        base.Dispose(disposing);
    }
}
