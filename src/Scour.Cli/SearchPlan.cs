using System.Text;
using Scour.Matching;
using Scour.Output;
using Scour.Searching;
using Scour.Walking;

namespace Scour.Cli;

/// <summary>
/// The second stage of argument handling: turns <see cref="RawArgs"/> plus the environment (is stdout
/// a terminal, is stdin readable, what kind are the paths) into the library's immutable options,
/// applying ripgrep's defaults.
/// </summary>
internal sealed record SearchPlan
{
    public required PatternOptions? Pattern { get; init; }

    public required SearcherOptions Searcher { get; init; }

    public required OutputOptions Output { get; init; }

    public required WalkOptions Walk { get; init; }

    /// <summary>Paths to walk; an empty string is the implicit current directory.</summary>
    public required IReadOnlyList<string> Roots { get; init; }

    /// <summary>True when standard input is searched instead of paths.</summary>
    public required bool SearchStdin { get; init; }

    /// <summary>One file named on the command line, or standard input, is all the search reads.</summary>
    public bool OnlySource { get; init; }

    public required bool ListFiles { get; init; }

    public required bool ListTypes { get; init; }

    /// <summary><c>-q</c>: print nothing (but the JSON summary); a match means success even after errors.</summary>
    public bool Quiet { get; init; }

    /// <summary><c>-q --files-without-match</c>: success means some file had no match (rg 15).</summary>
    public bool QuietWithoutMatch { get; init; }

    public required bool Messages { get; init; }

    /// <summary>Report malformed ignore files (not <c>--no-ignore-messages</c>).</summary>
    public bool IgnoreMessages { get; init; } = true;

    public required bool StdoutIsTerminal { get; init; }

    /// <summary>Flush after every file's output (a terminal, or --line-buffered).</summary>
    public required bool FlushEachFile { get; init; }

    /// <summary>Whether files are rewritten (or their rewrite previewed) instead of searched.</summary>
    public RewriteMode Rewrite { get; init; }

    /// <summary>Unchanged lines shown around each change by <c>--diff</c> and <c>--interactive</c>.</summary>
    public int DiffContext { get; init; } = 3;

    /// <summary><c>--debug</c>: say on standard error how the search went about its work.</summary>
    public bool Debug { get; init; }

    /// <summary>Whether a search index may be used (not <c>--no-index</c>).</summary>
    public bool UseIndex { get; init; } = true;

    /// <summary><c>--preserve-case</c>.</summary>
    public bool PreserveCase { get; init; }

