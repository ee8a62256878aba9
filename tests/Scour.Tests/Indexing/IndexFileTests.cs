using Scour.Indexing;

namespace Scour.Tests.Indexing;

public sealed class IndexFileTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("scour-indexfiles-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Fact]
    public void Crc32C_matches_the_standard_check_value() =>
        Assert.Equal(0xE3069283u, Crc32C.Of("123456789"u8));

    [Fact]
    public void Crc32C_continues_across_pieces() =>
        Assert.Equal(Crc32C.Of("123456789"u8), Crc32C.Append(Crc32C.Of("1234"u8), "56789"u8));

    [Theory]
    [InlineData(0, 24575)]
    [InlineData(1, 24576)]
    [InlineData(2, 24577)]
    [InlineData(3, 50000)]
    [InlineData(4, 100003)]
    public void Crc32C_of_long_inputs_matches_a_bitwise_reference(int seed, int length)
    {
        // The three-stream path against the textbook definition, one bit at a time (reflected, 0x82F63B78).
        var data = new byte[length];
        new Random(seed).NextBytes(data);
        var crc = ~0u;
        foreach (var b in data)
        {
            crc ^= b;
            for (var i = 0; i < 8; i++)
            {
                crc = (crc & 1) != 0 ? (crc >> 1) ^ 0x82F63B78u : crc >> 1;
            }
        }

        Assert.Equal(~crc, Crc32C.Of(data));
        Assert.Equal(~crc, Crc32C.Append(Crc32C.Of(data.AsSpan(0, 7)), data.AsSpan(7)));
    }

    private string WriteSegment(out SegmentRef reference)
    {
        // Documents 10..2009; key k is held by the documents divisible by k's low byte + 1.
        var writer = new SegmentWriter(10);
        for (var doc = 10; doc < 2010; doc++)
        {
            writer.Add(doc, [.. Enumerable.Range(1, 5).Where(k => doc % k == 0).Select(k => TrigramQuery.KeyOf((byte)'k', (byte)'e', (byte)('0' + k)))]);
        }

        var path = Path.Join(_dir, PostingSegment.FileName(7));
        writer.Write(path, 2010);
        reference = new SegmentRef(7, 10, 2010);
        return path;
    }

    [Fact]
    public void A_segment_returns_the_documents_written()
    {
        var path = WriteSegment(out var reference);
        using var segment = PostingSegment.Open(path, reference);
        for (var k = 1; k <= 5; k++)
        {
            var key = TrigramQuery.KeyOf((byte)'k', (byte)'e', (byte)('0' + k));
            var docs = new ulong[(2010 + 63) / 64];
            segment.AddDocs(key, docs);
            var expected = Enumerable.Range(10, 2000).Where(d => d % k == 0).ToList();
            var actual = Enumerable.Range(0, 2010).Where(d => ((docs[d >> 6] >> (d & 63)) & 1) != 0).ToList();
            Assert.Equal(expected, actual);
            Assert.Equal(expected.Count, segment.Count(key));
        }

        Assert.Equal(0, segment.Count(TrigramQuery.KeyOf((byte)'z', (byte)'z', (byte)'z')));
    }

    [Fact]
    public void A_damaged_or_truncated_segment_is_detected_never_read_as_empty()
    {
        var path = WriteSegment(out var reference);
        var original = File.ReadAllBytes(path);
        var key = TrigramQuery.KeyOf((byte)'k', (byte)'e', (byte)'1');
        for (var at = 0; at < original.Length; at += Math.Max(1, original.Length / 97))
        {
            var damaged = (byte[])original.Clone();
            damaged[at] ^= 0x5A;
            File.WriteAllBytes(path, damaged);
            Assert.Throws<InvalidDataException>(() =>
            {
                using var segment = PostingSegment.Open(path, reference);
                for (var k = 1; k <= 5; k++)
                {
                    segment.AddDocs(TrigramQuery.KeyOf((byte)'k', (byte)'e', (byte)('0' + k)), new ulong[32]);
                }
            });
        }

        File.WriteAllBytes(path, original[..^3]);
        Assert.Throws<InvalidDataException>(() => PostingSegment.Open(path, reference).Dispose());
        File.WriteAllBytes(path, original);
        using var intact = PostingSegment.Open(path, reference);
        Assert.Equal(2000, intact.Count(key));
    }

    private static TreeTable SampleTable() => new()
    {
        Root = "/some/tree",
        Generation = 3,
        SafeTimeNs = 123,
        BuiltAtNs = 456,
        NextDoc = 1,
        NameArray = "srcmain.c"u8.ToArray(),
        NodeArray =
        [
            new IndexNode { Parent = -1, Kind = NodeKind.Directory, Flags = NodeFlags.Listed, FirstChild = 1, ChildCount = 1, Doc = -1 },
            new IndexNode { Parent = 0, NameOffset = 0, NameLength = 3, Kind = NodeKind.Directory, Flags = NodeFlags.Listed, FirstChild = 2, ChildCount = 1, Doc = -1 },
            new IndexNode { Parent = 1, NameOffset = 3, NameLength = 6, Kind = NodeKind.File, Flags = NodeFlags.Indexed, Doc = 0, ChildCount = 1, Size = 42, Inode = 99 },
        ],
        Segments = [new SegmentRef(3, 0, 1)],
    };

    [Fact]
    public void A_table_reads_back_as_written()
    {
        var path = Path.Join(_dir, IndexStore.TableName);
        SampleTable().Write(path);
        using var table = TreeTable.Read(path);
        Assert.Equal("/some/tree", table.Root);
        Assert.Equal(3, table.Generation);
        Assert.Equal("src/main.c", table.RelativePath(2));
        Assert.Equal(1, table.DirectoryAt("src"));
        Assert.Equal(-1, table.DirectoryAt("main.c"));
        Assert.Equal(-1, table.DirectoryAt("src/main.c"));
        Assert.Equal(-1, table.DirectoryAt("lib"));
        Assert.Equal(0, table.DirectoryAt(""));
        Assert.Equal(2, table.ChildNamed(1, "main.c"u8));
        Assert.Equal(-1, table.ChildNamed(1, "main"u8));
        Assert.Equal(new string?[] { "", "src", null }, table.DirectoryPaths());
        Assert.Equal(99UL, table.Nodes[2].Inode);
        Assert.Equal([new SegmentRef(3, 0, 1)], table.Segments);
        Assert.Empty(Directory.EnumerateFiles(_dir, "*" + IndexFiles.TempSuffix));
    }

    [Fact]
    public void A_damaged_or_truncated_table_is_detected()
    {
        var path = Path.Join(_dir, IndexStore.TableName);
        SampleTable().Write(path);
        var original = File.ReadAllBytes(path);
        for (var at = 0; at < original.Length; at++)
        {
            var damaged = (byte[])original.Clone();
            damaged[at] ^= 0x01;
            File.WriteAllBytes(path, damaged);
            Assert.Throws<InvalidDataException>(() => TreeTable.Read(path));
        }

        for (var length = 0; length < original.Length; length += 7)
        {
            File.WriteAllBytes(path, original[..length]);
            Assert.Throws<InvalidDataException>(() => TreeTable.Read(path));
        }
    }
}
