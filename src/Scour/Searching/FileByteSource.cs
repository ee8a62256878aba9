using System.Runtime.InteropServices;
using Microsoft.Win32.SafeHandles;

namespace Scour.Searching;

/// <summary>
/// Reads an open file front to back. On Linux it calls <c>read(2)</c> directly: positional reads
/// through <see cref="RandomAccess"/> on a handle from <see cref="NativeFile"/> cost an extra
/// <c>lseek</c> per file to learn whether the file can seek. A search worker keeps one instance and
/// attaches each file's bare descriptor to it, so a file costs no objects of its own.
/// </summary>
internal sealed partial class FileByteSource : IByteSource
{
    private const int EINTR = 4;
    private SafeFileHandle? _handle;
    private int _fd = -1;
    private long _offset;

    /// <summary>A source to <see cref="Attach"/> descriptors to.</summary>
    public FileByteSource()
    {
    }

    /// <summary>A source reading <paramref name="handle"/> (which the caller disposes).</summary>
    public FileByteSource(SafeFileHandle handle) => _handle = handle;

    [LibraryImport("libc", EntryPoint = "read", SetLastError = true)]
    private static unsafe partial nint ReadNative(int fd, byte* buffer, nint count);

    /// <summary>Reads <paramref name="fd"/> (from <see cref="NativeFile.OpenDescriptor"/>) until <see cref="Close"/>.</summary>
    public void Attach(int fd)
    {
        (_fd, _handle, _offset) = (fd, null, 0);
    }

    /// <summary>Closes the attached descriptor, if any.</summary>
    public void Close()
    {
        if (_fd >= 0)
        {
            _ = NativeFile.Close(_fd);
            _fd = -1;
        }
    }

    public int Read(Span<byte> destination)
    {
        if (_fd >= 0)
        {
            return ReadDescriptor(_fd, destination);
        }

        var handle = _handle ?? throw new InvalidOperationException("no file attached");
        if (!NativeFile.Available)
        {
            var n = RandomAccess.Read(handle, destination, _offset);
            _offset += n;
            return n;
        }

        var added = false;
        try
        {
            handle.DangerousAddRef(ref added);
            return ReadDescriptor((int)handle.DangerousGetHandle(), destination);
        }
        finally
        {
            if (added)
            {
                handle.DangerousRelease();
            }
        }
    }

    private static unsafe int ReadDescriptor(int fd, Span<byte> destination)
    {
        fixed (byte* p = destination)
        {
            while (true)
            {
                var n = ReadNative(fd, p, destination.Length);
                if (n >= 0)
                {
                    return (int)n;
                }

                var errno = Marshal.GetLastPInvokeError();
                if (errno != EINTR)
                {
                    throw new IOException(errno == 21 ? "Is a directory (os error 21)" : $"read failed (os error {errno})", errno);
                }
            }
        }
    }
}
