using Scour.Matching;
using Scour.Results;
using Scour.Searching;
using Scour.Walking;

namespace Scour.Library.Tests;

public sealed class SearcherApiTests : IDisposable
{
    private readonly string _root = Path.Combine(Path.GetTempPath(), "scour-lib-" + Guid.NewGuid().ToString("N"));

    public SearcherApiTests()
    {
        Directory.CreateDirectory(Path.Combine(_root, ".git"));
        Write(".gitignore", "ignored/\n");
        Write("a.txt", "one\nTODO: first\nthree\n");
        Write("src/b.cs", "// todo later\nclass B {}\n// TODO: café ✓ TODO\n");
        Write("ignored/c.txt", "TODO hidden by .gitignore\n");
    }

    public void Dispose() => Directory.Delete(_root, recursive: true);

    private void Write(string relative, string text)
    {
        var path = Path.Combine(_root, relative);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, text);
    }

    private string Rel(string path) => Path.GetRelativePath(_root, path);

    [Fact]
    public void Finds_matches_with_lines_offsets_and_submatches()
    {
        var searcher = new SearchBuilder("TODO").Build();
        var files = searcher.Search(_root).OrderBy(f => f.Path, StringComparer.Ordinal).ToList();

        Assert.Equal(["a.txt", "src/b.cs"], files.Select(f => Rel(f.Path)));
        var b = files[1];
        var line = Assert.Single(b.Lines);
        Assert.Equal(3, line.LineNumber);
        Assert.Equal("// TODO: café ✓ TODO", line.Text);
        Assert.Equal(LineKind.Match, line.Kind);
        Assert.Equal("// todo later\nclass B {}\n".Length, line.ByteOffset);

        // "café ✓ " is 7 chars but 10 bytes, so the second TODO's byte and char offsets differ.
        Assert.Equal([new Submatch(3, 7, 3, 7, "TODO"), new Submatch(19, 23, 16, 20, "TODO")], line.Submatches);
    }

    [Fact]
    public void Multiline_patterns_report_units_of_lines()
    {
        Write("m.txt", "call(\n  x)\nother\n");
        var searcher = new SearchBuilder(@"call\(\s*x\)").Pattern(p => p with { Multiline = true }).Build();
        var file = Assert.Single(searcher.Search(Path.Combine(_root, "m.txt")));
        var unit = Assert.Single(file.Lines);
        Assert.Equal(1, unit.LineNumber);
        Assert.Equal("call(\n  x)", unit.Text);
        Assert.Equal("call(\n  x)", Assert.Single(unit.Submatches).Text);
    }

    [Fact]
    public void Pcre2_syntax_through_the_backtracking_engine()
    {
        var searcher = new SearchBuilder(@"(?<=TODO: )\w+").Pattern(p => p with { Engine = PatternEngine.Backtracking }).Build();
        var file = Assert.Single(searcher.Search(Path.Combine(_root, "a.txt")));
        Assert.Equal("first", Assert.Single(Assert.Single(file.Lines).Submatches).Text);
    }

    // PCRE2 itself (when libpcre2-8 is installed; CI requires it): \K is PCRE2's, not .NET's.
    [Fact]
    public void Pcre2_through_the_system_library()
    {
        if (!Scour.Matching.Pcre2.Pcre2Library.IsAvailable)
        {
            Assert.NotEqual("1", Environment.GetEnvironmentVariable("SCOUR_REQUIRE_ORACLES"));
            return; // without the library the fallback is covered above and by the CLI's Pcre2Tests
        }

        var searcher = new SearchBuilder(@"TODO: \K\w+").Pattern(p => p with { Engine = PatternEngine.Pcre2 }).Build();
        var file = Assert.Single(searcher.Search(Path.Combine(_root, "a.txt")));
        Assert.Equal("first", Assert.Single(Assert.Single(file.Lines).Submatches).Text);
        Assert.Equal(PatternEngine.Pcre2, CompiledPattern.Compile(new PatternOptions { Patterns = [@"\K"], Engine = PatternEngine.Pcre2 }).Engine);
    }

    [Fact]
    public void Options_compose()
    {
        var searcher = new SearchBuilder("todo").IgnoreCase().Glob("*.cs").Context(1, 0).SortByPath().Build();
        var file = Assert.Single(searcher.Search(_root));
        Assert.Equal(["1:// todo later", "2:class B {}", "3:// TODO: café ✓ TODO"], file.Lines.Select(l => l.ToString()));
        Assert.Equal([LineKind.Match, LineKind.Context, LineKind.Match], file.Lines.Select(l => l.Kind));
        Assert.Equal(2, file.MatchedLines);
    }

    [Fact]
    public async Task Async_enumeration_and_summary()
    {
        var run = new SearchBuilder("TODO").Build().Search([_root], CancellationToken.None);
        var count = 0;
        await foreach (var file in run.ReadAllAsync())
        {
            count++;
        }

        Assert.Equal(2, count);
        Assert.NotNull(run.Summary);
        Assert.Equal(2, run.Summary!.FilesMatched);
        Assert.Equal(2, run.Summary.MatchedLines);
        Assert.Equal(2, run.Summary.FilesSearched); // .gitignore is hidden, ignored/ is ignored
    }

    [Fact]
    public async Task Cancellation_stops_the_search()
    {
        using var cts = new CancellationTokenSource();
        var run = new SearchBuilder("TODO").Build().Search([_root], cts.Token);
        await Assert.ThrowsAnyAsync<OperationCanceledException>(async () =>
        {
            await foreach (var file in run.ReadAllAsync(cts.Token))
            {
                await cts.CancelAsync();
            }
        });
    }

    [Fact]
    public void A_bad_path_is_a_result_not_an_exception()
    {
        var results = new SearchBuilder("TODO").Build().Search(Path.Combine(_root, "missing"), Path.Combine(_root, "a.txt")).ToList();
        Assert.Contains(results, r => r.Error == "No such file or directory (os error 2)" && !r.HasMatch);
        Assert.Contains(results, r => r.HasMatch && r.Error is null);
    }

    [Fact]
    public void A_bad_pattern_throws_when_building()
    {
        var e = Assert.Throws<PatternSyntaxException>(() => new SearchBuilder("(").Build());
        Assert.Contains("unclosed group", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_searcher_is_reusable_and_thread_safe()
    {
        var searcher = new SearchBuilder("TODO").Build();
        var runs = Enumerable.Range(0, 8).AsParallel().Select(_ => searcher.Search(_root).Sum(f => f.MatchedLines)).ToList();
        Assert.All(runs, n => Assert.Equal(2, n));
    }

    private sealed class CountingSink : ISearchSink, ISink
    {
        public long Lines;
        public List<string> Failures { get; } = [];

        public ISink? BeginFile(string path) => this;

        public void EndFile(string path, SearchResult result, long matchedLines)
        {
        }

        public void Failed(string? path, string message)
        {
            lock (Failures)
            {
                Failures.Add(message);
            }
        }

        public bool Matched(in SinkLine line)
        {
            Interlocked.Increment(ref Lines);
            return true;
        }

        public bool Context(in SinkLine line, ContextKind kind) => true;

        public bool ContextBreak() => true;

        public bool BinaryData(long absoluteOffset) => true;
    }

    [Fact]
    public void Push_sink()
    {
        var sink = new CountingSink();
        var summary = new SearchBuilder("TODO").Build().Search([_root], sink);
        Assert.Equal(2, sink.Lines);
        Assert.Equal(2, summary.MatchedLines);
        Assert.Empty(sink.Failures);
    }

    // Matches lines that contain an 'e', and reports each 'e'.
    private sealed class LettersE : ILineMatcher
    {
        public bool IsMatch(ReadOnlySpan<byte> line) => line.Contains((byte)'e');

        public void FindMatches(ReadOnlySpan<byte> line, List<ByteRange> matches)
        {
            for (var i = 0; i < line.Length; i++)
            {
                if (line[i] == (byte)'e')
                {
                    matches.Add(new ByteRange(i, i + 1));
                }
            }
        }
    }

    [Fact]
    public void Matcher_and_path_filter_are_replaceable()
    {
        var searcher = new SearchBuilder("unused")
            .UseMatcher(() => new LettersE())
            .Filter((path, isDirectory) => isDirectory || path.EndsWith(".txt", StringComparison.Ordinal))
            .Build();
        var file = Assert.Single(searcher.Search(_root));
        Assert.Equal("a.txt", Rel(file.Path));
        Assert.Equal(["1:one", "3:three"], file.Lines.Select(l => l.ToString()));
        Assert.Equal([new Submatch(3, 4, 3, 4, "e"), new Submatch(4, 5, 4, 5, "e")], file.Lines[1].Submatches);
    }

    [Fact]
    public void In_memory_text()
    {
        var result = new SearchBuilder("b+").Build().SearchText("abc\nxyz\nabbbc\n");
        Assert.NotNull(result);
        Assert.Equal(["1:abc", "3:abbbc"], result!.Lines.Select(l => l.ToString()));
        Assert.Null(new SearchBuilder("q").Build().SearchText("abc"));
    }

    [Fact]
    public void The_walker_and_the_ignore_engine_stand_alone()
    {
        var files = new Walker(new WalkOptions()).EnumerateFiles([_root]).Select(e => Rel(e.Path)).Order(StringComparer.Ordinal);
        Assert.Equal(["a.txt", "src/b.cs"], files);
        var filter = new PathFilter(_root);
        Assert.True(filter.IsIgnored("ignored/c.txt"));
        Assert.False(filter.IsIgnored("src/b.cs"));
        Assert.Equal(IgnoreMatch.Whitelist, IgnoreFile.Parse("*.log\n!keep.log").Match("keep.log", false));
        var set = new GlobSet();
        set.Add(Glob.Parse("*.cs"), basenameOnly: true, directoryOnly: false);
        set.Add(Glob.Parse("src/**"), basenameOnly: false, directoryOnly: false);
        Assert.Equal(1, set.LastMatch("src/b.cs", false));
        Assert.Equal(0, set.LastMatch("x/b.cs", false));
    }

    [Fact]
    public void The_pattern_compiler_reports_syntax_like_ripgrep()
    {
        var compiled = CompiledPattern.Compile(new PatternOptions { Patterns = ["hello"], Case = CaseMode.Smart });
        Assert.True(compiled.IsCaseInsensitive);
        var escaped = CompiledPattern.Escape("a.b(c)");
        Assert.Equal("a\\.b\\(c\\)", escaped);

        var matcher = compiled.CreateLineMatcher();
        Assert.True(matcher.IsMatch("Say HELLO"u8));
        var found = new List<ByteRange>();
        matcher.FindMatches("hello, Hello"u8, found);
        Assert.Equal([new ByteRange(0, 5), new ByteRange(7, 12)], found);
    }
}
