using System.Runtime.InteropServices;
using Microsoft.Win32.SafeHandles;

namespace Scour.Searching;

/// <summary>
/// Reads one file at a time front to back; a search worker keeps one instance and opens each file
/// through it, so a file costs no objects of its own. On Linux it holds a bare descriptor and calls
/// <c>read(2)</c> directly (positional reads through <see cref="RandomAccess"/> cost an extra
/// <c>lseek</c> per file to learn whether the file can seek); elsewhere a handle and
/// <see cref="RandomAccess"/>.
/// </summary>
internal sealed partial class FileByteSource : IByteSource
{
    private const int EINTR = 4;
    private int _fd = -1;
    private SafeFileHandle? _handle;
    private long _offset;

    [LibraryImport("libc", EntryPoint = "read", SetLastError = true)]
    private static unsafe partial nint ReadNative(int fd, byte* buffer, nint count);

    /// <summary>Opens <paramref name="path"/> (closing any file still open); throws as <see cref="NativeFile.OpenRead"/>.</summary>
    public void Open(string path)
    {
        Close();
        if (NativeFile.Available)
        {
            _fd = NativeFile.OpenDescriptor(path);
        }
        else
        {
            _handle = NativeFile.OpenRead(path);
            _offset = 0;
        }
    }

    /// <summary>Closes the open file, if any.</summary>
    public void Close()
    {
        if (_fd >= 0)
        {
            _ = NativeFile.Close(_fd);
            _fd = -1;
        }

        _handle?.Dispose();
        _handle = null;
    }

    public long LengthHint
    {
        get
        {
            try
            {
                using var handle = _fd >= 0 ? new SafeFileHandle(_fd, ownsHandle: false) : null;
                var file = handle ?? _handle;
                return file is null ? -1 : RandomAccess.GetLength(file);
            }
            catch (IOException)
            {
                return -1;
            }
        }
    }

    public unsafe int Read(Span<byte> destination)
    {
        if (_fd < 0)
        {
            var n = RandomAccess.Read(_handle ?? throw new InvalidOperationException("no file is open"), destination, _offset);
            _offset += n;
            return n;
        }

        fixed (byte* p = destination)
        {
            while (true)
            {
                var n = ReadNative(_fd, p, destination.Length);
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
