using System.Runtime.InteropServices;
using System.Runtime.InteropServices.Marshalling;

namespace Scour.Walking;

/// <summary>
/// What a path is, from <c>stat(2)</c>. .NET reports FIFOs, sockets and devices as ordinary files, but
/// opening a FIFO blocks forever, so the walker (like ripgrep) searches regular files only.
/// </summary>
internal static partial class FileKind
{
    private const int S_IFMT = 0xF000;
    private const int S_IFREG = 0x8000;
    private const int S_IFDIR = 0x4000;

    // st_size is at offset 48 in both layouts.
    private const int SizeOffset = 48;

    // struct stat is 144 bytes on x86-64 and 128 on arm64; st_mode sits at offset 24 and 16.
    private static readonly int ModeOffset = RuntimeInformation.ProcessArchitecture == Architecture.Arm64 ? 16 : 24;

    [LibraryImport("libc", EntryPoint = "stat", SetLastError = true)]
    private static unsafe partial int Stat([MarshalUsing(typeof(PathMarshaller))] string path, byte* buffer);

    /// <summary>True for a regular file (following links); true as well where stat is not available.</summary>
    public static bool IsRegularFile(string path) => !Supported || (Mode(path, out _) is { } mode && (mode & S_IFMT) == S_IFREG);

    /// <summary>True for a directory (following links).</summary>
    public static bool IsDirectory(string path) => Supported ? Mode(path, out _) is { } mode && (mode & S_IFMT) == S_IFDIR : Directory.Exists(path);

    /// <summary>The size of a file in bytes (following links), 0 if it cannot be read; works for any file name.</summary>
    public static long Size(string path)
    {
        if (!Supported)
        {
            var info = new FileInfo(path);
            return info.Exists ? info.Length : 0;
        }

        return Mode(path, out var size) is null ? 0 : size;
    }

    /// <summary>
    /// Why <c>stat(2)</c> fails on <paramref name="path"/> (following links), described as rg does, e.g.
    /// <c>Not a directory (os error 20)</c> for <c>file/x</c>; "No such file or directory" where stat is
    /// not available or succeeds.
    /// </summary>
    public static unsafe string StatFailure(string path)
    {
        const int NoSuchFile = 2;
        var buffer = stackalloc byte[256];
        var errno = Supported && Stat(path, buffer) != 0 ? Marshal.GetLastPInvokeError() : NoSuchFile;
        return IoErrorText.FromErrno(errno, $"os error {errno}");
    }

    private static bool Supported => Searching.NativeFile.Available; // Linux on x86-64 or arm64, where the layout above holds

    private static unsafe int? Mode(string path, out long size)
    {
        var buffer = stackalloc byte[256];
        if (Stat(path, buffer) != 0)
        {
            size = 0;
            return null;
        }

        size = *(long*)(buffer + SizeOffset);
        return *(int*)(buffer + ModeOffset);
    }
}
