using System.Runtime.InteropServices;
using Scour.Walking;

namespace Scour.Indexing;

/// <summary>What a directory entry was when the index recorded it: the walk's <see cref="EntryKind"/>, value for value (the two convert by a cast).</summary>
internal enum NodeKind : byte
{
    File = EntryKind.File,
    Directory = EntryKind.Directory,
    Symlink = EntryKind.Symlink,
    Other = EntryKind.Other,
}

/// <summary>What the index knows about an entry beyond its stamp.</summary>
[Flags]
internal enum NodeFlags : byte
{
    None = 0,

    /// <summary>A file whose n-grams are in a posting segment under <see cref="IndexNode.Doc"/>.</summary>
    Indexed = 1,

    /// <summary>Changed too close to the index's time to trust its stamp (git's racy rule): always checked by reading.</summary>
    Racy = 2,

    /// <summary>A directory whose entries were recorded (not <c>.git</c>, and readable).</summary>
    Listed = 4,

    /// <summary>
    /// A directory holding an ignore file (<c>.gitignore</c>, <c>.ignore</c>, <c>.rgignore</c>) that a walk
    /// would warn about (a malformed line): never passed over unread, so that its warnings are printed.
    /// (A clean ignore file only decides what is walked below it, which is passed over only when it
    /// can print nothing.)
    /// </summary>
    HasIgnoreWarnings = 8,

    /// <summary>A file with more than one hard link: it can change through a path no watcher sees, so it is always stamped again.</summary>
    MultiLink = 16,
}

/// <summary>
/// One entry of an indexed tree, 64 bytes, stored as is. A directory's entries are contiguous
/// (<see cref="FirstChild"/>, <see cref="ChildCount"/>) in the order the directory listed them, so a
/// stored listing reads like <c>readdir</c>'s. An indexed file is <see cref="ChildCount"/> documents
/// from <see cref="Doc"/> on: one per chunk of about 64 KiB cut after a line terminator, so that a
/// search whose matches lie within a line asks which chunk holds the trigrams, not which file.
/// </summary>
[StructLayout(LayoutKind.Sequential, Pack = 8)]
internal struct IndexNode
{
    public int Parent;
    public int NameOffset;
    public ushort NameLength;
    public NodeKind Kind;
    public NodeFlags Flags;
    public int Doc;
    public int FirstChild;
    public int ChildCount;
    public ulong Device;
    public ulong Inode;
    public long Size;
    public long ModifiedNs;
    public long ChangedNs;

    public readonly bool Has(NodeFlags flag) => (Flags & flag) != 0;

    /// <summary>True when one of this file's documents is set in <paramref name="docs"/>.</summary>
    public readonly bool AnyDoc(ulong[] docs) => AnyDoc(docs, Doc, ChildCount);

    /// <summary>True when one of the <paramref name="count"/> documents from <paramref name="first"/> is set in <paramref name="docs"/>.</summary>
    public static bool AnyDoc(ulong[] docs, int first, int count)
    {
        for (var d = first; d < first + count; d++)
        {
            if (((docs[d >> 6] >> (d & 63)) & 1) != 0)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>True when <paramref name="now"/> (this entry's path, stamped again) is what was recorded.</summary>
    public readonly bool SameAs(in FileStamp now) =>
        now.Device == Device && now.Inode == Inode && now.Size == Size && now.ModifiedNs == ModifiedNs && now.ChangedNs == ChangedNs &&
        (Kind == NodeKind.File ? now.IsFile : Kind != NodeKind.Directory || now.IsDirectory);

    public void Stamp(in FileStamp stamp)
    {
        Device = stamp.Device;
        Inode = stamp.Inode;
        Size = stamp.Size;
        ModifiedNs = stamp.ModifiedNs;
        ChangedNs = stamp.ChangedNs;
    }
}
