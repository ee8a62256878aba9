using System.Buffers.Binary;
using Microsoft.Win32.SafeHandles;

namespace Scour.Indexing;

/// <summary>
/// A posting segment file opened for queries: its header and block index are read and checked at
/// open; each key block and each posting list is checked against its checksum when first read.
/// Anything that does not add up throws <see cref="InvalidDataException"/>, so a damaged index is
/// never read as "no file has this trigram".
/// </summary>
internal sealed class PostingSegment : IDisposable
{
    public const int Version = 3; // 1 folded ASCII case; 2 had no folded sparse grams
    public const int BlockSize = 1024;
    public const int KeyEntrySize = 24;
    public const int BlockIndexOffset = 56;

    private readonly SafeFileHandle _file;
    private readonly string _path;
    private readonly int[] _blockFirstKeys;
    private readonly uint[] _blockChecksums;
    private readonly byte[]?[] _blocks;
    private readonly int _keyCount;
    private readonly long _postingsAt;

    public static ReadOnlySpan<byte> Magic => "SCOURPS1"u8;

    /// <summary>Where the key table starts for a segment of <paramref name="blocks"/> key blocks.</summary>
    public static long KeyTableOffset(int blocks) => (BlockIndexOffset + (blocks * 8L) + 4 + 7) & ~7L;

    private PostingSegment(SafeFileHandle file, string path, int firstDoc, int endDoc, int keyCount, int blocks, long postingsAt)
    {
        _file = file;
        _path = path;
        FirstDoc = firstDoc;
        EndDoc = endDoc;
        _keyCount = keyCount;
        _postingsAt = postingsAt;
        _blockFirstKeys = new int[blocks];
        _blockChecksums = new uint[blocks];
        _blocks = new byte[blocks][];
    }

    public int FirstDoc { get; }

    public int EndDoc { get; }

