using Scour.Walking;

namespace Scour.Tests.Walking;

public sealed class WalkerTests : IDisposable
{
    private readonly string _root = Path.Combine(Path.GetTempPath(), "scour-walker-" + Guid.NewGuid().ToString("N"));

    public WalkerTests()
    {
        Directory.CreateDirectory(Path.Combine(_root, ".git"));
        Write(".gitignore", "*.log\nbuild/\n");
        Write("src/.gitignore", "!keep.log\n");
        Write("src/a.rs", "x");
        Write("src/keep.log", "x");
        Write("src/drop.log", "x");
        Write("build/out.txt", "x");
        Write(".hidden", "x");
        Write(".ignore", "secret.txt\n");
        Write("secret.txt", "x");
        Write("top.txt", "x");
        Write("deep/a/b/c.txt", "x");
    }

    private void Write(string relative, string text)
    {
        var path = Path.Combine(_root, relative);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, text);
    }

    private List<string> Walk(WalkOptions options, params string[] roots)
    {
        var found = new List<string>();
        var errors = new List<string>();
        new Walker(options with { WorkingDirectory = _root, Environment = _ => null }).Run(
            roots.Length == 0 ? [_root + "/"] : roots,
            entry =>
            {
                lock (found)
                {
                    found.Add(Path.GetRelativePath(_root, entry.Path));
                }

                return true;
            },
            (path, message) => errors.Add($"{path}: {message}"));
        Assert.Empty(errors);
        found.Sort(StringComparer.Ordinal);
        return found;
    }

    [Fact]
    public void Default_rules_match_ripgrep()
    {
        Assert.Equal(["deep/a/b/c.txt", "src/a.rs", "src/keep.log", "top.txt"], Walk(new WalkOptions()));
    }

    [Fact]
    public void Hidden_and_no_ignore()
    {
        var all = Walk(new WalkOptions { Hidden = true, IgnoreVcs = false, IgnoreDot = false });
        Assert.Contains(".hidden", all);
        Assert.Contains("build/out.txt", all);
        Assert.Contains("secret.txt", all);
        Assert.Contains("src/drop.log", all);
    }

    [Fact]
    public void Gitignore_needs_a_repository_unless_told_otherwise()
    {
        Directory.Delete(Path.Combine(_root, ".git"));
        Assert.Contains("build/out.txt", Walk(new WalkOptions()));
        Assert.DoesNotContain("build/out.txt", Walk(new WalkOptions { RequireGit = false }));
        Assert.DoesNotContain("secret.txt", Walk(new WalkOptions())); // .ignore applies everywhere
    }

    [Fact]
    public void Max_depth_counts_from_the_root()
    {
        Assert.Equal(["top.txt"], Walk(new WalkOptions { MaxDepth = 1 }));
    }

    [Fact]
    public void Parent_rules_apply_when_walking_a_subdirectory()
    {
        var found = Walk(new WalkOptions(), Path.Combine(_root, "src"));
        Assert.Equal(["src/a.rs", "src/keep.log"], found);
        var withoutParents = Walk(new WalkOptions { IgnoreParent = false }, Path.Combine(_root, "src"));
        Assert.Contains("src/drop.log", withoutParents);
    }

    [Fact]
    public void An_explicit_file_is_always_yielded()
    {
        Assert.Equal(["src/drop.log"], Walk(new WalkOptions(), Path.Combine(_root, "src/drop.log")));
    }

    [Fact]
    public void Sorted_walk_is_depth_first_by_name()
    {
        var order = new List<string>();
        new Walker(new WalkOptions { SortByPath = true, Environment = _ => null }).Run(
            [_root],
            e =>
            {
                order.Add(Path.GetRelativePath(_root, e.Path));
                return true;
            },
            (_, _) => { });
        Assert.Equal(["deep/a/b/c.txt", "src/a.rs", "src/keep.log", "top.txt"], order);
    }

    [Fact]
    public void Files_can_be_enumerated_lazily_and_abandoned()
    {
        var walker = new Walker(new WalkOptions { Environment = _ => null, WorkingDirectory = _root });
        var all = walker.EnumerateFiles([_root]).Select(e => Path.GetRelativePath(_root, e.Path)).Order(StringComparer.Ordinal).ToList();
        Assert.Equal(["deep/a/b/c.txt", "src/a.rs", "src/keep.log", "top.txt"], all);
        Assert.Single(walker.EnumerateFiles([_root]).Take(1));
    }

    [Theory]
    [InlineData("src/drop.log", true)]
    [InlineData("src/keep.log", false)]
    [InlineData("build/out.txt", true)]
    [InlineData("build", true)]
    [InlineData(".hidden", true)]
    [InlineData("secret.txt", true)]
    [InlineData("deep/a/b/c.txt", false)]
    public void Path_filter_answers_without_walking(string path, bool ignored) =>
        Assert.Equal(ignored, new PathFilter(_root, new WalkOptions { Environment = _ => null }).IsIgnored(path));

    [Fact]
    public void A_missing_root_is_reported()
    {
        var errors = new List<string>();
        var missing = Path.Combine(_root, "nope");
        new Walker(new WalkOptions { Threads = 2 }).Run([missing, _root], _ => true, (p, m) => errors.Add(m));
        new Walker(new WalkOptions { Threads = 2 }).Run([missing], _ => true, (p, m) => errors.Add(m));
        new Walker(new WalkOptions { Threads = 2, SortBy = WalkOrder.Path }).Run([missing, _root], _ => true, (p, m) => errors.Add(m));

        // As rg 15.2: a lone path that is not a directory is walked as "one file", with the longer
        // wording, which its sequential walker (--sort, -j1) uses for every missing path.
        var longer = $"IO error for operation on {missing}: No such file or directory (os error 2)";
        Assert.Equal(["No such file or directory (os error 2)", longer, longer], errors);
    }

    public void Dispose() => Directory.Delete(_root, recursive: true);
}
