using System.Buffers.Binary;
using System.IO.MemoryMappedFiles;
using System.Runtime.InteropServices;
using System.Text;
using Scour.Walking;

namespace Scour.Indexing;

/// <summary>A posting segment the table refers to: its file id and the documents it holds.</summary>
internal readonly record struct SegmentRef(long Id, int FirstDoc, int EndDoc);

/// <summary>
/// The table of an indexed tree (<c>tree.scx</c>): every directory and entry the index recorded, with
/// its stamp and flags, and the posting segments holding the files' n-grams. Read whole and checked
/// against its checksum before use; written beside the old one and renamed over it.
/// </summary>
internal sealed unsafe class TreeTable : IDisposable
{
    private static ReadOnlySpan<byte> Magic => "SCOURTB1"u8;
    private const int Version = 2; // 1: one document per file
    private const int HeaderSize = 56;
    private const int SegmentRefSize = 16;

    public required string Root { get; init; }

    public required long Generation { get; init; }

    /// <summary>Entries stamped at or after this time (ns since the epoch) were marked racy.</summary>
    public required long SafeTimeNs { get; init; }

    /// <summary>When the build started (ns since the epoch).</summary>
    public required long BuiltAtNs { get; init; }

    public required int NextDoc { get; init; }

    /// <summary>The entries, breadth-first (from <see cref="NodeArray"/>, or mapped from the file read).</summary>
    public ReadOnlySpan<IndexNode> Nodes => _nodeArray ?? new ReadOnlySpan<IndexNode>(_mapped + _nodesAt, _nodeCount);

    /// <summary>The entries' names, UTF-8 (or the bytes of names that are not), one after another.</summary>
    public ReadOnlySpan<byte> Names => _nameArray ?? new ReadOnlySpan<byte>(_mapped + _namesAt, _namesLength);

    /// <summary>The entries of a table being built.</summary>
    public IndexNode[] NodeArray { init => _nodeArray = value; }

    /// <summary>The names of a table being built.</summary>
    public byte[] NameArray { init => _nameArray = value; }

    private readonly IndexNode[]? _nodeArray;
    private readonly byte[]? _nameArray;
    private MemoryMappedFile? _map;
    private MemoryMappedViewAccessor? _view;
    private byte* _mapped;
    private long _nodesAt;
    private int _nodeCount;
    private long _namesAt;
    private int _namesLength;

    /// <summary>Unmaps a table that was read (its spans are then no longer valid).</summary>
    public void Dispose()
    {
        if (_view is not null)
        {
            _view.SafeMemoryMappedViewHandle.ReleasePointer();
            _view.Dispose();
            _map!.Dispose();
            _view = null;
            _map = null;
            _mapped = null;
        }
    }

    public required SegmentRef[] Segments { get; init; }

    public ReadOnlySpan<byte> NameBytes(int node) => Names.Slice(Nodes[node].NameOffset, Nodes[node].NameLength);

    public string Name(int node) => FileNameEncoding.Decode(NameBytes(node));

    /// <summary>The recorded entries of the directory <paramref name="directory"/>, by name.</summary>
    public Dictionary<string, int> ChildrenByName(int directory)
    {
        ref readonly var dir = ref Nodes[directory];
        var byName = new Dictionary<string, int>(dir.ChildCount, StringComparer.Ordinal);
        for (var c = dir.FirstChild; c < dir.FirstChild + dir.ChildCount; c++)
        {
            byName[Name(c)] = c;
        }

        return byName;
    }

    /// <summary>The path of <paramref name="node"/> relative to the root ("" for the root).</summary>
    public string RelativePath(int node)
    {
        var parts = new List<string>();
        for (; node > 0; node = Nodes[node].Parent)
        {
            parts.Add(Name(node));
        }

        parts.Reverse();
        return string.Join('/', parts);
    }

    /// <summary>
    /// The node of the directory at <paramref name="relative"/> ("" for the root), or -1. Found by its
    /// path's names one level at a time: a search looks up only the few directories it starts from or
    /// is told about, where a map of every directory's path would cost milliseconds to build.
    /// </summary>
    public int DirectoryAt(string relative)
    {
        var d = 0;
        foreach (var range in relative.AsSpan().Split('/'))
        {
            var part = relative[range];
            if (part.Length == 0)
            {
                continue;
            }

            if (!Nodes[d].Has(NodeFlags.Listed) || ChildNamed(d, FileNameEncoding.GetBytes(part)) is not (>= 0 and var c) || Nodes[c].Kind != NodeKind.Directory)
            {
                return -1;
            }

            d = c;
        }

        return d;
    }

