using System.Runtime.InteropServices;
using System.Runtime.InteropServices.Marshalling;
using Scour.Walking;

namespace Scour.Indexing;

/// <summary>One inotify event: the watch, what happened, and the entry's name (empty for the directory itself).</summary>
internal readonly record struct InotifyEvent(int Watch, uint Mask, string Name)
{
    public const uint Modify = 0x2, Attrib = 0x4, CloseWrite = 0x8, MovedFrom = 0x40, MovedTo = 0x80, Create = 0x100, Delete = 0x200;
    public const uint DeleteSelf = 0x400, MoveSelf = 0x800, Overflow = 0x4000, Ignored = 0x8000, IsDirectory = 0x40000000;

    /// <summary>The events a watcher asks for: everything that changes an entry or a listing.</summary>
    public const uint Changes = Modify | Attrib | CloseWrite | MovedFrom | MovedTo | Create | Delete | DeleteSelf | MoveSelf;

    /// <summary>True when the directory's listing changed (an entry appeared, went or was renamed).</summary>
    public bool ChangesListing => (Mask & (MovedFrom | MovedTo | Create | Delete)) != 0;
}

/// <summary>
/// Linux's inotify: one watch per directory, events read without blocking. Events are queued by the
/// kernel during the system call that causes them, so reading the queue until it is empty sees every
/// change made before the read began.
/// </summary>
internal sealed partial class Inotify : IDisposable
{
    private const int IN_NONBLOCK = 0x800;
    private const int IN_CLOEXEC = 0x80000;
    private const uint IN_ONLYDIR = 0x1000000;
    private const uint IN_DONT_FOLLOW = 0x2000000;
    private const uint IN_EXCL_UNLINK = 0x4000000;
    private const int EAGAIN = 11;

    private readonly int _fd;
    private readonly byte[] _buffer = new byte[64 * 1024];

    [LibraryImport("libc", EntryPoint = "inotify_init1", SetLastError = true)]
    private static partial int Init(int flags);

    [LibraryImport("libc", EntryPoint = "inotify_add_watch", SetLastError = true)]
    private static partial int AddWatch(int fd, [MarshalUsing(typeof(PathMarshaller))] string path, uint mask);

    [LibraryImport("libc", EntryPoint = "read", SetLastError = true)]
    private static unsafe partial nint Read(int fd, byte* buffer, nint count);

    [LibraryImport("libc", EntryPoint = "poll", SetLastError = true)]
    private static unsafe partial int Poll(long* fds, nint count, int timeout);

    public Inotify()
    {
        _fd = Init(IN_NONBLOCK | IN_CLOEXEC);
        if (_fd < 0)
        {
            throw new IOException($"inotify: {IoErrorText.FromErrno(Marshal.GetLastPInvokeError(), "cannot start")}");
        }
    }

    /// <summary>Watches the directory <paramref name="path"/>; returns the watch, or -1 (with the reason) if it cannot be watched.</summary>
    public int Watch(string path, out string? problem)
    {
        var wd = AddWatch(_fd, path, InotifyEvent.Changes | IN_ONLYDIR | IN_DONT_FOLLOW | IN_EXCL_UNLINK);
        problem = wd < 0 ? IoErrorText.FromErrno(Marshal.GetLastPInvokeError(), "cannot watch") : null;
        return wd;
    }

    /// <summary>Waits up to <paramref name="milliseconds"/> for events to arrive.</summary>
    public unsafe void Wait(int milliseconds)
    {
        long pollfd = (uint)_fd | (1L << 32); // struct pollfd { int fd; short events = POLLIN; short revents; }
        _ = Poll(&pollfd, 1, milliseconds);
    }

    /// <summary>Reads every queued event, oldest first, into <paramref name="events"/>.</summary>
    public unsafe void Drain(List<InotifyEvent> events)
    {
        fixed (byte* buffer = _buffer)
        {
            while (true)
            {
                var n = (int)Read(_fd, buffer, _buffer.Length);
                if (n <= 0)
                {
                    if (n < 0 && Marshal.GetLastPInvokeError() != EAGAIN)
                    {
                        throw new IOException($"inotify: {IoErrorText.FromErrno(Marshal.GetLastPInvokeError(), "read failed")}");
                    }

                    return;
                }

                // struct inotify_event: int wd; uint32 mask, cookie, len; char name[len] (NUL-padded).
                for (var at = 0; at + 16 <= n;)
                {
                    var wd = *(int*)(buffer + at);
                    var mask = *(uint*)(buffer + at + 4);
                    var length = *(int*)(buffer + at + 12);
                    var name = new ReadOnlySpan<byte>(buffer + at + 16, length);
                    var end = name.IndexOf((byte)0);
                    events.Add(new InotifyEvent(wd, mask, FileNameEncoding.Decode(end < 0 ? name : name[..end])));
                    at += 16 + length;
                }
            }
        }
    }

    public void Dispose() => _ = Searching.NativeFile.Close(_fd);
}