    public static SearchPlan Build(RawArgs raw, bool stdoutIsTerminal, Func<bool> stdinIsReadable, Func<Stream> openStdin)
    {
        var positional = new List<string>(raw.Positional);
        if (raw.PatternFiles.Contains("-") && raw.Positional.Contains("-"))
        {
            throw new UsageException("error: attempted to read patterns from stdin while also searching stdin");
        }

        PatternOptions? pattern = null;
        if (raw.Mode is not (CliMode.Files or CliMode.Types))
        {
            var patterns = new List<string>(raw.Patterns);
            foreach (var file in raw.PatternFiles)
            {
                patterns.AddRange(ReadPatternFile(file, openStdin));
            }

            if (raw.Patterns.Count == 0 && raw.PatternFiles.Count == 0)
            {
                if (positional.Count == 0)
                {
                    throw new UsageException($"{Identity.ProseName} requires at least one pattern to execute a search");
                }

                patterns.Add(positional[0]);
                positional.RemoveAt(0);
            }

            pattern = new PatternOptions
            {
                Patterns = patterns,
                Case = raw.Case,
                FixedStrings = raw.FixedStrings,
                WordRegexp = raw.WordRegexp,
                LineRegexp = raw.LineRegexp,
                Crlf = raw.Crlf,
                Multiline = raw.Multiline,
                MultilineDotAll = raw.MultilineDotAll,
                Engine = raw.Engine,
                NullData = raw.NullData,
                Unicode = !raw.NoUnicode,
                RejectNul = !raw.Text && !raw.NullData, // binary detection is on, so no NUL can be matched
                RegexSizeLimit = raw.RegexSizeLimit ?? PatternOptions.DefaultRegexSizeLimit,
                DfaSizeLimit = raw.DfaSizeLimit,
            };
        }

        var rewrite = RewriteModeOf(raw, positional);
        var searchStdin = rewrite == RewriteMode.None && positional.Count == 0 && raw.Mode != CliMode.Files && stdinIsReadable();
        var roots = positional.Count == 0 ? (IReadOnlyList<string>)[string.Empty] : positional;
        var onlyStdin = searchStdin || (positional.Count == 1 && positional[0] == "-");

        var quiet = raw.Quiet;

        // As rg: -v --count-matches counts lines, -o --count counts matches.
        var mode = raw.Mode switch
        {
            CliMode.Json => OutputMode.Json, // with -q, only the summary (JsonSummaryOnly)
            _ when quiet => OutputMode.Quiet,
            CliMode.CountMatches when raw.InvertMatch => OutputMode.Count,
            CliMode.Count when raw.OnlyMatching => OutputMode.CountMatches,
            CliMode.CountMatches => OutputMode.CountMatches,
            CliMode.Count => OutputMode.Count,
            CliMode.FilesWithMatches => OutputMode.FilesWithMatches,
            CliMode.FilesWithoutMatch => OutputMode.FilesWithoutMatch,
            _ => OutputMode.Lines,
        };

        var summaryMode = mode is not (OutputMode.Lines or OutputMode.Json);

        var lineNumber = !summaryMode && (raw.LineNumber ?? (mode == OutputMode.Json || (stdoutIsTerminal && !onlyStdin) || raw.Column == true || raw.Vimgrep));
        var withFilename = raw.WithFilename ?? (raw.Vimgrep || positional.Count > 1 || (positional.Count == 0 && !searchStdin) || (positional.Count == 1 && Directory.Exists(positional[0])));
        var heading = !raw.Vimgrep && raw.Heading != false && (stdoutIsTerminal || raw.Heading == true);
        var color = raw.Color;
        var useColor = mode != OutputMode.Json && color switch
        {
            "always" or "ansi" => true,
            "never" => false,
            _ => stdoutIsTerminal && Environment.GetEnvironmentVariable("TERM") != "dumb" && string.IsNullOrEmpty(Environment.GetEnvironmentVariable("NO_COLOR")),
        };

        var before = raw.BeforeContext ?? raw.Context ?? 0;
        var after = raw.AfterContext ?? raw.Context ?? 0;
        var order = raw.Sort switch
        {
            "path" => WalkOrder.Path,
            "modified" => WalkOrder.Modified,
            "accessed" => WalkOrder.Accessed,
            "created" => WalkOrder.Created,
            _ => WalkOrder.None,
        };
        var threads = order != WalkOrder.None ? 1 : raw.Threads;

        // Up to 10 paths, all files: rg 13 maps them (binary detection) and, for one, searches on one thread.
        var namedFilesOnly = positional.Count is > 0 and <= 10 && positional.All(p => p != "-" && File.Exists(p));
        var binary = raw.Text || raw.NullData ? BinaryMode.None : raw.Binary ? BinaryMode.Convert : BinaryMode.Quit;

        return new SearchPlan
        {
            Pattern = pattern,
            Searcher = new SearcherOptions
            {
                InvertMatch = raw.InvertMatch,
                LineNumbers = lineNumber,
                BeforeContext = summaryMode ? 0 : before,
                // rg 15 keeps -A with -c: after -m's last match, matches in the after-context window count.
                AfterContext = summaryMode && raw.MaxCount is null ? 0 : after,
                MaxCount = raw.MaxCount,
                StopOnNonmatch = raw.StopOnNonmatch, // -U and --stop-on-nonmatch override each other (FlagTable)
                NullData = raw.NullData,
                Passthru = raw.Passthru && !summaryMode,
                Binary = binary,
                LimitedBinaryDetection = raw.Mmap ?? namedFilesOnly,
                BomSniffing = raw.Encoding?.Trim().ToLowerInvariant() != "none",
                Encoding = EncodingOf(raw.Encoding),
                SearchCompressed = raw.SearchZip,
                Preprocessor = raw.Pre,
                PreprocessorGlobs = raw.PreGlobs,
            },
            Output = new OutputOptions
            {
                Mode = mode,
                QuietWithoutMatch = quiet && raw.Mode == CliMode.FilesWithoutMatch,
                JsonSummaryOnly = quiet && mode == OutputMode.Json,
                Heading = heading,
                WithFilename = withFilename,
                LineNumber = lineNumber,
                Column = raw.Column ?? raw.Vimgrep,
                ByteOffset = raw.ByteOffset,
                OnlyMatching = raw.OnlyMatching,
                InvertMatch = raw.InvertMatch,
                Vimgrep = raw.Vimgrep,
                NullAfterPath = raw.Null,
                Colors = useColor ? raw.Colors : null,
                ContextSeparator = raw.ContextSeparator is null ? null : SeparatorBytes.Unescape(raw.ContextSeparator),
                Context = !summaryMode && !raw.Passthru && (before > 0 || after > 0),
                MaxColumns = raw.MaxColumns is > 0 ? raw.MaxColumns : null,
                MaxColumnsPreview = raw.MaxColumnsPreview,
                Trim = raw.Trim,
                IncludeZero = raw.IncludeZero,
                FieldMatchSeparator = SeparatorBytes.Unescape(raw.FieldMatchSeparator),
                FieldContextSeparator = SeparatorBytes.Unescape(raw.FieldContextSeparator),
                PathSeparator = SeparatorBytes.PathSeparator(raw.PathSeparator),
                Crlf = raw.Crlf,
                Replacement = raw.Replace is null || mode is not (OutputMode.Lines or OutputMode.Json) ? null : new Replacement(raw.Replace),
                Stats = raw.Stats && mode != OutputMode.Json ? new StatsTotals() : null,
                NullData = raw.NullData,
                Hyperlinks = raw.HyperlinkFormat is { } format ? HyperlinksOf(format, raw.HostnameBin) : null,
                KeepOutputOfFailedFiles = threads == 1 || (positional.Count == 1 && namedFilesOnly),
            },
            Walk = new WalkOptions
            {
                EmptyRootIsWorkingDirectory = positional.Count == 0,
                Hidden = raw.Hidden,
                IgnoreVcs = !raw.NoIgnoreVcs,
                IgnoreDot = !raw.NoIgnoreDot,
                IgnoreParent = !raw.NoIgnoreParent,
                IgnoreGlobal = !raw.NoIgnoreGlobal,
                IgnoreExclude = !raw.NoIgnoreExclude,
                RequireGit = !raw.NoRequireGit,
                MaxDepth = raw.MaxDepth,
                // As rg, every -g glob comes before every --iglob, whatever the order given: the last
                // matching glob wins, so an --iglob beats a -g.
                Globs = raw.Globs.OrderBy(g => g.CaseInsensitive).Select(g => (g.Glob, g.CaseInsensitive || raw.GlobCaseInsensitive)).ToList(),
                // Without type flags the definitions decide nothing: a search does not build them.
                Types = raw.TypeChanges.Count > 0 ? BuildTypes(raw) : null,
                MaxFileSize = raw.MaxFileSize,
                IgnoreFiles = raw.NoIgnoreFiles ? [] : raw.IgnoreFiles,
                IgnoreFileCaseInsensitive = raw.IgnoreFileCaseInsensitive,
                FollowLinks = raw.Follow,
                OneFileSystem = raw.OneFileSystem,
                SortBy = order,
                SortDescending = raw.SortReverse,
                Threads = threads,
            },
            Roots = roots,
            SearchStdin = searchStdin,
            OnlySource = searchStdin || (positional.Count == 1 && namedFilesOnly),
            ListFiles = raw.Mode == CliMode.Files,
            ListTypes = raw.Mode == CliMode.Types,
            Quiet = quiet,
            QuietWithoutMatch = quiet && raw.Mode == CliMode.FilesWithoutMatch,
            Messages = !raw.NoMessages,
            IgnoreMessages = !raw.NoIgnoreMessages,
            StdoutIsTerminal = stdoutIsTerminal,
            FlushEachFile = raw.LineBuffered ?? stdoutIsTerminal,
            Rewrite = rewrite,
            DiffContext = raw.Context ?? Math.Max(raw.BeforeContext ?? 3, raw.AfterContext ?? 3),
            PreserveCase = raw.PreserveCase,
            UseIndex = !raw.NoIndex,
            Debug = raw.Debug,
        };
    }

