using Microsoft.Win32.SafeHandles;

namespace Scour.Searching;

/// <summary>Reads an open file with positional reads (no stream object, no extra buffering).</summary>
internal sealed class FileByteSource(SafeFileHandle handle) : IByteSource
{
    private long _offset;

    public int Read(Span<byte> destination)
    {
        var n = RandomAccess.Read(handle, destination, _offset);
        _offset += n;
        return n;
    }
}
