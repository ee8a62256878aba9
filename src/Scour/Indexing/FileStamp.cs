using System.Runtime.InteropServices;
using System.Runtime.InteropServices.Marshalling;
using Scour.Walking;

namespace Scour.Indexing;

/// <summary>
/// What the index remembers of a file or directory to tell whether it changed, from <c>statx(2)</c>
/// without following links: identity (device, inode), size, and modification and status-change times
/// in nanoseconds. The status-change time is set by the kernel alone, so tools that restore an old
/// modification time (<c>touch -r</c>, <c>cp -p</c>, <c>tar -x</c>) still show as a change.
/// </summary>
internal readonly partial record struct FileStamp(ulong Device, ulong Inode, long Size, long ModifiedNs, long ChangedNs, ushort Mode, uint Links = 1)
{
    private const int AT_FDCWD = -100;
    private const int AT_SYMLINK_NOFOLLOW = 0x100;
    private const int AT_EMPTY_PATH = 0x1000;
    private const int STATX_BASIC_STATS = 0x7FF;
    private const ushort TypeMask = 0xF000;

    /// <summary>True where the native calls exist (Linux); the index is not used elsewhere.</summary>
    public static bool Supported => Searching.NativeFile.Available;

    /// <summary>A regular file.</summary>
    public bool IsFile => (Mode & TypeMask) == 0x8000;

    /// <summary>A directory.</summary>
    public bool IsDirectory => (Mode & TypeMask) == 0x4000;

    /// <summary>The later of the two times: what the racy rule compares with the index's time.</summary>
    public long LatestNs => Math.Max(ModifiedNs, ChangedNs);

    [LibraryImport("libc", EntryPoint = "statx", SetLastError = true)]
    private static unsafe partial int StatX(int dirfd, [MarshalUsing(typeof(PathMarshaller))] string path, int flags, int mask, byte* buffer);

    [LibraryImport("libc", EntryPoint = "statx", SetLastError = true)]
    private static unsafe partial int StatX(int dirfd, byte* path, int flags, int mask, byte* buffer);

    /// <summary>The stamp of <paramref name="path"/> itself (a link is not followed), or null if it cannot be read.</summary>
    public static unsafe FileStamp? Of(string path)
    {
        var buffer = stackalloc byte[256];
        return StatX(AT_FDCWD, path, AT_SYMLINK_NOFOLLOW, STATX_BASIC_STATS, buffer) == 0 ? From(buffer) : null;
    }

    /// <summary>The stamp of the file open as <paramref name="fd"/>, or null.</summary>
    public static unsafe FileStamp? Of(int fd)
    {
        var buffer = stackalloc byte[256];
        byte empty = 0;
        return StatX(fd, &empty, AT_EMPTY_PATH, STATX_BASIC_STATS, buffer) == 0 ? From(buffer) : null;
    }

    /// <summary>The stamp of <paramref name="name"/> (NUL-terminated bytes) in the directory open as <paramref name="dirfd"/>, or null.</summary>
    public static unsafe FileStamp? Of(int dirfd, ReadOnlySpan<byte> name)
    {
        var buffer = stackalloc byte[256];
        fixed (byte* p = name)
        {
            return StatX(dirfd, p, AT_SYMLINK_NOFOLLOW, STATX_BASIC_STATS, buffer) == 0 ? From(buffer) : null;
        }
    }

    // struct statx: the layout is the same on every Linux architecture.
    private static unsafe FileStamp From(byte* b) => new(
        Device: ((ulong)*(uint*)(b + 136) << 32) | *(uint*)(b + 140),
        Inode: *(ulong*)(b + 32),
        Size: *(long*)(b + 40),
        ModifiedNs: (*(long*)(b + 112) * 1_000_000_000) + *(uint*)(b + 120),
        ChangedNs: (*(long*)(b + 96) * 1_000_000_000) + *(uint*)(b + 104),
        Mode: *(ushort*)(b + 28),
        Links: *(uint*)(b + 16));
}

/// <summary>A directory opened only to stamp the entries in it by name (<c>O_PATH</c>: no read access needed).</summary>
internal static partial class DirectoryHandle
{
    private const int O_DIRECTORY = 0x10000;
    private const int O_CLOEXEC = 0x80000;
    private const int O_PATH = 0x200000;
    private const int O_NOFOLLOW = 0x20000;

    [LibraryImport("libc", EntryPoint = "open", SetLastError = true)]
    private static partial int Open([MarshalUsing(typeof(PathMarshaller))] string path, int flags);

    /// <summary>A descriptor for <paramref name="path"/>, or -1.</summary>
    public static int Open(string path) => Open(path, O_PATH | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC);

    public static void Close(int fd) => _ = Searching.NativeFile.Close(fd);
}
