using System.Text;
using Scour.Cli.Flags;

namespace Scour.Cli;

/// <summary>
/// Renders <c>-h</c> (one line per flag) and <c>--help</c> (with details) from the flag table, laid out
/// as rg 15.2 lays out its own: the same sections in the same order, flags in rg's order within each
/// (Scour's own after rg's, deprecated ones last), <c>--flag=VALUE</c>, negations stated inline.
/// </summary>
internal static class HelpText
{
    internal static readonly (FlagCategory Category, string Title)[] Sections =
    [
        (FlagCategory.Input, "INPUT OPTIONS"),
        (FlagCategory.Search, "SEARCH OPTIONS"),
        (FlagCategory.Filter, "FILTER OPTIONS"),
        (FlagCategory.Output, "OUTPUT OPTIONS"),
        (FlagCategory.OutputModes, "OUTPUT MODES"),
        (FlagCategory.Logging, "LOGGING OPTIONS"),
        (FlagCategory.Rewrite, "REWRITE OPTIONS"),
        (FlagCategory.Index, "INDEX OPTIONS"),
        (FlagCategory.OtherBehaviors, "OTHER BEHAVIORS"),
    ];

    // rg 15.2's help order (its flag definitions are not alphabetical everywhere, e.g. -N follows -n).
    private static readonly string[] RipgrepOrder =
    [
        "regexp", "file", "pre", "pre-glob", "search-zip", "case-sensitive", "crlf", "dfa-size-limit", "encoding",
        "engine", "fixed-strings", "ignore-case", "invert-match", "line-regexp", "max-count", "mmap", "multiline",
        "multiline-dotall", "no-unicode", "null-data", "pcre2", "regex-size-limit", "smart-case", "stop-on-nonmatch",
        "text", "threads", "word-regexp", "auto-hybrid-regex", "no-pcre2-unicode", "binary", "follow", "glob",
        "glob-case-insensitive", "hidden", "iglob", "ignore-file", "ignore-file-case-insensitive", "max-depth",
        "max-filesize", "no-ignore", "no-ignore-dot", "no-ignore-exclude", "no-ignore-files", "no-ignore-global",
        "no-ignore-parent", "no-ignore-vcs", "no-require-git", "one-file-system", "type", "type-not", "type-add",
        "type-clear", "unrestricted", "after-context", "before-context", "block-buffered", "byte-offset", "color",
        "colors", "column", "context", "context-separator", "field-context-separator", "field-match-separator",
        "heading", "help", "hostname-bin", "hyperlink-format", "include-zero", "line-buffered", "line-number",
        "no-line-number", "max-columns", "max-columns-preview", "null", "only-matching", "path-separator",
        "passthru", "pretty", "quiet", "replace", "sort", "sortr", "trim", "vimgrep", "with-filename",
        "no-filename", "sort-files", "count", "count-matches", "files-with-matches", "files-without-match", "json",
        "debug", "no-ignore-messages", "no-messages", "stats", "trace", "files", "generate", "no-config",
        "pcre2-version", "type-list", "version",
    ];

    private const int Width = 79;

    /// <summary>The flags of <paramref name="category"/> in the order help and the manual list them.</summary>
    public static IEnumerable<Flag> InOrder(FlagCategory category) =>
        FlagTable.All.Where(f => f.Category == category)
            .OrderBy(f => f.Deprecated)
            .ThenBy(f => Array.IndexOf(RipgrepOrder, f.Long) is var i and >= 0 ? i : RipgrepOrder.Length);

