using System.Runtime.InteropServices;
using System.Runtime.InteropServices.Marshalling;

namespace Scour.Walking;

/// <summary>
/// A file's modification, access or creation time (following links) in nanoseconds since the epoch,
/// for the time sorts. On Linux it comes from <c>statx(2)</c> by the path's own bytes, so names that
/// are not UTF-8 (which .NET's file APIs cannot open) get their times too; elsewhere from <see cref="FileInfo"/>.
/// </summary>
internal static partial class FileTimes
{
    private const int AT_FDCWD = -100;
    private const uint STATX_BASIC_STATS = 0x7FF;
    private const uint STATX_BTIME = 0x800;

    [LibraryImport("libc", EntryPoint = "statx", SetLastError = true)]
    private static unsafe partial int StatX(int dirfd, [MarshalUsing(typeof(PathMarshaller))] string path, int flags, uint mask, byte* buffer);

    /// <summary>The time <paramref name="order"/> sorts by, or null when it cannot be read.</summary>
    public static unsafe long? Of(string path, WalkOrder order)
    {
        if (!Searching.NativeFile.Available)
        {
            var info = new FileInfo(path);
            return !info.Exists ? null : (order switch
            {
                WalkOrder.Modified => info.LastWriteTimeUtc,
                WalkOrder.Accessed => info.LastAccessTimeUtc,
                _ => info.CreationTimeUtc,
            } - DateTime.UnixEpoch).Ticks * 100;
        }

        var b = stackalloc byte[256];
        if (StatX(AT_FDCWD, path, 0, STATX_BASIC_STATS | STATX_BTIME, b) != 0)
        {
            return null;
        }

        // struct statx_timestamp { s64 tv_sec; u32 tv_nsec; }: atime at 64, btime at 80, mtime at 112.
        var at = order switch
        {
            WalkOrder.Modified => 112,
            WalkOrder.Accessed => 64,
            _ => (*(uint*)b & STATX_BTIME) != 0 ? 80 : -1,
        };
        return at < 0 ? null : (*(long*)(b + at) * 1_000_000_000) + *(uint*)(b + at + 8);
    }
}
