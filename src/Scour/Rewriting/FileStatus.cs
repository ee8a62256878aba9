using System.Runtime.InteropServices;
using System.Runtime.InteropServices.Marshalling;
using Scour.Walking;

namespace Scour.Rewriting;

/// <summary>
/// What a rewrite keeps and checks of a file, from <c>statx(2)</c> (its layout is the same on every
/// Linux architecture): identity (device, inode), size and modification time to notice a concurrent
/// change, and mode and owner to give the rewritten file.
/// </summary>
internal readonly partial record struct FileStatus(ulong Device, ulong Inode, long Size, long ModifiedSeconds, uint ModifiedNanoseconds, uint Mode, uint Owner, uint Group, uint Links)
{
    /// <summary>Whether the native calls are available (Linux); elsewhere .NET's file APIs stand in.</summary>
    public static readonly bool Native = OperatingSystem.IsLinux();

    /// <summary>The permission bits (including set-id and sticky bits).</summary>
    public UnixFileMode Permissions => (UnixFileMode)(Mode & 0xFFF);

    [LibraryImport("libc", EntryPoint = "chown", SetLastError = true)]
    private static partial int Chown([MarshalUsing(typeof(PathMarshaller))] string path, uint owner, uint group);

    /// <summary>The status of <paramref name="path"/> (following links).</summary>
    public static unsafe FileStatus Of(string path)
    {
        if (!Native)
        {
            var info = new FileInfo(path);
            if (!info.Exists)
            {
                throw new FileNotFoundException(null, path);
            }

            var ticks = info.LastWriteTimeUtc.Ticks;
            return new FileStatus(0, 0, info.Length, ticks / TimeSpan.TicksPerSecond, (uint)(ticks % TimeSpan.TicksPerSecond * 100), OperatingSystem.IsWindows() ? 0x1B6u : (uint)File.GetUnixFileMode(path), 0, 0, 1);
        }

        var buffer = stackalloc byte[Statx.BufferSize];
        if (!Statx.Read(Statx.CurrentDirectory, path, 0, buffer))
        {
            var errno = Marshal.GetLastPInvokeError();
            throw errno == 2 ? new FileNotFoundException(null, path) : new IOException($"{path}: cannot stat (errno {errno})", errno);
        }

        return new FileStatus(
            Device: Statx.Device(buffer),
            Inode: Statx.Inode(buffer),
            Size: Statx.Size(buffer),
            ModifiedSeconds: Statx.Seconds(buffer, Statx.ModifyTime),
            ModifiedNanoseconds: Statx.Nanoseconds(buffer, Statx.ModifyTime),
            Mode: Statx.Mode(buffer),
            Owner: Statx.Owner(buffer),
            Group: Statx.Group(buffer),
            Links: Statx.Links(buffer));
    }

    /// <summary>True when <paramref name="other"/> is the same file, unchanged as far as its status tells.</summary>
    public bool SameFileUnchanged(FileStatus other) =>
        Device == other.Device && Inode == other.Inode && Size == other.Size &&
        ModifiedSeconds == other.ModifiedSeconds && ModifiedNanoseconds == other.ModifiedNanoseconds;

    /// <summary>Gives <paramref name="path"/> this status's owner (where permitted) and then its permissions.</summary>
    public void ApplyTo(string path)
    {
        if (Native)
        {
            var current = Of(path);
            if (current.Owner != Owner || current.Group != Group)
            {
                // Only root may give a file away; a group change works for a group the user is in.
                // Either failing leaves the file ours, which is the best possible.
                if (Chown(path, Owner, Group) != 0)
                {
                    _ = Chown(path, uint.MaxValue, Group);
                }
            }
        }

        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(path, Permissions);
        }
    }
}
