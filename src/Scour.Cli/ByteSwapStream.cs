using Scour.Searching;

namespace Scour.Cli;

/// <summary>
/// Standard output for <c>--null-data</c>: the printers worked on records with NUL and <c>\n</c>
/// exchanged, so everything written is exchanged back (record terminators become NUL, as in rg).
/// </summary>
internal sealed class ByteSwapStream(Stream inner) : WriteOnlyStream
{
    private byte[] _scratch = new byte[64 * 1024];

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

    public override void Flush() => inner.Flush();

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            inner.Dispose();
        }

        base.Dispose(disposing);
    }
}
