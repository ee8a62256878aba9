using Scour.Indexing;
using Scour.Matching;
using Scour.Searching;
using Scour.Walking;

namespace Scour;

/// <summary>
/// Configures a search one choice at a time, starting from ripgrep's defaults, and builds an immutable
/// <see cref="Searcher"/>. Every method returns the builder.
/// </summary>
/// <example>
/// <code>
/// var searcher = new SearchBuilder("TODO").IgnoreCase().Glob("*.cs").Build();
/// foreach (var file in searcher.Search("src"))
///     foreach (var line in file.Lines)
///         Console.WriteLine($"{file.Path}:{line.LineNumber}: {line.Text}");
/// </code>
/// </example>
public sealed class SearchBuilder
{
    private PatternOptions _pattern;
    private SearcherOptions _searcher = new() { LineNumbers = true };
    private WalkOptions _walk = new();
    private Func<ILineMatcher>? _matcher;
    private IndexStore? _indexes;

    /// <summary>Starts a search for lines matching any of <paramref name="patterns"/> (ripgrep's regex dialect).</summary>
    public SearchBuilder(params string[] patterns)
    {
        ArgumentNullException.ThrowIfNull(patterns);
        _pattern = new PatternOptions { Patterns = patterns };
    }

    /// <summary>Ignores case (<c>-i</c>).</summary>
    public SearchBuilder IgnoreCase() => Pattern(p => p with { Case = CaseMode.Insensitive });

    /// <summary>Ignores case unless the pattern has an uppercase letter (<c>-S</c>).</summary>
    public SearchBuilder SmartCase() => Pattern(p => p with { Case = CaseMode.Smart });

    /// <summary>Treats the patterns as literal text (<c>-F</c>).</summary>
    public SearchBuilder FixedStrings() => Pattern(p => p with { FixedStrings = true });

    /// <summary>Matches whole words only (<c>-w</c>).</summary>
    public SearchBuilder WordRegexp() => Pattern(p => p with { WordRegexp = true });

    /// <summary>Matches whole lines only (<c>-x</c>).</summary>
    public SearchBuilder LineRegexp() => Pattern(p => p with { LineRegexp = true });

    /// <summary>Reports the lines that do not match (<c>-v</c>).</summary>
    public SearchBuilder InvertMatch() => Searching(s => s with { InvertMatch = true });

    /// <summary>Reports lines of context around each match (<c>-B</c>, <c>-A</c>).</summary>
    public SearchBuilder Context(int before, int after) => Searching(s => s with { BeforeContext = before, AfterContext = after });

    /// <summary>Stops after this many matching lines per file (<c>-m</c>).</summary>
    public SearchBuilder MaxCount(long count) => Searching(s => s with { MaxCount = count });

    /// <summary>Searches hidden files and directories (<c>--hidden</c>).</summary>
    public SearchBuilder Hidden() => Walk(w => w with { Hidden = true });

    /// <summary>Ignores every ignore file (<c>--no-ignore</c>).</summary>
    public SearchBuilder NoIgnore() => Walk(w => w with { IgnoreVcs = false, IgnoreDot = false, IgnoreParent = false, IgnoreGlobal = false, IgnoreExclude = false, IgnoreFiles = [] });

    /// <summary>Includes (or, with a leading <c>!</c>, excludes) paths matching a glob (<c>-g</c>).</summary>
    public SearchBuilder Glob(string glob) => Walk(w => w with { Globs = [.. w.Globs, (glob, false)] });

    /// <summary>Searches only files of these types (<c>-t</c>), e.g. <c>"cs"</c>, <c>"rust"</c>.</summary>
    public SearchBuilder Types(params string[] types)
    {
        var builder = new FileTypes.Builder();
        foreach (var t in types)
        {
            builder.Select(t);
        }

        var compiled = builder.Build();
        return Walk(w => w with { Types = compiled });
    }

    /// <summary>Descends at most this many directories (<c>--max-depth</c>).</summary>
    public SearchBuilder MaxDepth(int depth) => Walk(w => w with { MaxDepth = depth });

    /// <summary>Follows symbolic links (<c>-L</c>).</summary>
    public SearchBuilder FollowLinks() => Walk(w => w with { FollowLinks = true });

    /// <summary>Uses this many threads (0: one per core).</summary>
    public SearchBuilder Threads(int threads) => Walk(w => w with { Threads = threads });

    /// <summary>Walks and reports files in path order, on one thread (<c>--sort path</c>).</summary>
    public SearchBuilder SortByPath() => Walk(w => w with { SortByPath = true });

    /// <summary>Adds a last filter on walked paths: <c>keep(path, isDirectory)</c> returns false to skip one.</summary>
    public SearchBuilder Filter(Func<string, bool, bool> keep)
    {
        ArgumentNullException.ThrowIfNull(keep);
        return Walk(w => w with { Filter = w.Filter is { } previous ? (p, d) => previous(p, d) && keep(p, d) : keep });
    }

    /// <summary>
    /// Answers from the search indexes built with <see cref="SearchIndex.Build"/> (or <c>scour index</c>)
    /// for trees that have one: files that cannot match are not read. Results are the same as without.
    /// </summary>
    /// <param name="indexDirectory">Where the indexes are; null for the default (<see cref="SearchIndex.DefaultDirectory"/>).</param>
    public SearchBuilder UseIndex(string? indexDirectory = null)
    {
        _indexes = IndexStore.At(indexDirectory);
        return this;
    }

    /// <summary>Replaces Scour's matcher with the caller's; one is created per search thread.</summary>
    public SearchBuilder UseMatcher(Func<ILineMatcher> factory)
    {
        ArgumentNullException.ThrowIfNull(factory);
        _matcher = factory;
        return this;
    }

    /// <summary>Changes any pattern option.</summary>
    public SearchBuilder Pattern(Func<PatternOptions, PatternOptions> change)
    {
        ArgumentNullException.ThrowIfNull(change);
        _pattern = change(_pattern);
        return this;
    }

    /// <summary>Changes any searcher option (context, binary handling, ...).</summary>
    public SearchBuilder Searching(Func<SearcherOptions, SearcherOptions> change)
    {
        ArgumentNullException.ThrowIfNull(change);
        _searcher = change(_searcher);
        return this;
    }

    /// <summary>Changes any walk option (ignore rules, globs, types, depth, links, ...).</summary>
    public SearchBuilder Walk(Func<WalkOptions, WalkOptions> change)
    {
        ArgumentNullException.ThrowIfNull(change);
        _walk = change(_walk);
        return this;
    }

    /// <summary>Compiles the pattern and returns the searcher; throws <see cref="PatternSyntaxException"/> for a bad pattern.</summary>
    public Searcher Build()
    {
        var compiled = _matcher is null ? CompiledPattern.Compile(_pattern) : null;
        return new Searcher(_pattern, compiled, _searcher, _walk, _matcher, _indexes);
    }
}
