using Scour.Indexing;

namespace Scour.Tests.Indexing;

public sealed class SegmentSplitTests : IDisposable
{
    private readonly string _root = Directory.CreateTempSubdirectory("scour-split-").FullName;
    private readonly string _indexes = Directory.CreateTempSubdirectory("scour-split-indexes-").FullName;

    public void Dispose()
    {
        Directory.Delete(_root, recursive: true);
        Directory.Delete(_indexes, recursive: true);
    }

    private string[] Lines(string pattern, bool indexed, out long filesSearched)
    {
        var builder = new SearchBuilder(pattern);
        var run = (indexed ? builder.UseIndex(_indexes) : builder).Build().Search(_root);
        string[] lines = [.. run.SelectMany(f => f.Lines.Select(l => $"{Path.GetFileName(f.Path)}:{l.LineNumber}:{l.Text}")).Order(StringComparer.Ordinal)];
        filesSearched = run.Summary!.FilesSearched;
        return lines;
    }

    // A build small enough for a test, cut into segments of a few thousand postings: searches and
    // the update that follows must see every segment.
    [Fact]
    public void A_build_split_into_segments_answers_as_a_plain_search()
    {
        if (!FileStamp.Supported)
        {
            return;
        }

        for (var i = 0; i < 700; i++)
        {
            File.WriteAllText(Path.Join(_root, $"f{i:D3}.c"), $"int word{i} = {i * 7};\nstatic void Pm_Resume{i % 5}(void) {{ }}\n");
        }

        Thread.Sleep(2100); // past the racy window: the build trusts these files
        var root = IndexStore.Canonical(_root);
        new IndexBuilder(IndexStore.At(_indexes), root, null) { SegmentPostings = 5_000 }.Run(CancellationToken.None);
        var folder = IndexStore.At(_indexes).FolderOf(root);
        Assert.True(Directory.GetFiles(folder, "postings-*.scx").Length >= 2);

        foreach (var pattern in new[] { "word123\\b", "(?i)pm_resume3", "static", "word6[0-9]{2}" })
        {
            Assert.Equal(Lines(pattern, indexed: false, out _), Lines(pattern, indexed: true, out _));
        }

        Assert.Single(Lines("word123 ", indexed: true, out var searched));
        Assert.Equal(1, searched);

        File.WriteAllText(Path.Join(_root, "f500.c"), "int word123 = 0;\n");
        Thread.Sleep(2100);
        new IndexBuilder(IndexStore.At(_indexes), root, null) { SegmentPostings = 5_000 }.Run(CancellationToken.None);
        Assert.Equal(Lines("word123\\b", indexed: false, out _), Lines("word123\\b", indexed: true, out searched));
        Assert.Equal(2, Lines("word123\\b", indexed: true, out _).Length);
        Assert.Equal(2, searched);
    }
}
