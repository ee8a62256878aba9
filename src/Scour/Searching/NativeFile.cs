using System.Runtime.InteropServices;
using System.Runtime.InteropServices.Marshalling;
using Microsoft.Win32.SafeHandles;
using Scour.Walking;

namespace Scour.Searching;

/// <summary>
/// Opens files for reading with one <c>open(2)</c>. <see cref="File.OpenHandle"/> adds a <c>getcwd</c>
/// for relative paths and an <c>fstat</c> per file, which a search over tens of thousands of files
/// feels; directories and special files never reach here (the walker filters them).
/// </summary>
internal static partial class NativeFile
{
    private const int O_RDONLY = 0;
    private const int O_CLOEXEC = 0x80000;
    private const int O_DIRECTORY = 0x10000;
    private const int O_NOFOLLOW = 0x20000;
    private const int O_PATH = 0x200000;

    internal static readonly bool Available = OperatingSystem.IsLinux() &&
        RuntimeInformation.ProcessArchitecture is Architecture.X64 or Architecture.Arm64;

    [LibraryImport("libc", EntryPoint = "open", SetLastError = true)]
    private static partial int Open([MarshalUsing(typeof(PathMarshaller))] string path, int flags);

    [LibraryImport("libc", EntryPoint = "close")]
    internal static partial int Close(int fd);

    /// <summary>
    /// A descriptor for the directory <paramref name="path"/> that can only name the entries in it
    /// (<c>O_PATH</c>, so no read permission is needed; not through a link), or -1.
    /// </summary>
    public static int OpenDirectoryPath(string path) => Open(path, O_PATH | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC);

    /// <summary>Opens <paramref name="path"/> for reading; throws the exception File.OpenHandle would.</summary>
    public static SafeFileHandle OpenRead(string path)
    {
        if (!Available)
        {
            return File.OpenHandle(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
        }

        return new SafeFileHandle(OpenDescriptor(path), ownsHandle: true);
    }

    /// <summary>
    /// Opens <paramref name="path"/> for reading as a bare descriptor (only where <see cref="Available"/>),
    /// for callers that close it themselves: no handle object per file. Throws as <see cref="OpenRead"/>.
    /// </summary>
    public static int OpenDescriptor(string path)
    {
        var fd = Open(path, O_RDONLY | O_CLOEXEC);
        if (fd < 0)
        {
            var errno = Marshal.GetLastPInvokeError();
            throw errno switch
            {
                2 => new FileNotFoundException(null, path),
                13 or 1 => new UnauthorizedAccessException(path),
                20 => new DirectoryNotFoundException(path),
                _ => new IOException($"cannot open {path}", errno),
            };
        }

        return fd;
    }
}
