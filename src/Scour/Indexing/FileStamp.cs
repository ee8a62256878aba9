using Scour.Walking;

namespace Scour.Indexing;

/// <summary>
/// What the index remembers of a file or directory to tell whether it changed, from <c>statx(2)</c>
/// without following links: identity (device, inode), size, and modification and status-change times
/// in nanoseconds. The status-change time is set by the kernel alone, so tools that restore an old
/// modification time (<c>touch -r</c>, <c>cp -p</c>, <c>tar -x</c>) still show as a change.
/// </summary>
internal readonly record struct FileStamp(ulong Device, ulong Inode, long Size, long ModifiedNs, long ChangedNs, ushort Mode, uint Links = 1)
{
    private const ushort TypeMask = 0xF000;

    /// <summary>True where the native calls exist (Linux); the index is not used elsewhere.</summary>
    public static bool Supported => Searching.NativeFile.Available;

    /// <summary>A regular file.</summary>
    public bool IsFile => (Mode & TypeMask) == 0x8000;

    /// <summary>A directory.</summary>
    public bool IsDirectory => (Mode & TypeMask) == 0x4000;

    /// <summary>The later of the two times: what the racy rule compares with the index's time.</summary>
    public long LatestNs => Math.Max(ModifiedNs, ChangedNs);

    /// <summary>The stamp of <paramref name="path"/> itself (a link is not followed), or null if it cannot be read.</summary>
    [System.Runtime.CompilerServices.SkipLocalsInit] // the kernel fills the buffer; zeroing it first is a cost on every stamp
    public static unsafe FileStamp? Of(string path)
    {
        var buffer = stackalloc byte[Statx.BufferSize];
        return Statx.Read(Statx.CurrentDirectory, path, Statx.NoFollow, buffer) ? From(buffer) : null;
    }

    /// <summary>The stamp of the file open as <paramref name="fd"/>, or null.</summary>
    [System.Runtime.CompilerServices.SkipLocalsInit] // the kernel fills the buffer; zeroing it first is a cost on every stamp
    public static unsafe FileStamp? Of(int fd)
    {
        var buffer = stackalloc byte[Statx.BufferSize];
        return Statx.Read(fd, [], Statx.EmptyPath, buffer) ? From(buffer) : null;
    }

    /// <summary>The stamp of <paramref name="name"/> (its bytes) in the directory open as <paramref name="dirfd"/>, or null.</summary>
    [System.Runtime.CompilerServices.SkipLocalsInit] // the kernel fills the buffer; zeroing it first is a cost on every stamp
    public static unsafe FileStamp? Of(int dirfd, ReadOnlySpan<byte> name)
    {
        var buffer = stackalloc byte[Statx.BufferSize];
        return Statx.Read(dirfd, name, Statx.NoFollow, buffer) ? From(buffer) : null;
    }

    private static unsafe FileStamp From(byte* b) => new(
        Device: Statx.Device(b),
        Inode: Statx.Inode(b),
        Size: Statx.Size(b),
        ModifiedNs: Statx.TimeNs(b, Statx.ModifyTime),
        ChangedNs: Statx.TimeNs(b, Statx.ChangeTime),
        Mode: Statx.Mode(b),
        Links: Statx.Links(b));
}

/// <summary>A directory opened only to stamp the entries in it by name (<c>O_PATH</c>: no read access needed).</summary>
internal static class DirectoryHandle
{
    /// <summary>A descriptor for the directory <paramref name="path"/> (not a link to one), or -1.</summary>
    public static int Open(string path) => Searching.NativeFile.OpenDirectoryPath(path);

    public static void Close(int fd) => _ = Searching.NativeFile.Close(fd);
}
