using System.Runtime.InteropServices;
using System.Runtime.InteropServices.Marshalling;

namespace Scour.Walking;

/// <summary>
/// <c>statx(2)</c>, for the places that need more than .NET's file APIs give (device and inode,
/// nanosecond and status-change times, names that are not UTF-8, stamping by name inside an open
/// directory). The buffer is a <c>struct statx</c>, whose layout is the same on every Linux
/// architecture; the readers below take its fields at their offsets.
/// </summary>
internal static unsafe partial class Statx
{
    /// <summary>The size of the buffer a call fills.</summary>
    public const int BufferSize = 256;

    public const int CurrentDirectory = -100;   // AT_FDCWD
    public const int NoFollow = 0x100;          // AT_SYMLINK_NOFOLLOW
    public const int EmptyPath = 0x1000;        // AT_EMPTY_PATH: the descriptor itself

    // STATX_BASIC_STATS | STATX_BTIME
    private const uint Mask = 0xFFF;
    private const uint BirthTimeBit = 0x800;

    /// <summary>The offsets of the timestamps (<c>struct statx_timestamp { s64 tv_sec; u32 tv_nsec; }</c>).</summary>
    public const int AccessTime = 64, BirthTime = 80, ChangeTime = 96, ModifyTime = 112;

    [LibraryImport("libc", EntryPoint = "statx", SetLastError = true)]
    private static partial int Call(int dirfd, [MarshalUsing(typeof(PathMarshaller))] string path, int flags, uint mask, byte* buffer);

    [LibraryImport("libc", EntryPoint = "statx", SetLastError = true)]
    private static partial int Call(int dirfd, byte* path, int flags, uint mask, byte* buffer);

    /// <summary>Fills <paramref name="buffer"/> for <paramref name="path"/> (relative to <paramref name="dirfd"/>); false with errno set when it fails.</summary>
    public static bool Read(int dirfd, string path, int flags, byte* buffer) => Call(dirfd, path, flags, Mask, buffer) == 0;

    /// <summary>As <see cref="Read(int, string, int, byte*)"/> for a name given as bytes (a NUL is added here).</summary>
    [System.Runtime.CompilerServices.SkipLocalsInit] // every byte the call reads is written first
    public static bool Read(int dirfd, ReadOnlySpan<byte> name, int flags, byte* buffer)
    {
        Span<byte> terminated = stackalloc byte[Math.Min(name.Length, 4096) + 1];
        if (name.Length >= terminated.Length)
        {
            return false; // longer than any name a file system allows
        }

        name.CopyTo(terminated);
        terminated[name.Length] = 0;
        fixed (byte* p = terminated)
        {
            return Call(dirfd, p, flags, Mask, buffer) == 0;
        }
    }

    public static uint Links(byte* b) => *(uint*)(b + 16);

    public static uint Owner(byte* b) => *(uint*)(b + 20);

    public static uint Group(byte* b) => *(uint*)(b + 24);

    public static ushort Mode(byte* b) => *(ushort*)(b + 28);

    public static ulong Inode(byte* b) => *(ulong*)(b + 32);

    public static long Size(byte* b) => *(long*)(b + 40);

    public static ulong Device(byte* b) => ((ulong)*(uint*)(b + 136) << 32) | *(uint*)(b + 140);

    public static long Seconds(byte* b, int time) => *(long*)(b + time);

    public static uint Nanoseconds(byte* b, int time) => *(uint*)(b + time + 8);

    /// <summary>A timestamp in nanoseconds since the epoch.</summary>
    public static long TimeNs(byte* b, int time) => (Seconds(b, time) * 1_000_000_000) + Nanoseconds(b, time);

    /// <summary>True when the file system reported the birth time.</summary>
    public static bool HasBirthTime(byte* b) => (*(uint*)b & BirthTimeBit) != 0;
}
