using System.Buffers.Binary;

namespace Scour.Indexing;

/// <summary>
/// Accumulates the posting lists of one segment in memory (documents must arrive in increasing order)
/// and writes them as a segment file: a header, a checksummed index of key blocks, the key table in
/// blocks with a checksum each, and the lists as delta-coded varints, each with its own checksum.
/// </summary>
internal sealed class SegmentWriter
{
    private readonly int[] _slot = new int[FoldedGrams.FirstKey + FoldedGrams.Buckets]; // key → list number + 1
    private readonly List<PostingBuffer> _lists = [];
    private int _firstDoc;

    public SegmentWriter(int firstDoc) => _firstDoc = firstDoc;

    /// <summary>The postings added so far.</summary>
    public long Postings { get; private set; }

    /// <summary>Forgets the lists (after <see cref="Write"/>) to start the segment from <paramref name="firstDoc"/>.</summary>
    public void Reset(int firstDoc)
    {
        foreach (var list in _lists)
        {
            _slot[list.Key] = 0;
        }

        _lists.Clear();
        _firstDoc = firstDoc;
        Postings = 0;
    }

    private sealed class PostingBuffer(int key, int firstDoc)
    {
        public readonly int Key = key;
        public byte[] Data = new byte[8];
        public int Length;
        public int Last = firstDoc - 1;
        public int Count;

        public void Add(int doc)
        {
            if (Data.Length - Length < 5)
            {
                Array.Resize(ref Data, Data.Length * 2);
            }

            var delta = (uint)(doc - Last);
            Last = doc;
            Count++;
            while (delta >= 0x80)
            {
                Data[Length++] = (byte)(delta | 0x80);
                delta >>= 7;
            }

            Data[Length++] = (byte)delta;
        }
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
                _lists.Add(new PostingBuffer(key, _firstDoc));
                slot = _lists.Count;
            }

            _lists[slot - 1].Add(doc);
        }
    }

    /// <summary>Writes the segment for documents [first, end) to <paramref name="path"/>, atomically.</summary>
    public void Write(string path, int endDoc)
    {
        _lists.Sort((a, b) => a.Key.CompareTo(b.Key));
        var blocks = (_lists.Count + PostingSegment.BlockSize - 1) / PostingSegment.BlockSize;
        var keyTableAt = PostingSegment.KeyTableOffset(blocks);
        var postingsAt = keyTableAt + ((long)_lists.Count * PostingSegment.KeyEntrySize);
        long postingsLength = 0;
        foreach (var list in _lists)
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
            BinaryPrimitives.WriteInt32LittleEndian(h[24..], _lists.Count);
            BinaryPrimitives.WriteInt32LittleEndian(h[28..], blocks);
            BinaryPrimitives.WriteInt64LittleEndian(h[32..], postingsAt);
            BinaryPrimitives.WriteInt64LittleEndian(h[40..], postingsLength);
            BinaryPrimitives.WriteUInt32LittleEndian(h[48..], Crc32C.Of(h[..48]));

            // The key table, block by block, with each block's first key and checksum in the block index.
            var table = new byte[(long)_lists.Count * PostingSegment.KeyEntrySize];
            long offset = 0;
            for (var i = 0; i < _lists.Count; i++)
            {
                var e = table.AsSpan(i * PostingSegment.KeyEntrySize, PostingSegment.KeyEntrySize);
                var list = _lists[i];
                BinaryPrimitives.WriteInt32LittleEndian(e, list.Key);
                BinaryPrimitives.WriteInt32LittleEndian(e[4..], list.Count);
                BinaryPrimitives.WriteInt64LittleEndian(e[8..], offset);
                BinaryPrimitives.WriteInt32LittleEndian(e[16..], list.Length);
                BinaryPrimitives.WriteUInt32LittleEndian(e[20..], Crc32C.Of(list.Data.AsSpan(0, list.Length)));
                offset += list.Length;
            }

            for (var b = 0; b < blocks; b++)
            {
                var first = b * PostingSegment.BlockSize;
                var count = Math.Min(PostingSegment.BlockSize, _lists.Count - first);
                var at = PostingSegment.BlockIndexOffset + (b * 8);
                BinaryPrimitives.WriteInt32LittleEndian(h[at..], _lists[first].Key);
                BinaryPrimitives.WriteUInt32LittleEndian(h[(at + 4)..], Crc32C.Of(table.AsSpan(first * PostingSegment.KeyEntrySize, count * PostingSegment.KeyEntrySize)));
            }

            var indexEnd = PostingSegment.BlockIndexOffset + (blocks * 8);
            BinaryPrimitives.WriteUInt32LittleEndian(h[indexEnd..], Crc32C.Of(h[PostingSegment.BlockIndexOffset..indexEnd]));
            stream.Write(header);
            stream.Write(table);
            foreach (var list in _lists)
            {
                stream.Write(list.Data, 0, list.Length);
            }

            stream.Flush(flushToDisk: true);
        }

        File.Move(temp, path, overwrite: true);
    }
}
