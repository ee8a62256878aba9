using System.Runtime.InteropServices;

namespace Scour.Walking;

/// <summary>
/// What a path is, from <c>stat(2)</c>. .NET reports FIFOs, sockets and devices as ordinary files, but
/// opening a FIFO blocks forever, so the walker (like ripgrep) searches regular files only.
/// </summary>
internal static partial class FileKind
{
    private const int S_IFMT = 0xF000;
    private const int S_IFREG = 0x8000;

    // struct stat is 144 bytes on x86-64 and 128 on arm64; st_mode sits at offset 24 and 16.
    private static readonly int ModeOffset = RuntimeInformation.ProcessArchitecture == Architecture.Arm64 ? 16 : 24;

    [LibraryImport("libc", EntryPoint = "stat", StringMarshalling = StringMarshalling.Utf8, SetLastError = true)]
    private static unsafe partial int Stat(string path, byte* buffer);

    /// <summary>True for a regular file (following links); true as well where stat is not available.</summary>
    public static unsafe bool IsRegularFile(string path)
    {
        if (!OperatingSystem.IsLinux() || RuntimeInformation.ProcessArchitecture is not (Architecture.X64 or Architecture.Arm64))
        {
            return true;
        }

        var buffer = stackalloc byte[256];
        if (Stat(path, buffer) != 0)
        {
            return false;
        }

        var mode = *(int*)(buffer + ModeOffset);
        return (mode & S_IFMT) == S_IFREG;
    }
}
