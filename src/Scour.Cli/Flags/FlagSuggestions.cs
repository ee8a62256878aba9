namespace Scour.Cli.Flags;

/// <summary>
/// The "similar flags that are available" hint after an unknown long flag, chosen as rg 15 chooses
/// it: every spelling whose set of 3-byte windows has a Jaccard index of at least 0.4 with the
/// unknown name's, listed in rg's definition order (then Scour's own flags).
/// </summary>
internal static class FlagSuggestions
{
    private const double Threshold = 0.4;

    // rg 15.2's definition order of its flags (-e and -f first, deprecated ones last); a flag's
    // spellings are tried as name, negation, aliases.
    private static readonly string[] RipgrepOrder =
    [
        "regexp", "file", "after-context", "before-context", "binary", "block-buffered", "byte-offset",
        "case-sensitive", "color", "colors", "column", "context", "context-separator", "count",
        "count-matches", "crlf", "debug", "dfa-size-limit", "encoding", "engine", "field-context-separator",
        "field-match-separator", "files", "files-with-matches", "files-without-match", "fixed-strings",
        "follow", "generate", "glob", "glob-case-insensitive", "heading", "help", "hidden", "hostname-bin",
        "hyperlink-format", "iglob", "ignore-case", "ignore-file", "ignore-file-case-insensitive",
        "include-zero", "invert-match", "json", "line-buffered", "line-number", "no-line-number",
        "line-regexp", "max-columns", "max-columns-preview", "max-count", "max-depth", "max-filesize",
        "mmap", "multiline", "multiline-dotall", "no-config", "no-ignore", "no-ignore-dot",
        "no-ignore-exclude", "no-ignore-files", "no-ignore-global", "no-ignore-messages",
        "no-ignore-parent", "no-ignore-vcs", "no-messages", "no-require-git", "no-unicode", "null",
        "null-data", "one-file-system", "only-matching", "path-separator", "passthru", "pcre2",
        "pcre2-version", "pre", "pre-glob", "pretty", "quiet", "regex-size-limit", "replace", "search-zip",
        "smart-case", "sort", "sortr", "stats", "stop-on-nonmatch", "text", "threads", "trace", "trim",
        "type", "type-not", "type-add", "type-clear", "type-list", "unrestricted", "version", "vimgrep",
        "with-filename", "no-filename", "word-regexp", "auto-hybrid-regex", "no-pcre2-unicode", "sort-files",
    ];

    /// <summary>The hint line for an unknown long name (without dashes), or null when nothing is similar.</summary>
    public static string? For(string unknown, IReadOnlyList<Flag> flags)
    {
        var given = Windows(unknown);
        var rank = RipgrepOrder.Select((name, i) => (name, i)).ToDictionary(x => x.name, x => x.i);
        var similar = flags
            .OrderBy(f => rank.TryGetValue(f.Long, out var r) ? r : int.MaxValue) // stable: Scour's own keep table order
            .SelectMany(f => new[] { f.Long, f.Negation }.Concat(f.Aliases))
            .OfType<string>()
            .Where(name => Jaccard(given, Windows(name)) >= Threshold)
            .Select(name => "--" + name)
            .ToList();
        return similar.Count == 0 ? null : $"similar flags that are available: {string.Join(", ", similar)}";
    }

    private static HashSet<string> Windows(string name) => name.Length switch
    {
        < 3 => [name.PadRight(3, '!')],
        _ => [.. Enumerable.Range(0, name.Length - 2).Select(i => name.Substring(i, 3))],
    };

    private static double Jaccard(HashSet<string> a, HashSet<string> b)
    {
        var intersection = a.Count(b.Contains);
        var union = a.Count + b.Count - intersection;
        return (double)intersection / union;
    }
}
