using System.Buffers.Binary;

namespace Scour.Indexing;

/// <summary>
/// Accumulates the posting lists of one segment in memory (documents must arrive in increasing order)
/// and writes them as a segment file: a header, a checksummed index of key blocks, the key table in
/// blocks with a checksum each, and the lists as delta-coded varints, each with its own checksum.
/// </summary>
internal sealed class SegmentWriter
{
    // The lists live in one arena of 1 MiB pages, each as a chain of blocks that double in size (a
    // 12-byte header: the next block's offset and the bytes used), with each list's state in one
    // array: a posting costs no object, and the GC has almost nothing to trace.
    private const int PageBits = 20;
    private const int PageSize = 1 << PageBits;
    private const int FirstBlock = 32;
    private const int LargestBlock = 64 * 1024;
    private const int BlockHeader = 12;

    private readonly int[] _slot = new int[FoldedGrams.FirstKey + FoldedGrams.Buckets]; // key → list number + 1
    private readonly List<byte[]> _pages = [];
    private ListState[] _lists = new ListState[1024];
    private int _listCount;
    private long _arenaEnd;
    private int _firstDoc;

    public SegmentWriter(int firstDoc) => _firstDoc = firstDoc;

    private struct ListState
    {
        public long Head;
        public long Tail;
        public long Fill; // where the next byte goes, inside the tail block
        public int TailSize;
        public int Key;
        public int Last;
        public int Count;
        public int Length;
    }

    /// <summary>The postings added so far.</summary>
    public long Postings { get; private set; }

    /// <summary>Forgets the lists (after <see cref="Write"/>) to start the segment from <paramref name="firstDoc"/>.</summary>
    public void Reset(int firstDoc)
    {
        for (var i = 0; i < _listCount; i++)
        {
            _slot[_lists[i].Key] = 0;
        }

        _listCount = 0;
        _arenaEnd = 0;
        _firstDoc = firstDoc;
        Postings = 0;
    }

    /// <summary>Records that <paramref name="doc"/> holds <paramref name="keys"/>.</summary>
    public void Add(int doc, ReadOnlySpan<int> keys)
    {
        Postings += keys.Length;
        foreach (var key in keys)
        {
            ref var slot = ref _slot[key];
            if (slot == 0)
            {
                if (_listCount == _lists.Length)
                {
                    Array.Resize(ref _lists, _lists.Length * 2);
                }

                var head = Allocate(FirstBlock);
                _lists[_listCount++] = new ListState { Key = key, Head = head, Tail = head, TailSize = FirstBlock, Fill = head + BlockHeader, Last = _firstDoc - 1 };
                slot = _listCount;
            }

            AddPosting(ref _lists[slot - 1], doc);
        }
    }

    private void AddPosting(ref ListState list, int doc)
    {
        if (list.Tail + list.TailSize - list.Fill < 5)
        {
            // The tail is full: record its use, and chain a block twice its size.
            var size = Math.Min(list.TailSize * 2, LargestBlock);
            var next = Allocate(size);
            var tail = Span(list.Tail, BlockHeader);
            BinaryPrimitives.WriteInt64LittleEndian(tail, next);
            BinaryPrimitives.WriteInt32LittleEndian(tail[8..], (int)(list.Fill - list.Tail - BlockHeader));
            (list.Tail, list.TailSize, list.Fill) = (next, size, next + BlockHeader);
        }

        var page = _pages[(int)(list.Fill >> PageBits)];
        var at = (int)(list.Fill & (PageSize - 1));
        var start = at;
        var delta = (uint)(doc - list.Last);
        list.Last = doc;
        list.Count++;
        while (delta >= 0x80)
        {
            page[at++] = (byte)(delta | 0x80);
            delta >>= 7;
        }

        page[at++] = (byte)delta;
        list.Fill += at - start;
        list.Length += at - start;
    }

    // A block of `size` bytes that does not cross a page.
    private long Allocate(int size)
    {
        if ((_arenaEnd & (PageSize - 1)) + size > PageSize)
        {
            _arenaEnd = (_arenaEnd | (PageSize - 1)) + 1;
        }

        if (_arenaEnd >> PageBits == _pages.Count)
        {
            _pages.Add(new byte[PageSize]);
        }

        var block = _arenaEnd;
        _arenaEnd += size;
        return block;
    }

    private Span<byte> Span(long offset, int length) => _pages[(int)(offset >> PageBits)].AsSpan((int)(offset & (PageSize - 1)), length);