    /// <summary>Opens and checks the segment file at <paramref name="path"/> that <paramref name="expected"/> describes.</summary>
    public static PostingSegment Open(string path, SegmentRef expected)
    {
        var file = File.OpenHandle(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
        try
        {
            Span<byte> head = stackalloc byte[BlockIndexOffset];
            if (RandomAccess.Read(file, head, 0) != head.Length || !head[..8].SequenceEqual(Magic) ||
                BinaryPrimitives.ReadUInt32LittleEndian(head[48..]) != Crc32C.Of(head[..48]))
            {
                throw Damaged(path, "header");
            }

            var firstDoc = BinaryPrimitives.ReadInt32LittleEndian(head[16..]);
            var endDoc = BinaryPrimitives.ReadInt32LittleEndian(head[20..]);
            var keyCount = BinaryPrimitives.ReadInt32LittleEndian(head[24..]);
            var blocks = BinaryPrimitives.ReadInt32LittleEndian(head[28..]);
            var postingsAt = BinaryPrimitives.ReadInt64LittleEndian(head[32..]);
            var postingsLength = BinaryPrimitives.ReadInt64LittleEndian(head[40..]);
            if (BinaryPrimitives.ReadInt32LittleEndian(head[8..]) != Version || BinaryPrimitives.ReadInt32LittleEndian(head[12..]) != BlockSize ||
                firstDoc != expected.FirstDoc || endDoc != expected.EndDoc || keyCount < 0 ||
                blocks != (keyCount + BlockSize - 1) / BlockSize || postingsAt != KeyTableOffset(blocks) + ((long)keyCount * KeyEntrySize) ||
                RandomAccess.GetLength(file) != postingsAt + postingsLength)
            {
                throw Damaged(path, "header");
            }

            var segment = new PostingSegment(file, path, firstDoc, endDoc, keyCount, blocks, postingsAt);
            var index = new byte[(blocks * 8) + 4];
            if (RandomAccess.Read(file, index, BlockIndexOffset) != index.Length ||
                BinaryPrimitives.ReadUInt32LittleEndian(index.AsSpan(blocks * 8)) != Crc32C.Of(index.AsSpan(0, blocks * 8)))
            {
                throw Damaged(path, "block index");
            }

            for (var b = 0; b < blocks; b++)
            {
                segment._blockFirstKeys[b] = BinaryPrimitives.ReadInt32LittleEndian(index.AsSpan(b * 8));
                segment._blockChecksums[b] = BinaryPrimitives.ReadUInt32LittleEndian(index.AsSpan((b * 8) + 4));
            }

            return segment;
        }
        catch
        {
            file.Dispose();
            throw;
        }
    }

    /// <summary>How many documents hold <paramref name="key"/> (0 if none).</summary>
    public int Count(int key) => Find(key, out var entry) ? BinaryPrimitives.ReadInt32LittleEndian(entry[4..]) : 0;

    /// <summary>Sets the bit of every document holding <paramref name="key"/> in <paramref name="docs"/> (indexed by document number).</summary>
    public void AddDocs(int key, ulong[] docs)
    {
        if (!Find(key, out var entry))
        {
            return;
        }

        var count = BinaryPrimitives.ReadInt32LittleEndian(entry[4..]);
        var offset = BinaryPrimitives.ReadInt64LittleEndian(entry[8..]);
        var length = BinaryPrimitives.ReadInt32LittleEndian(entry[16..]);
        var checksum = BinaryPrimitives.ReadUInt32LittleEndian(entry[20..]);
        var data = new byte[length];
        if (offset < 0 || length < 0 || RandomAccess.Read(_file, data, _postingsAt + offset) != length || Crc32C.Of(data) != checksum)
        {
            throw Damaged(_path, "posting list");
        }

        var doc = FirstDoc - 1;
        var at = 0;
        for (var i = 0; i < count; i++)
        {
            uint delta = 0;
            for (var shift = 0; ; shift += 7)
            {
                if (at == data.Length || shift > 28)
                {
                    throw Damaged(_path, "posting list");
                }

                var b = data[at++];
                delta |= (uint)(b & 0x7F) << shift;
                if (b < 0x80)
                {
                    break;
                }
            }

            doc += (int)delta;
            if (delta == 0 || doc >= EndDoc)
            {
                throw Damaged(_path, "posting list");
            }

            docs[doc >> 6] |= 1UL << (doc & 63);
        }
    }

    private bool Find(int key, out ReadOnlySpan<byte> entry)
    {
        entry = default;
        var b = Array.BinarySearch(_blockFirstKeys, key);
        if (b < 0)
        {
            b = ~b - 1;
        }

        if (b < 0)
        {
            return false;
        }

        var block = Block(b);
        int lo = 0, hi = (block.Length / KeyEntrySize) - 1;
        while (lo <= hi)
        {
            var mid = (lo + hi) >>> 1;
            var k = BinaryPrimitives.ReadInt32LittleEndian(block.AsSpan(mid * KeyEntrySize));
            if (k == key)
            {
                entry = block.AsSpan(mid * KeyEntrySize, KeyEntrySize);
                return true;
            }

            if (k < key)
            {
                lo = mid + 1;
            }
            else
            {
                hi = mid - 1;
            }
        }

        return false;
    }

    private byte[] Block(int b)
    {
        if (_blocks[b] is { } cached)
        {
            return cached;
        }

        var count = Math.Min(BlockSize, _keyCount - (b * BlockSize));
        var block = new byte[count * KeyEntrySize];
        var at = KeyTableOffset(_blocks.Length) + ((long)b * BlockSize * KeyEntrySize);
        if (RandomAccess.Read(_file, block, at) != block.Length || Crc32C.Of(block) != _blockChecksums[b] ||
            BinaryPrimitives.ReadInt32LittleEndian(block) != _blockFirstKeys[b])
        {
            throw Damaged(_path, "key block");
        }

        return _blocks[b] = block;
    }

    private static InvalidDataException Damaged(string path, string part) => new($"{path}: the index's {part} is damaged");

    public void Dispose() => _file.Dispose();

    /// <summary>The file name of segment <paramref name="id"/>.</summary>
    public static string FileName(long id) => $"postings-{id}.scx";
}