    // --diff, --write and --interactive need -r and an output of their own; everything that selects
    // matches (filters, -i, -w, -F, -U, -m) applies, flags that change what is printed do not.
    private static RewriteMode RewriteModeOf(RawArgs raw, List<string> positional)
    {
        var (mode, flag) = raw.Interactive ? (RewriteMode.Interactive, "--interactive")
            : raw.Write ? (RewriteMode.Write, "--write")
            : raw.Diff ? (RewriteMode.Diff, "--diff")
            : (RewriteMode.None, null);
        if (mode == RewriteMode.None)
        {
            if (raw.PreserveCase)
            {
                throw new UsageException("--preserve-case needs --diff, --write or --interactive (and -r REPLACEMENT)");
            }

            return mode;
        }

        if (raw.Replace is null)
        {
            throw new UsageException($"{flag} needs -r/--replace REPLACEMENT: the text each match becomes");
        }

        var conflict = raw.InvertMatch ? "--invert-match" : raw.Passthru ? "--passthru"
            : raw.Mode switch
            {
                CliMode.Json => "--json",
                CliMode.Count => "--count",
                CliMode.CountMatches => "--count-matches",
                CliMode.FilesWithMatches => "--files-with-matches",
                CliMode.FilesWithoutMatch => "--files-without-match",
                CliMode.Files => "--files",
                _ => null,
            } ?? (raw.OnlyMatching ? "--only-matching"
            : raw.Vimgrep ? "--vimgrep" : raw.Quiet ? "--quiet" : raw.Diff && raw.Write ? "--diff" : null);
        if (conflict is not null)
        {
            throw new UsageException($"{conflict} cannot be used with {flag}");
        }

        if (positional.Contains("-"))
        {
            throw new UsageException($"{flag} rewrites files; standard input ('-') cannot be rewritten");
        }

        return mode;
    }