    // The pieces of a list's bytes, block by block.
    private List<(long Offset, int Length)> Pieces(in ListState list)
    {
        var pieces = new List<(long, int)>();
        for (var block = list.Head; block != list.Tail;)
        {
            var header = Span(block, BlockHeader);
            pieces.Add((block + BlockHeader, BinaryPrimitives.ReadInt32LittleEndian(header[8..])));
            block = BinaryPrimitives.ReadInt64LittleEndian(header);
        }

        pieces.Add((list.Tail + BlockHeader, (int)(list.Fill - list.Tail - BlockHeader)));
        return pieces;
    }

    private uint ChecksumOf(in ListState list)
    {
        uint crc = 0;
        foreach (var (offset, length) in Pieces(list))
        {
            crc = Crc32C.Append(crc, Span(offset, length));
        }

        return crc;
    }

    /// <summary>Writes the segment for documents [first, end) to <paramref name="path"/>, atomically.</summary>
    public void Write(string path, int endDoc)
    {
        Array.Sort(_lists, 0, _listCount, Comparer<ListState>.Create((a, b) => a.Key.CompareTo(b.Key)));
        var lists = _lists.AsSpan(0, _listCount);
        var blocks = (lists.Length + PostingSegment.BlockSize - 1) / PostingSegment.BlockSize;
        var keyTableAt = PostingSegment.KeyTableOffset(blocks);
        var postingsAt = keyTableAt + ((long)lists.Length * PostingSegment.KeyEntrySize);
        long postingsLength = 0;
        foreach (var list in lists)
        {
            postingsLength += list.Length;
        }

        var temp = IndexFiles.TempFor(path);
        using (var stream = new FileStream(temp, FileMode.Create, FileAccess.Write, FileShare.None, 1 << 20))
        {
            var header = new byte[keyTableAt];
            var h = header.AsSpan();
            PostingSegment.Magic.CopyTo(h);
            BinaryPrimitives.WriteInt32LittleEndian(h[8..], PostingSegment.Version);
            BinaryPrimitives.WriteInt32LittleEndian(h[12..], PostingSegment.BlockSize);
            BinaryPrimitives.WriteInt32LittleEndian(h[16..], _firstDoc);
            BinaryPrimitives.WriteInt32LittleEndian(h[20..], endDoc);
            BinaryPrimitives.WriteInt32LittleEndian(h[24..], lists.Length);
            BinaryPrimitives.WriteInt32LittleEndian(h[28..], blocks);
            BinaryPrimitives.WriteInt64LittleEndian(h[32..], postingsAt);
            BinaryPrimitives.WriteInt64LittleEndian(h[40..], postingsLength);
            BinaryPrimitives.WriteUInt32LittleEndian(h[48..], Crc32C.Of(h[..48]));

            // The key table, block by block, with each block's first key and checksum in the block index.
            var table = new byte[(long)lists.Length * PostingSegment.KeyEntrySize];
            long offset = 0;
            for (var i = 0; i < lists.Length; i++)
            {
                var e = table.AsSpan(i * PostingSegment.KeyEntrySize, PostingSegment.KeyEntrySize);
                var list = lists[i];
                BinaryPrimitives.WriteInt32LittleEndian(e, list.Key);
                BinaryPrimitives.WriteInt32LittleEndian(e[4..], list.Count);
                BinaryPrimitives.WriteInt64LittleEndian(e[8..], offset);
                BinaryPrimitives.WriteInt32LittleEndian(e[16..], list.Length);
                BinaryPrimitives.WriteUInt32LittleEndian(e[20..], ChecksumOf(list));
                offset += list.Length;
            }

            for (var b = 0; b < blocks; b++)
            {
                var first = b * PostingSegment.BlockSize;
                var count = Math.Min(PostingSegment.BlockSize, lists.Length - first);
                var at = PostingSegment.BlockIndexOffset + (b * 8);
                BinaryPrimitives.WriteInt32LittleEndian(h[at..], lists[first].Key);
                BinaryPrimitives.WriteUInt32LittleEndian(h[(at + 4)..], Crc32C.Of(table.AsSpan(first * PostingSegment.KeyEntrySize, count * PostingSegment.KeyEntrySize)));
            }

            var indexEnd = PostingSegment.BlockIndexOffset + (blocks * 8);
            BinaryPrimitives.WriteUInt32LittleEndian(h[indexEnd..], Crc32C.Of(h[PostingSegment.BlockIndexOffset..indexEnd]));
            stream.Write(header);
            stream.Write(table);
            foreach (var list in _lists.AsSpan(0, _listCount))
            {
                foreach (var (pieceAt, length) in Pieces(list))
                {
                    stream.Write(Span(pieceAt, length));
                }
            }

            stream.Flush(flushToDisk: true);
        }

        File.Move(temp, path, overwrite: true);
    }
}
