using Scour.Indexing;

namespace Scour.Library.Tests;

public sealed class SearchIndexApiTests : IDisposable
{
    private readonly string _root = Directory.CreateTempSubdirectory("scour-lib-index-").FullName;
    private readonly string _indexes = Directory.CreateTempSubdirectory("scour-lib-indexes-").FullName;

    public void Dispose()
    {
        Directory.Delete(_root, recursive: true);
        Directory.Delete(_indexes, recursive: true);
    }

    private static string[] Lines(Searcher searcher, string root) =>
        [.. searcher.Search(root).SelectMany(f => f.Lines.Select(l => $"{Path.GetRelativePath(root, f.Path)}:{l.LineNumber}:{l.Text}")).Order(StringComparer.Ordinal)];

    [Fact]
    public void Build_open_search_and_drop_through_the_public_api()
    {
        if (!OperatingSystem.IsLinux())
        {
            Assert.Throws<PlatformNotSupportedException>(() => SearchIndex.Build(_root, _indexes));
            return;
        }

        for (var i = 0; i < 50; i++)
        {
            File.WriteAllText(Path.Join(_root, $"f{i}.txt"), i == 7 ? "a needle\n" : $"hay {i}\n");
        }

        Thread.Sleep(2100); // past the racy window: the build trusts these files
        var progress = new List<IndexProgress>();
        var report = SearchIndex.Build(_root, _indexes, new SyncProgress(progress.Add));
        Assert.Equal(50, report.Files);
        Assert.True(report.Rebuilt);
        Assert.Equal(50, progress[^1].FilesDone);

        var index = SearchIndex.Open(_root, _indexes);
        Assert.NotNull(index);
        Assert.Equal(50, index.Status().IndexedFiles);
        Assert.Equal(0, index.Status().Changed);

        File.WriteAllText(Path.Join(_root, "f8.txt"), "another needle\n"); // changed after the build
        var plain = Lines(new SearchBuilder("needle").Build(), _root);
        var indexed = Lines(new SearchBuilder("needle").UseIndex(_indexes).Build(), _root);
        Assert.Equal(["f7.txt:1:a needle", "f8.txt:1:another needle"], plain);
        Assert.Equal(plain, indexed);
        Assert.Equal(1, index.Status().Changed);
        var run = new SearchBuilder("needle").UseIndex(_indexes).Build().Search(_root);
        Assert.Equal(2, run.Count());
        Assert.Equal(2, run.Summary!.FilesSearched); // f7 (a candidate) and f8 (changed): the other 48 are not read

        index.Drop();
        Assert.Null(SearchIndex.Open(_root, _indexes));
        Assert.Empty(SearchIndex.All(_indexes));
    }

    private sealed class SyncProgress(Action<IndexProgress> report) : IProgress<IndexProgress>
    {
        public void Report(IndexProgress value) => report(value);
    }
}