    public static string Render(bool detailed)
    {
        var name = Identity.Name;
        var indent = detailed ? "    " : "  ";
        var sb = new StringBuilder();
        sb.Append(VersionText.Short).Append("\n\n");
        Paragraph(sb, string.Empty, $"Scour ({name}) recursively searches the current directory for lines matching a regex pattern, as ripgrep does, with ripgrep's flags and output. It respects gitignore rules and skips hidden files, directories and binary files unless asked not to. With -r and --diff or --write it previews or applies the replacement.");
        sb.Append("\nUse -h for short descriptions and --help for more details.\n\n");
        sb.Append("USAGE:\n").Append(indent).Append(name).Append(" [OPTIONS] PATTERN [PATH ...]\n");
        if (detailed)
        {
            foreach (var usage in new[] { "[OPTIONS] -e PATTERN ... [PATH ...]", "[OPTIONS] -f PATTERNFILE ... [PATH ...]", "[OPTIONS] --files [PATH ...]", "[OPTIONS] --type-list", "[OPTIONS] PATTERN -r REPLACEMENT --diff|--write [PATH ...]", "--undo" })
            {
                sb.Append(indent).Append(name).Append(' ').Append(usage).Append('\n');
            }

            sb.Append(indent).Append("command | ").Append(name).Append(" [OPTIONS] PATTERN\n");
            if (!Identity.IsRipgrep)
            {
                sb.Append(indent).Append(name).Append(" index [--status | --drop | --watch] [PATH ...]   (see 'scour index --help')\n");
            }
        }

        sb.Append("\nPOSITIONAL ARGUMENTS:\n");
        Entry(sb, detailed, "<PATTERN>", "The regular expression to search for.", "The regular expression to search for. A pattern that starts with a dash needs -e/--regexp, or -- before it.", width: 12);
        Entry(sb, detailed, "<PATH>...", "A file or directory to search.", "Files and directories to search; directories are searched recursively, and the current directory when none is given. Paths named here are searched even when ignore rules or globs would skip them.", width: 12);
        foreach (var (category, title) in Sections)
        {
            sb.Append(detailed ? string.Empty : "\n").Append(title).Append(":\n"); // --help's entries end with a blank line
            foreach (var flag in InOrder(category))
            {
                var summary = flag.Deprecated ? "(DEPRECATED) " + flag.Summary : flag.Summary;
                Entry(sb, detailed, Names(flag, detailed), summary, Details(flag));
            }
        }

        // rg ends -h with its last flag's line, and --help without the blank line after its last entry.
        return detailed ? sb.ToString().TrimEnd('\n') + "\n" : sb.ToString();
    }

    // -h: "-e, --regexp=PATTERN"; --help: "-e PATTERN, --regexp=PATTERN". As in rg, -h shortens a few
    // value names.
    private static string Names(Flag flag, bool detailed)
    {
        var valueName = detailed ? flag.ValueName : flag.ValueName switch { "NUM+SUFFIX?" => "NUM", "SEPARATOR" => "SEP", "REPLACEMENT" => "TEXT", var other => other };
        var value = flag.TakesValue ? "=" + valueName : string.Empty;
        var shortForm = flag.Short is not { } s ? string.Empty : detailed && flag.TakesValue ? $"-{s} {flag.ValueName}, " : $"-{s}, ";
        return $"{shortForm}--{flag.Long}{value}";
    }

    private static string Details(Flag flag)
    {
        var text = new StringBuilder();
        if (flag.Deprecated)
        {
            text.Append("DEPRECATED. ");
        }

        text.Append(flag.Details ?? flag.Summary);
        if (flag.Choices is { } choices)
        {
            text.Append("\n\nPossible values: ").Append(string.Join(", ", choices)).Append('.');
        }

        if (flag.Negation is { } negation && !flag.TakesValue) // as rg, only switches say how to undo them
        {
            text.Append("\n\nThis flag can be disabled with --").Append(negation).Append('.');
        }

        return text.ToString();
    }

    private static void Entry(StringBuilder sb, bool detailed, string names, string summary, string details, int width = 32)
    {
        if (!detailed)
        {
            sb.Append("  ").Append(names.Length < width ? names.PadRight(width) : names + " ").Append(summary).Append('\n');
            return;
        }

        sb.Append("    ").Append(names).Append('\n');
        Paragraph(sb, "        ", details);
        sb.Append('\n');
    }

    // Wraps each paragraph (separated by blank lines) to the help's width under the given indent.
    private static void Paragraph(StringBuilder sb, string indent, string text)
    {
        var first = true;
        foreach (var paragraph in text.Split("\n\n"))
        {
            if (!first)
            {
                sb.Append('\n');
            }

            first = false;
            var line = new StringBuilder(indent);
            foreach (var word in paragraph.Split(' ', StringSplitOptions.RemoveEmptyEntries))
            {
                if (line.Length > indent.Length && line.Length + 1 + word.Length > Width)
                {
                    sb.Append(line).Append('\n');
                    line.Clear().Append(indent);
                }

                if (line.Length > indent.Length)
                {
                    line.Append(' ');
                }

                line.Append(word);
            }

            sb.Append(line).Append('\n');
        }
    }
}
