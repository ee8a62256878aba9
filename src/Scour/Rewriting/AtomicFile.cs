using System.Runtime.InteropServices;
using System.Runtime.InteropServices.Marshalling;
using Scour.Searching;
using Scour.Walking;

namespace Scour.Rewriting;

/// <summary>
/// Replaces a file's content so that, whatever happens (a crash, <c>kill -9</c>, a full disk), the file
/// is either wholly old or wholly new: the new content goes to a temporary file in the same directory,
/// is flushed to disk, gets the original's owner and permissions, and is renamed over the original
/// (<c>rename(2)</c> is atomic); then the directory is flushed so the rename itself survives a crash.
/// </summary>
internal static partial class AtomicFile
{
    private const int O_RDONLY = 0;
    private const int O_DIRECTORY = 0x10000;
    private const int O_CLOEXEC = 0x80000;

    /// <summary>The suffix of every temporary file a rewrite creates.</summary>
    public const string TempSuffix = ".scour-tmp";

    [LibraryImport("libc", EntryPoint = "rename", SetLastError = true)]
    private static partial int Rename([MarshalUsing(typeof(PathMarshaller))] string from, [MarshalUsing(typeof(PathMarshaller))] string to);

    [LibraryImport("libc", EntryPoint = "open", SetLastError = true)]
    private static partial int Open([MarshalUsing(typeof(PathMarshaller))] string path, int flags);

    [LibraryImport("libc", EntryPoint = "fsync", SetLastError = true)]
    private static partial int Fsync(int fd);

    [LibraryImport("libc", EntryPoint = "close")]
    private static partial int Close(int fd);

    /// <summary>A fresh temporary path beside <paramref name="target"/> (a hidden name; creation fails rather than reuse an existing file).</summary>
    public static string TempPathFor(string target)
    {
        var directory = Path.GetDirectoryName(target) ?? ".";
        var suffix = Random.Shared.NextInt64(1L << 40).ToString("x10", System.Globalization.CultureInfo.InvariantCulture);
        return Path.Combine(directory, $".{Path.GetFileName(target)}.{suffix}{TempSuffix}");
    }

    /// <summary>Writes <paramref name="content"/> to <paramref name="temp"/> durably, with <paramref name="status"/>'s owner and permissions.</summary>
    public static void WriteTemp(string temp, ReadOnlySpan<byte> content, FileStatus status)
    {
        var options = new FileStreamOptions
        {
            Mode = FileMode.CreateNew,
            Access = FileAccess.Write,
            Share = FileShare.None,
            BufferSize = 0,
        };
        if (!OperatingSystem.IsWindows())
        {
            options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        }

        using (var stream = new FileStream(temp, options))
        {
            stream.Write(content);
            stream.Flush(flushToDisk: true);
        }

        status.ApplyTo(temp);
    }

    /// <summary>
    /// Renames <paramref name="temp"/> over <paramref name="target"/> if the target still is the file that
    /// was read (same status and same bytes as <paramref name="expected"/>); otherwise deletes the
    /// temporary file and returns false. The check and the rename are as close together as possible.
    /// </summary>
    public static bool CommitIfUnchanged(string temp, string target, FileStatus status, ReadOnlySpan<byte> expected)
    {
        if (!StillTheSame(target, status, expected))
        {
            File.Delete(temp);
            return false;
        }

        Commit(temp, target);
        return true;
    }

    /// <summary>Renames <paramref name="temp"/> over <paramref name="target"/> and flushes the directory.</summary>
    private static void Commit(string temp, string target)
    {
        if (!FileStatus.Native)
        {
            File.Move(temp, target, overwrite: true);
            return;
        }

        if (Rename(temp, target) != 0)
        {
            var errno = Marshal.GetLastPInvokeError();
            File.Delete(temp);
            throw new IOException($"cannot rename {temp} to {target} (errno {errno})", errno);
        }

        SyncDirectory(Path.GetDirectoryName(Path.GetFullPath(target)) ?? ".");
    }

    /// <summary>True when <paramref name="path"/> has <paramref name="status"/> and holds exactly <paramref name="expected"/>.</summary>
    private static bool StillTheSame(string path, FileStatus status, ReadOnlySpan<byte> expected)
    {
        try
        {
            return FileStatus.Of(path).SameFileUnchanged(status) && ReadAll(path).AsSpan().SequenceEqual(expected);
        }
        catch (IOException)
        {
            return false; // deleted or unreadable meanwhile: certainly not the file we read
        }
    }

    /// <summary>Reads a whole file through the searcher's native open.</summary>
    public static byte[] ReadAll(string path)
    {
        using var handle = NativeFile.OpenRead(path);
        var length = RandomAccess.GetLength(handle);
        if (length > Array.MaxLength)
        {
            throw new IOException($"{path}: too large to rewrite ({length} bytes)");
        }

        var bytes = new byte[length];
        var read = 0;
        while (read < bytes.Length)
        {
            var n = RandomAccess.Read(handle, bytes.AsSpan(read), read);
            if (n == 0)
            {
                return bytes[..read]; // shrank while being read
            }

            read += n;
        }

        // Grew while being read: the caller compares status and content anyway, so return what is there.
        return RandomAccess.GetLength(handle) == length ? bytes : File.ReadAllBytes(path);
    }

    private static void SyncDirectory(string directory)
    {
        var fd = Open(directory, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
        if (fd >= 0)
        {
            _ = Fsync(fd);
            _ = Close(fd);
        }
    }
}