    // The flag's parser has checked the format; the host is asked for only if the format uses it.
    private static HyperlinkFormat? HyperlinksOf(string format, string? hostnameBin) =>
        HyperlinkFormat.Parse(format, () => hostnameBin is null ? Environment.MachineName : RunForHostname(hostnameBin));

    // --hostname-bin: the program's first line of output, or the machine's name if it fails.
    private static string RunForHostname(string program)
    {
        try
        {
            using var process = System.Diagnostics.Process.Start(new System.Diagnostics.ProcessStartInfo(program) { RedirectStandardOutput = true, UseShellExecute = false })!;
            var output = process.StandardOutput.ReadToEnd().Trim();
            process.WaitForExit();
            return process.ExitCode == 0 && output.Length > 0 ? output : Environment.MachineName;
        }
        catch (System.ComponentModel.Win32Exception)
        {
            throw new UsageException($"--hostname-bin: could not run '{program}'");
        }
    }

    private static System.Text.Encoding? EncodingOf(string? label)
    {
        if (label is null || label.Trim().ToLowerInvariant() is "auto" or "none")
        {
            return null;
        }

        return EncodingLabels.Resolve(label); // the flag's parser rejected a label this cannot resolve
    }

    /// <summary>
    /// As rg 15, the type flags apply in the order given: a later <c>-t</c> or <c>-T</c> wins over an
    /// earlier one for the same files, a <c>--type-clear</c> removes what <c>--type-add</c> gave before it,
    /// and selections use the definitions as they are at the end.
    /// </summary>
    public static FileTypes BuildTypes(RawArgs raw)
    {
        var builder = new FileTypes.Builder();
        foreach (var (change, value) in raw.TypeChanges)
        {
            _ = change switch
            {
                TypeChange.Clear => builder.Clear(value),
                TypeChange.Add => builder.Add(value),
                TypeChange.Select => builder.Select(value),
                _ => builder.Negate(value),
            };
        }

        return builder.Build();
    }

    private static IEnumerable<string> ReadPatternFile(string path, Func<Stream> openStdin)
    {
        byte[] bytes;
        try
        {
            if (path == "-")
            {
                using var stdin = openStdin();
                using var ms = new MemoryStream();
                stdin.CopyTo(ms);
                bytes = ms.ToArray();
            }
            else
            {
                bytes = File.ReadAllBytes(path);
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new UsageException($"{path}: {IoErrorText.Describe(e)}");
        }

        string text;
        try
        {
            text = new UTF8Encoding(false, true).GetString(bytes);
        }
        catch (DecoderFallbackException)
        {
            throw new UsageException($"{path}: found invalid UTF-8 in pattern file");
        }

        if (text.Length == 0)
        {
            return [];
        }

        var lines = text.Split('\n');
        if (lines[^1].Length == 0)
        {
            lines = lines[..^1];
        }

        return lines.Select(l => l.EndsWith('\r') ? l[..^1] : l);
    }
}
