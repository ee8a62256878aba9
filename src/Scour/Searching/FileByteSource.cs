using System.Runtime.InteropServices;
using Microsoft.Win32.SafeHandles;

namespace Scour.Searching;

/// <summary>
/// Reads an open file front to back. On Linux it calls <c>read(2)</c> directly: positional reads
/// through <see cref="RandomAccess"/> on a handle from <see cref="NativeFile"/> cost an extra
/// <c>lseek</c> per file to learn whether the file can seek.
/// </summary>
internal sealed partial class FileByteSource(SafeFileHandle handle) : IByteSource
{
    private const int EINTR = 4;
    private long _offset;

    [LibraryImport("libc", EntryPoint = "read", SetLastError = true)]
    private static unsafe partial nint ReadNative(int fd, byte* buffer, nint count);

    public unsafe int Read(Span<byte> destination)
    {
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
            var fd = (int)handle.DangerousGetHandle();
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
        finally
        {
            if (added)
            {
                handle.DangerousRelease();
            }
        }
    }
}