    /// <summary>The recorded entry named <paramref name="name"/> in the directory <paramref name="directory"/>, or -1.</summary>
    public int ChildNamed(int directory, ReadOnlySpan<byte> name)
    {
        ref readonly var dir = ref Nodes[directory];
        for (var c = dir.FirstChild; c < dir.FirstChild + dir.ChildCount; c++)
        {
            if (NameBytes(c).SequenceEqual(name))
            {
                return c;
            }
        }

        return -1;
    }

    /// <summary>The relative path of every directory node (null for other nodes).</summary>
    public string?[] DirectoryPaths()
    {
        var nodes = Nodes;
        var paths = new string?[nodes.Length];
        paths[0] = "";
        for (var i = 1; i < nodes.Length; i++)
        {
            if (nodes[i].Kind == NodeKind.Directory && paths[nodes[i].Parent] is { } parent)
            {
                paths[i] = Walker.Join(parent, Name(i));
            }
        }

        return paths;
    }

    /// <summary>
    /// Maps and checks a table; throws <see cref="InvalidDataException"/> for one that is damaged. The
    /// file is mapped, not copied: a table is only ever replaced by renaming a new file over it, never
    /// written in place, so the mapping cannot change under the reader.
    /// </summary>
    public static TreeTable Read(string path)
    {
        using var file = File.OpenHandle(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
        var length = RandomAccess.GetLength(file);
        if (length < HeaderSize + 4)
        {
            throw new InvalidDataException($"{path}: not a scour index table");
        }

        var map = MemoryMappedFile.CreateFromFile(file, null, 0, MemoryMappedFileAccess.Read, HandleInheritability.None, leaveOpen: true);
        MemoryMappedViewAccessor? view = null;
        try
        {
            view = map.CreateViewAccessor(0, length, MemoryMappedFileAccess.Read);
            byte* mapped = null;
            view.SafeMemoryMappedViewHandle.AcquirePointer(ref mapped);
            mapped += view.PointerOffset;
            var table = Parse(path, new ReadOnlySpan<byte>(mapped, checked((int)length)));
            table._map = map;
            table._view = view;
            table._mapped = mapped;
            return table;
        }
        catch
        {
            if (view is not null)
            {
                view.SafeMemoryMappedViewHandle.ReleasePointer();
                view.Dispose();
            }

            map.Dispose();
            throw;
        }
    }

    private static TreeTable Parse(string path, ReadOnlySpan<byte> bytes)
    {
        var h = bytes;
        if (!h[..8].SequenceEqual(Magic))
        {
            throw new InvalidDataException($"{path}: not a scour index table");
        }

        if (BinaryPrimitives.ReadInt32LittleEndian(h[8..]) != Version)
        {
            throw new InvalidDataException($"{path}: index format version {BinaryPrimitives.ReadInt32LittleEndian(h[8..])} is not {Version}");
        }

        var nodeCount = BinaryPrimitives.ReadInt32LittleEndian(h[12..]);
        var namesLength = BinaryPrimitives.ReadInt32LittleEndian(h[16..]);
        var rootLength = BinaryPrimitives.ReadInt32LittleEndian(h[20..]);
        var segmentCount = BinaryPrimitives.ReadInt32LittleEndian(h[24..]);
        var nextDoc = BinaryPrimitives.ReadInt32LittleEndian(h[28..]);
        long namesAt = HeaderSize + ((long)segmentCount * SegmentRefSize) + rootLength;
        var nodesAt = Align8(namesAt + namesLength);
        if (nodeCount < 1 || namesLength < 0 || rootLength is < 1 or > 65536 || segmentCount is < 0 or > 1024 ||
            nodesAt + ((long)nodeCount * Marshal.SizeOf<IndexNode>()) + 4 != bytes.Length)
        {
            throw new InvalidDataException($"{path}: the index's sections do not add up (it is damaged)");
        }

        if (Crc32C.Of(bytes[..^4]) != BinaryPrimitives.ReadUInt32LittleEndian(bytes[^4..]))
        {
            throw new InvalidDataException($"{path}: checksum mismatch (the index is damaged)");
        }

        var at = HeaderSize;
        var segments = new SegmentRef[segmentCount];
        for (var i = 0; i < segmentCount; i++, at += SegmentRefSize)
        {
            var e = h[at..];
            segments[i] = new SegmentRef(BinaryPrimitives.ReadInt64LittleEndian(e), BinaryPrimitives.ReadInt32LittleEndian(e[8..]), BinaryPrimitives.ReadInt32LittleEndian(e[12..]));
        }

        var root = FileNameEncoding.Decode(h.Slice(at, rootLength));
        var nodes = MemoryMarshal.Cast<byte, IndexNode>(bytes.Slice((int)nodesAt, nodeCount * Marshal.SizeOf<IndexNode>()));
        foreach (ref readonly var n in nodes)
        {
            if ((uint)n.NameOffset + (uint)n.NameLength > (uint)namesLength || n.Parent >= nodeCount ||
                (n.Kind == NodeKind.Directory && ((uint)n.FirstChild + (uint)n.ChildCount > (uint)nodeCount)) ||
                (n.Has(NodeFlags.Indexed) && (n.Kind != NodeKind.File || n.ChildCount < 1 || (uint)n.Doc + (uint)n.ChildCount > (uint)nextDoc)))
            {
                throw new InvalidDataException($"{path}: an entry points outside the index (it is damaged)");
            }
        }

        return new TreeTable
        {
            Root = root,
            Generation = BinaryPrimitives.ReadInt64LittleEndian(h[32..]),
            SafeTimeNs = BinaryPrimitives.ReadInt64LittleEndian(h[40..]),
            BuiltAtNs = BinaryPrimitives.ReadInt64LittleEndian(h[48..]),
            NextDoc = nextDoc,
            Segments = segments,
            _nodesAt = nodesAt,
            _nodeCount = nodeCount,
            _namesAt = namesAt,
            _namesLength = namesLength,
        };
    }

    /// <summary>Only the root a table belongs to (for listings), or null if it cannot be read.</summary>
    public static string? ReadRoot(string path)
    {
        try
        {
            using var table = Read(path);
            return table.Root;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or InvalidDataException)
        {
            return null;
        }
    }

    /// <summary>Writes the table to <paramref name="path"/> through a temporary file renamed over it.</summary>
    public void Write(string path)
    {
        var root = FileNameEncoding.GetBytes(Root);
        var nodeBytes = MemoryMarshal.AsBytes(Nodes);
        var size = Align8(HeaderSize + (Segments.Length * SegmentRefSize) + root.Length + Names.Length) + nodeBytes.Length;
        var buffer = new byte[size + 4];
        var h = buffer.AsSpan();
        Magic.CopyTo(h);
        BinaryPrimitives.WriteInt32LittleEndian(h[8..], Version);
        BinaryPrimitives.WriteInt32LittleEndian(h[12..], Nodes.Length);
        BinaryPrimitives.WriteInt32LittleEndian(h[16..], Names.Length);
        BinaryPrimitives.WriteInt32LittleEndian(h[20..], root.Length);
        BinaryPrimitives.WriteInt32LittleEndian(h[24..], Segments.Length);
        BinaryPrimitives.WriteInt32LittleEndian(h[28..], NextDoc);
        BinaryPrimitives.WriteInt64LittleEndian(h[32..], Generation);
        BinaryPrimitives.WriteInt64LittleEndian(h[40..], SafeTimeNs);
        BinaryPrimitives.WriteInt64LittleEndian(h[48..], BuiltAtNs);
        var at = HeaderSize;
        foreach (var s in Segments)
        {
            BinaryPrimitives.WriteInt64LittleEndian(h[at..], s.Id);
            BinaryPrimitives.WriteInt32LittleEndian(h[(at + 8)..], s.FirstDoc);
            BinaryPrimitives.WriteInt32LittleEndian(h[(at + 12)..], s.EndDoc);
            at += SegmentRefSize;
        }

        root.CopyTo(h[at..]);
        at += root.Length;
        Names.CopyTo(h[at..]);
        at = (int)Align8(at + Names.Length);
        nodeBytes.CopyTo(h[at..]);
        BinaryPrimitives.WriteUInt32LittleEndian(h[(int)size..], Crc32C.Of(h[..(int)size]));
        IndexFiles.Publish(path, buffer);
    }

    private static long Align8(long n) => (n + 7) & ~7L;
}
