using System.IO.Enumeration;
using System.Runtime.InteropServices;
using System.Runtime.InteropServices.Marshalling;
using System.Text;

namespace Scour.Walking;

/// <summary>What a directory entry is, as the directory itself records it.</summary>
internal enum EntryKind : byte
{
    File,
    Directory,
    Symlink,
    Other, // FIFOs, sockets, devices: never searched (opening a FIFO would block)
}

/// <summary>
/// One directory entry. <see cref="Settled"/> comes from a search index: the entry is known to hold
/// nothing the search can print (an unchanged file without the pattern's n-grams, or a directory of
/// such files), so once the walk's rules let it through it is counted and passed over, not opened.
/// </summary>
internal readonly record struct DirectoryEntry(string Name, EntryKind Kind, bool Settled = false);

/// <summary>Lists directories for a walk in place of <see cref="DirectoryReader"/> (a search index's stored listings).</summary>
internal interface IDirectoryLister
{
    /// <summary>The entries of <paramref name="absolute"/>, in the order the directory gives them; throws as <see cref="DirectoryReader.Read"/>.</summary>
    List<DirectoryEntry> Read(string absolute);

    /// <summary>Called for a settled entry the walk's rules let through (and so skipped).</summary>
    void Passed(bool isDirectory);

    /// <summary>
    /// False once it no longer matters whether the rules would let a settled entry through (a settled
    /// file has passed them: the walk is known to reach a file); settled entries are then skipped at once.
    /// </summary>
    bool NeedsVerdict { get; }
}

/// <summary>
/// Lists a directory. On Linux it reads entries with <c>readdir(3)</c>, whose <c>d_type</c> tells files,
/// directories, links and special files apart without a <c>stat</c> per entry (.NET's enumerator does
/// not expose it and calls FIFOs files). Elsewhere it falls back to <see cref="FileSystemEnumerable{T}"/>.
/// </summary>
internal static partial class DirectoryReader
{
    private const byte DT_UNKNOWN = 0;
    private const byte DT_DIR = 4;
    private const byte DT_REG = 8;
    private const byte DT_LNK = 10;

    // Linux on x86-64 or arm64, where struct dirent64's layout below holds.
    private static bool UseReaddir => Searching.NativeFile.Available;

    [LibraryImport("libc", EntryPoint = "opendir", SetLastError = true)]
    private static partial nint OpenDir([MarshalUsing(typeof(PathMarshaller))] string path);

    [LibraryImport("libc", EntryPoint = "readdir64", SetLastError = true)]
    private static partial nint ReadDir(nint dir);

    [LibraryImport("libc", EntryPoint = "closedir")]
    private static partial int CloseDir(nint dir);

    /// <summary>Reads the entries of <paramref name="path"/> (without <c>.</c> and <c>..</c>).</summary>
    public static List<DirectoryEntry> Read(string path) => UseReaddir ? ReadWithReaddir(path) : ReadWithEnumerable(path);

    private static unsafe List<DirectoryEntry> ReadWithReaddir(string path)
    {
        var dir = OpenDir(path);
        if (dir == 0)
        {
            throw ErrorFor(Marshal.GetLastPInvokeError(), path);
        }

        var entries = new List<DirectoryEntry>();
        try
        {
            while (true)
            {
                Marshal.SetLastPInvokeError(0);
                var entry = (byte*)ReadDir(dir);
                if (entry == null)
                {
                    var errno = Marshal.GetLastPInvokeError();
                    if (errno != 0)
                    {
                        throw ErrorFor(errno, path);
                    }

                    break;
                }

                // struct dirent64: d_ino (8), d_off (8), d_reclen (2), d_type (1), d_name (NUL-terminated).
                var type = entry[18];
                var name = new ReadOnlySpan<byte>(entry + 19, 256);
                name = name[..name.IndexOf((byte)0)];
                if (name.SequenceEqual("."u8) || name.SequenceEqual(".."u8))
                {
                    continue;
                }

                var text = FileNameEncoding.Decode(name); // a name that is not UTF-8 keeps its bytes
                var kind = type switch
                {
                    DT_REG => EntryKind.File,
                    DT_DIR => EntryKind.Directory,
                    DT_LNK => EntryKind.Symlink,
                    DT_UNKNOWN => KindByStat(Path.Join(path, text)),
                    _ => EntryKind.Other,
                };
                entries.Add(new DirectoryEntry(text, kind));
            }
        }
        finally
        {
            _ = CloseDir(dir); // nothing useful to do if closing a directory we only read fails
        }

        return entries;
    }

    // Some file systems leave d_type unknown; ask the file itself.
    private static EntryKind KindByStat(string path)
    {
        var info = new FileInfo(path);
        if (info.LinkTarget is not null)
        {
            return EntryKind.Symlink;
        }

        return Directory.Exists(path) ? EntryKind.Directory : FileKind.IsRegularFile(path) ? EntryKind.File : EntryKind.Other;
    }

    private static Exception ErrorFor(int errno, string path) => errno switch
    {
        2 => new DirectoryNotFoundException(path),
        13 => new UnauthorizedAccessException(path),
        _ => new IOException($"cannot read directory {path}", errno),
    };

    private static readonly EnumerationOptions AllEntries = new()
    {
        RecurseSubdirectories = false,
        IgnoreInaccessible = false,
        ReturnSpecialDirectories = false,
        AttributesToSkip = 0,
    };

    private static List<DirectoryEntry> ReadWithEnumerable(string path)
    {
        var enumerable = new FileSystemEnumerable<DirectoryEntry>(
            path,
            (ref FileSystemEntry e) => new DirectoryEntry(
                e.FileName.ToString(),
                (e.Attributes & FileAttributes.ReparsePoint) != 0 ? EntryKind.Symlink : e.IsDirectory ? EntryKind.Directory : EntryKind.File),
            AllEntries);
        return [.. enumerable];
    }
}
