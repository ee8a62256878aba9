using System.Globalization;
using Scour.Matching;
using Scour.Output;
using Scour.Searching;
using static Scour.Cli.Flags.FlagCategory;

namespace Scour.Cli.Flags;

/// <summary>Every flag scour accepts, in help order. The single source of truth for parsing and help.</summary>
internal static class FlagTable
{
    public static readonly IReadOnlyList<Flag> All =
    [
        // Input
        new("regexp", 'e', "PATTERN", Input, "A pattern to search for (repeatable).", (a, v) => a.Patterns.Add(v!))
        {
            Details = "A pattern to search for. Repeat to search for several patterns: a line matches if any matches. Use it for patterns that start with a dash.",
        },
        new("file", 'f', "PATTERNFILE", Input, "Search for patterns from the given file, one per line.", (a, v) => a.PatternFiles.Add(v!))
        {
            Details = "Read patterns from PATTERNFILE, one per line; '-' reads standard input. An empty file matches nothing.",
        },

        // Search
        new("case-sensitive", 's', null, Search, "Search case sensitively (default).", (a, _) => a.Case = CaseMode.Sensitive),
        new("ignore-case", 'i', null, Search, "Case insensitive search.", (a, _) => a.Case = CaseMode.Insensitive),
        new("smart-case", 'S', null, Search, "Smart case search.", (a, _) => a.Case = CaseMode.Smart)
        {
            Details = "Search case insensitively if the pattern has a literal character and no uppercase one; otherwise case sensitively.",
        },
        new("fixed-strings", 'F', null, Search, "Treat all patterns as literals.", (a, _) => a.FixedStrings = true)
        {
            Negation = "no-fixed-strings",
            ApplyNegation = a => a.FixedStrings = false,
        },
        new("word-regexp", 'w', null, Search, "Show matches surrounded by word boundaries.", (a, _) => (a.WordRegexp, a.LineRegexp) = (true, false)), // as rg, the last of -w and -x wins
        new("line-regexp", 'x', null, Search, "Show matches surrounded by line boundaries.", (a, _) => (a.LineRegexp, a.WordRegexp) = (true, false)),
        new("invert-match", 'v', null, Search, "Invert matching.", (a, _) => a.InvertMatch = true)
        {
            Negation = "no-invert-match",
            ApplyNegation = a => a.InvertMatch = false,
        },
        new("max-count", 'm', "NUM", Search, "Limit the number of matching lines per file.", (a, v) => a.MaxCount = Number(v!)),
        new("threads", 'j', "NUM", Search, "Set the approximate number of threads to use.", (a, v) => a.Threads = (int)Number(v!)),
        new("crlf", null, null, Search, "Treat CRLF (\\r\\n) as a line terminator.", (a, _) => (a.Crlf, a.NullData) = (true, false)) // as rg, the later of --crlf and --null-data wins
        {
            Negation = "no-crlf",
            ApplyNegation = a => a.Crlf = false,
        },
        new("multiline", 'U', null, Search, "Enable matching across multiple lines.", (a, _) => (a.Multiline, a.StopOnNonmatch) = (true, false)) // as rg, each overrides the other
        {
            Negation = "no-multiline",
            ApplyNegation = a => a.Multiline = false,
            Details = "Let a match span lines: patterns may contain \\n and classes such as \\s or [^a] match it. Each file is read whole and matched at once; every line a match touches is printed as a matching line (one JSON message per group of lines), as ripgrep does. Works with --diff and --write too.",
        },
        new("multiline-dotall", null, null, Search, "Make '.' match line terminators too (with -U).", (a, _) => a.MultilineDotAll = true)
        {
            Negation = "no-multiline-dotall",
            ApplyNegation = a => a.MultilineDotAll = false,
        },
        new("pcre2", 'P', null, Search, "Use PCRE2 (lookaround, backreferences, recursion).", (a, _) => a.Engine = PatternEngine.Pcre2)
        {
            Negation = "no-pcre2",
            ApplyNegation = a => a.Engine = PatternEngine.Default,
            Details = "Match with PCRE2, the library grep and git use, loaded from the system (libpcre2-8) and JIT-compiled, searching bytes as ripgrep does. SCOUR_PCRE2_LIBRARY names another library file, or 'none'. Without the library, patterns in PCRE2's syntax run on .NET's backtracking engine, which lacks recursion, \\K and possessive quantifiers (--pcre2-version says which engine is used). Matching can take exponential time on some patterns, within PCRE2's limits; the default engine never does.",
        },
        new("engine", null, "ENGINE", Search, "Which regex engine to use.", (a, v) => a.Engine = v switch { "pcre2" => PatternEngine.Pcre2, "auto" => PatternEngine.Auto, _ => PatternEngine.Default })
        {
            Choices = ["default", "pcre2", "auto"],
            Details = "'default' is ripgrep's dialect on the linear-time engine; 'pcre2' is the same as -P; 'auto' uses the default engine unless it cannot read the pattern (e.g. it has a lookaround), then PCRE2.",
        },
        new("auto-hybrid-regex", null, null, Search, "Same as --engine=auto.", (a, _) => a.Engine = PatternEngine.Auto)
        {
            Deprecated = true,
            Negation = "no-auto-hybrid-regex",
            ApplyNegation = a => a.Engine = PatternEngine.Default,
        },
        new("encoding", 'E', "ENCODING", Search, "Specify the text encoding of files to search.", (a, v) => a.Encoding = Checked(v!, label => label.Trim().ToLowerInvariant() is "auto" or "none" ? null : EncodingLabels.Resolve(label), "grep config error: "))
        {
            Negation = "no-encoding",
            ApplyNegation = a => a.Encoding = null,
            Details = "'auto' (the default) drops a UTF-8 byte order mark and transcodes files that start with a UTF-16 one; 'none' searches every file as raw bytes, BOM included; any label of the WHATWG Encoding Standard (latin1, utf-16le, sjis, koi8-r, gbk, ...) transcodes files without a BOM from that encoding.",
        },
        new("search-zip", 'z', null, Input, "Search in compressed files.", (a, _) => a.SearchZip = true)
        {
            Negation = "no-search-zip",
            ApplyNegation = a => a.SearchZip = false,
            Details = "Search the decompressed content of gzip (.gz, .tgz) and brotli (.br) files, decoded in process, and of bzip2, xz, lzma, lz4, zstd and compress files through their command-line tools (a format whose tool is not installed is searched as it is).",
        },
        new("pre", null, "COMMAND", Input, "Search the output of COMMAND FILE instead of each file.", (a, v) => a.Pre = v!.Length == 0 ? null : v)
        {
            Negation = "no-pre",
            ApplyNegation = a => a.Pre = null,
            Details = "For each file, run COMMAND with the file's path as its only argument and search what it prints. A command that exits with an error is reported with its standard error. Slow: a process per file; limit it with --pre-glob.",
        },
        new("pre-glob", null, "GLOB", Input, "Only files matching GLOB go through --pre (repeatable).", (a, v) => a.PreGlobs.Add(v!))
        {
            Details = "Use --pre only for files matching GLOB (the syntax of -g; a glob starting with ! excludes). Repeatable.",
        },
        new("no-unicode", null, null, Search, "Disable Unicode mode: \\w, \\d, \\s and \\b are ASCII.", (a, _) => a.NoUnicode = true)
        {
            Negation = "unicode",
            ApplyNegation = a => a.NoUnicode = false,
        },
        new("no-pcre2-unicode", null, null, Search, "Same as --no-unicode.", (a, _) => a.NoUnicode = true)
        {
            Negation = "pcre2-unicode",
            ApplyNegation = a => a.NoUnicode = false,
            Deprecated = true,
        },
        new("null-data", null, null, Search, "Use NUL as the line terminator instead of \\n (implies -a).", (a, _) => (a.NullData, a.Crlf) = (true, false))
        {
            Details = "Search records terminated by NUL bytes (e.g. the output of find -print0 or scour --files -0) instead of lines; records are printed with a NUL after them, and \\n inside a record is an ordinary character that '.' does not match. Implies --text.",
        },
        new("stop-on-nonmatch", null, null, Search, "Stop reading a file at the first non-matching line after a match.", (a, _) => (a.StopOnNonmatch, a.Multiline) = (true, false))
        {
            Details = "Once a file has had a matching line, the first line that does not match ends the search of that file (no context is printed past it). For files whose matches are known to be on consecutive lines, e.g. sorted ones (rg 14's flag).",
        },
        new("mmap", null, null, Search, "Search as if with memory maps (rg's binary detection for mapped files).", (a, _) => a.Mmap = true)
        {
            Negation = "no-mmap",
            ApplyNegation = a => a.Mmap = false,
            Details = "scour always reads files (maps were slower in .NET), but ripgrep 13 detects binary data differently in files it maps: only in the first 64 KiB and in printed lines, leaving NUL bytes in place. It maps up to 10 files named on the command line unless --no-mmap, and every file with --mmap; scour reproduces that.",
        },
        new("regex-size-limit", null, "NUM+SUFFIX?", Search, "The size limit of the compiled regex.", (a, v) => a.RegexSizeLimit = Size(v!))
        {
            Details = "A pattern whose automaton would take more memory than this (suffixes K, M, G; default 100M, as rg) fails with \"compiled regex exceeds size limit of N\". The size is an estimate of what ripgrep's automaton takes for the same pattern, so about the same patterns are refused. Not for -P, whose size PCRE2 bounds.",
        },
        new("dfa-size-limit", null, "NUM+SUFFIX?", Search, "The size limit of the regex DFA.", (a, v) => a.DfaSizeLimit = Size(v!))
        {
            Details = "The memory each search thread's lazy DFAs may use for their states (suffixes K, M, G; default 8M): the one that decides lines takes all of it, the two that find spans half each. A full cache is cleared; when clearing does not pay, the slower PikeVM takes over.",
        },
        new("text", 'a', null, Search, "Search binary files as if they were text.", (a, _) => (a.Text, a.Binary) = (true, false)) // as rg, the later of -a and --binary wins
        {
            Negation = "no-text",
            ApplyNegation = a => (a.Text, a.Binary) = (false, false), // as rg, either negation means the default binary handling
        },

        // Filter
        new("hidden", '.', null, Filter, "Search hidden files and directories.", (a, _) => a.Hidden = true)
        {
            Negation = "no-hidden",
            ApplyNegation = a => a.Hidden = false,
        },
        new("no-ignore", null, null, Filter, "Don't use ignore files.", (a, _) => NoIgnore(a, true))
        {
            Negation = "ignore",
            ApplyNegation = a => NoIgnore(a, false),
            Details = "Don't respect .gitignore, .ignore, .rgignore, git's exclude and global files, or ignore files in parent directories; files given with --ignore-file still apply. Each is a flag of its own, so a later --ignore-vcs (say) turns that one back on.",
        },
        new("no-ignore-vcs", null, null, Filter, "Don't use ignore files from source control.", (a, _) => a.NoIgnoreVcs = true)
        {
            Negation = "ignore-vcs",
            ApplyNegation = a => a.NoIgnoreVcs = false,
        },
        new("no-ignore-dot", null, null, Filter, "Don't use .ignore or .rgignore files.", (a, _) => a.NoIgnoreDot = true)
        {
            Negation = "ignore-dot",
            ApplyNegation = a => a.NoIgnoreDot = false,
        },
        new("no-ignore-parent", null, null, Filter, "Don't use ignore files in parent directories.", (a, _) => a.NoIgnoreParent = true)
        {
            Negation = "ignore-parent",
            ApplyNegation = a => a.NoIgnoreParent = false,
        },
        new("no-ignore-global", null, null, Filter, "Don't use global ignore files.", (a, _) => a.NoIgnoreGlobal = true)
        {
            Negation = "ignore-global",
            ApplyNegation = a => a.NoIgnoreGlobal = false,
        },
        new("no-ignore-exclude", null, null, Filter, "Don't use local exclusion files.", (a, _) => a.NoIgnoreExclude = true)
        {
            Negation = "ignore-exclude",
            ApplyNegation = a => a.NoIgnoreExclude = false,
        },
        new("no-require-git", null, null, Filter, "Use .gitignore outside of git repositories.", (a, _) => a.NoRequireGit = true)
        {
            Negation = "require-git",
            ApplyNegation = a => a.NoRequireGit = false,
        },
        new("unrestricted", 'u', null, Filter, "Reduce the level of \"smart\" filtering (-u, -uu, -uuu).", (a, _) => Unrestrict(a))
        {
            Details = "-u searches ignored files (--no-ignore), -uu also hidden ones (--hidden), -uuu also binary ones (--binary).",
        },
        new("binary", null, null, Filter, "Search binary files, stopping at the first match.", (a, _) => (a.Binary, a.Text) = (true, false))
        {
            Negation = "no-binary",
            ApplyNegation = a => (a.Binary, a.Text) = (false, false),
        },
        new("max-depth", 'd', "NUM", Filter, "Descend at most NUM directories.", (a, v) => a.MaxDepth = (int)Number(v!))
        {
            Aliases = ["maxdepth"],
        },
        new("glob", 'g', "GLOB", Filter, "Include or exclude file paths (repeatable; '!' excludes).", (a, v) => a.Globs.Add((v!, false)))
        {
            Details = "Include or exclude files and directories whose paths match GLOB (gitignore syntax plus {a,b} alternates). A leading '!' excludes. Globs beat every ignore rule; when any including glob is given, other files are skipped. Later globs win.",
        },
        new("iglob", null, "GLOB", Filter, "Include or exclude file paths, case insensitively.", (a, v) => a.Globs.Add((v!, true))),
        new("glob-case-insensitive", null, null, Filter, "Make every --glob case insensitive.", (a, _) => a.GlobCaseInsensitive = true)
        {
            Negation = "no-glob-case-insensitive",
            ApplyNegation = a => a.GlobCaseInsensitive = false,
        },
        new("type", 't', "TYPE", Filter, "Only search files of TYPE (repeatable; 'all' for any known type).", (a, v) => a.TypeChanges.Add((TypeChange.Select, v!))),
        new("type-not", 'T', "TYPE", Filter, "Do not search files of TYPE (repeatable).", (a, v) => a.TypeChanges.Add((TypeChange.Negate, v!))),
        new("type-add", null, "TYPESPEC", Filter, "Add a new glob for a file type ('name:glob' or 'name:include:a,b').", (a, v) => a.TypeChanges.Add((TypeChange.Add, v!))),
        new("type-clear", null, "TYPE", Filter, "Clear the globs of a file type.", (a, v) => a.TypeChanges.Add((TypeChange.Clear, v!))),
        new("max-filesize", null, "NUM+SUFFIX?", Filter, "Skip files larger than NUM bytes (suffixes K, M, G).", (a, v) => a.MaxFileSize = Size(v!)),
        new("ignore-file", null, "PATH", Filter, "Use rules from PATH (gitignore format, lowest precedence).", (a, v) => a.IgnoreFiles.Add(v!)),
        new("no-ignore-files", null, null, Filter, "Don't use files given with --ignore-file.", (a, _) => a.NoIgnoreFiles = true)
        {
            Negation = "ignore-files",
            ApplyNegation = a => a.NoIgnoreFiles = false,
        },
        new("ignore-file-case-insensitive", null, null, Filter, "Match ignore file rules case insensitively.", (a, _) => a.IgnoreFileCaseInsensitive = true)
        {
            Negation = "no-ignore-file-case-insensitive",
            ApplyNegation = a => a.IgnoreFileCaseInsensitive = false,
        },
        new("follow", 'L', null, Filter, "Follow symbolic links.", (a, _) => a.Follow = true)
        {
            Negation = "no-follow",
            ApplyNegation = a => a.Follow = false,
        },
        new("one-file-system", null, null, Filter, "Do not descend into other file systems.", (a, _) => a.OneFileSystem = true)
        {
            Negation = "no-one-file-system",
            ApplyNegation = a => a.OneFileSystem = false,
        },

        // Output
        new("after-context", 'A', "NUM", FlagCategory.Output, "Show NUM lines after each match.", (a, v) => { a.LeavePassthru(); a.AfterContext = (int)Number(v!); }),
        new("before-context", 'B', "NUM", FlagCategory.Output, "Show NUM lines before each match.", (a, v) => { a.LeavePassthru(); a.BeforeContext = (int)Number(v!); }),
        new("context", 'C', "NUM", FlagCategory.Output, "Show NUM lines before and after each match.", (a, v) => { a.LeavePassthru(); a.Context = (int)Number(v!); }),
        new("context-separator", null, "SEPARATOR", FlagCategory.Output, "Set the separator for contextual chunks.", (a, v) => a.ContextSeparator = v)
        {
            Negation = "no-context-separator",
            ApplyNegation = a => a.ContextSeparator = null,
        },
        new("line-number", 'n', null, FlagCategory.Output, "Show line numbers.", (a, _) => a.LineNumber = true),
        new("no-line-number", 'N', null, FlagCategory.Output, "Suppress line numbers.", (a, _) => a.LineNumber = false),
        new("with-filename", 'H', null, FlagCategory.Output, "Print the file path with each matching line.", (a, _) => a.WithFilename = true),
        new("no-filename", 'I', null, FlagCategory.Output, "Never print the path with each matching line.", (a, _) => a.WithFilename = false),
        new("heading", null, null, FlagCategory.Output, "Print matches grouped by each file.", (a, _) => a.Heading = true)
        {
            Negation = "no-heading",
            ApplyNegation = a => a.Heading = false,
        },
        new("color", null, "WHEN", FlagCategory.Output, "When to use color.", (a, v) => a.Color = v!)
        {
            Choices = ["never", "auto", "always", "ansi"],
        },
        new("colors", null, "COLOR_SPEC", FlagCategory.Output, "Configure color settings and styles (repeatable).", (a, v) => a.Colors = Parsed(v!, a.Colors.With))
        {
            Details = "TYPE:ATTRIBUTE:VALUE, as ripgrep: TYPE is path, line, column or match; ATTRIBUTE fg or bg with a color (black, blue, green, red, cyan, magenta, yellow, white, a 256-color number, or r,g,b; numbers may be 0x hex), or style with bold, nobold, intense, nointense, underline, nounderline. TYPE:none clears a type's colors. Later specs win.",
        },
        new("hyperlink-format", null, "FORMAT", FlagCategory.Output, "Make colored paths terminal hyperlinks in FORMAT.", (a, v) => a.HyperlinkFormat = Checked(v!, format => HyperlinkFormat.Parse(format, () => "host")))
        {
            Details = "When colors are on, each printed path becomes an OSC 8 hyperlink. FORMAT is a URL template with {path} (absolute, percent-encoded; required), {line}, {column} (needs {line}), {host} and {wslprefix}, or a name: default, file, none, grep+, kitty, macvim, textmate, vscode, vscode-insiders, vscodium, cursor. Where no line or column is known (headings, -l), 1 is used.",
        },
        new("hostname-bin", null, "COMMAND", FlagCategory.Output, "Run COMMAND to get the {host} of hyperlinks.", (a, v) => a.HostnameBin = v!),
        new("pretty", 'p', null, FlagCategory.Output, "Alias for --color=always --heading --line-number.", (a, _) => (a.Color, a.Heading, a.LineNumber) = ("always", true, true)),
        new("only-matching", 'o', null, FlagCategory.Output, "Print only matched parts of a line.", (a, _) => a.OnlyMatching = true),
        new("replace", 'r', "REPLACEMENT", FlagCategory.Output, "Replace matches with the given text in the output.", (a, v) => a.Replace = v!)
        {
            Details = "Print each match replaced by REPLACEMENT, where $1, $name, ${1}, ${name} refer to capture groups and $$ is a dollar. Only the output changes: files are never modified.",
        },
        new("column", null, null, FlagCategory.Output, "Show column numbers.", (a, _) => a.Column = true)
        {
            Negation = "no-column",
            ApplyNegation = a => a.Column = false,
        },
        new("byte-offset", 'b', null, FlagCategory.Output, "Print the byte offset for each matching line.", (a, _) => a.ByteOffset = true)
        {
            Negation = "no-byte-offset",
            ApplyNegation = a => a.ByteOffset = false,
        },
        new("vimgrep", null, null, FlagCategory.Output, "Print results in a vim compatible format.", (a, _) => a.Vimgrep = true),
        new("max-columns", 'M', "NUM", FlagCategory.Output, "Omit lines longer than NUM bytes.", (a, v) => a.MaxColumns = (int)Number(v!)),
        new("max-columns-preview", null, null, FlagCategory.Output, "Print a preview of lines longer than --max-columns.", (a, _) => a.MaxColumnsPreview = true)
        {
            Negation = "no-max-columns-preview",
            ApplyNegation = a => a.MaxColumnsPreview = false,
        },
        new("trim", null, null, FlagCategory.Output, "Trim leading whitespace from printed lines.", (a, _) => a.Trim = true)
        {
            Negation = "no-trim",
            ApplyNegation = a => a.Trim = false,
        },
        new("passthru", null, null, FlagCategory.Output, "Print both matching and non-matching lines.", (a, _) => a.SetPassthru())
        {
            Aliases = ["passthrough"],
        },
        new("include-zero", null, null, FlagCategory.Output, "Include files with zero matches in counts.", (a, _) => a.IncludeZero = true)
        {
            Negation = "no-include-zero",
            ApplyNegation = a => a.IncludeZero = false,
        },
        new("field-match-separator", null, "SEPARATOR", FlagCategory.Output, "Set the separator between fields of matching lines.", (a, v) => a.FieldMatchSeparator = v!),
        new("field-context-separator", null, "SEPARATOR", FlagCategory.Output, "Set the separator between fields of context lines.", (a, v) => a.FieldContextSeparator = v!),
        new("path-separator", null, "SEPARATOR", FlagCategory.Output, "Set the path separator to use when printing paths.", (a, v) => a.PathSeparator = Checked(v!, separator => SeparatorBytes.PathSeparator(separator))),
        new("line-buffered", null, null, FlagCategory.Output, "Flush output as soon as each file's results are ready.", (a, _) => a.LineBuffered = true)
        {
            Negation = "no-line-buffered",
            ApplyNegation = a => a.LineBuffered = null,
        },
        new("block-buffered", null, null, FlagCategory.Output, "Buffer output in large blocks, even on a terminal.", (a, _) => a.LineBuffered = false)
        {
            Negation = "no-block-buffered",
            ApplyNegation = a => a.LineBuffered = null,
        },
        new("null", '0', null, FlagCategory.Output, "Print a NUL byte after file paths.", (a, _) => a.Null = true),
        new("sort", null, "SORTBY", FlagCategory.Output, "Sort results in ascending order (forces one thread).", (a, v) => (a.Sort, a.SortReverse) = (v!, false))
        {
            Choices = ["path", "modified", "accessed", "created", "none"],
        },
        new("sort-files", null, null, FlagCategory.Output, "Same as --sort=path.", (a, _) => (a.Sort, a.SortReverse) = ("path", false))
        {
            Deprecated = true,
            Negation = "no-sort-files",
            ApplyNegation = a => a.Sort = "none",
        },
        new("sortr", null, "SORTBY", FlagCategory.Output, "Sort results in descending order (forces one thread).", (a, v) => (a.Sort, a.SortReverse) = (v!, true))
        {
            Choices = ["path", "modified", "accessed", "created", "none"],
        },

        // Output modes
        new("count", 'c', null, OutputModes, "Show the number of matching lines in each file.", (a, _) => a.Mode = CliMode.Count),
        new("count-matches", null, null, OutputModes, "Show the number of matches in each file.", (a, _) => a.Mode = CliMode.CountMatches),
        new("files-with-matches", 'l', null, OutputModes, "Print the paths with at least one match.", (a, _) => a.Mode = CliMode.FilesWithMatches),
        new("files-without-match", null, null, OutputModes, "Print the paths that contain zero matches.", (a, _) => a.Mode = CliMode.FilesWithoutMatch),
        new("quiet", 'q', null, FlagCategory.Output, "Do not print anything to stdout.", (a, _) => a.Quiet = true),
        new("json", null, null, OutputModes, "Show search results in a JSON Lines format.", (a, _) => a.Mode = CliMode.Json)
        {
            Negation = "no-json",
            ApplyNegation = a => a.Mode = a.Mode == CliMode.Json ? CliMode.Standard : a.Mode,
            Details = "Print begin, match, context and end messages per file and a final summary, one JSON object per line, exactly as ripgrep's --json does (the protocol editors such as VS Code read).",
        },

        // Logging
        new("no-ignore-messages", null, null, Logging, "Suppress messages about malformed ignore files.", (a, _) => a.NoIgnoreMessages = true)
        {
            Negation = "ignore-messages",
            ApplyNegation = a => a.NoIgnoreMessages = false,
        },
        new("debug", null, null, Logging, "Show debug messages (so far: how a search index was used).", (a, _) => a.Debug = true),
        new("trace", null, null, Logging, "Show trace messages (so far those of --debug).", (a, _) => a.Debug = true),
        new("no-messages", null, null, Logging, "Suppress some error messages.", (a, _) => a.NoMessages = true)
        {
            Negation = "messages",
            ApplyNegation = a => a.NoMessages = false,
        },

        new("stats", null, null, Logging, "Print statistics about the search.", (a, _) => a.Stats = true)
        {
            Negation = "no-stats",
            ApplyNegation = a => a.Stats = false,
        },

        // Index
        new("no-index", null, null, FlagCategory.Index, "Read every file, even in a tree that 'scour index' has indexed.", (a, _) => a.NoIndex = true)
        {
            Negation = "index",
            ApplyNegation = a => a.NoIndex = false,
            Details = "A tree indexed with 'scour index' is searched through its index: files that cannot match are not read. The output is the same either way; --no-index is for comparing, or for timing a plain search.",
        },

        // Rewrite
        new("diff", null, null, Rewrite, "Show the changes -r would make to files as a unified diff; write nothing.", (a, _) => a.Diff = true)
        {
            Details = "Print a unified diff (colored on a terminal) of what replacing every match with the -r REPLACEMENT would change, with 3 lines of context (or -C NUM). Files are not touched. The diff applies with 'git apply' or 'patch -p1'.",
        },
        new("write", null, null, Rewrite, "Apply -r REPLACEMENT to the files, safely and undoably.", (a, _) => a.Write = true)
        {
            Details = "Rewrite every matching file with each match replaced by the -r REPLACEMENT, then print 'N replacements in M files'. Each file is written to a temporary file beside it, flushed and renamed over it: it is always either wholly old or wholly new. Permissions, owner, line endings, BOM and encoding are kept; a file that changed since it was read is skipped and reported; binary files and files that are not valid text are never written. 'scour --undo' takes it back.",
        },
        new("interactive", null, null, Rewrite, "Like --write, asking per file (y/n/a/q) after showing its diff.", (a, _) => a.Interactive = true)
        {
            Details = "Show each file's diff and ask whether to apply it: y (yes), n (no), a (this and all remaining), q (stop). Needs a terminal on standard input.",
        },
        new("preserve-case", null, null, Rewrite, "Give each replacement the letter case of the text it replaces.", (a, _) => a.PreserveCase = true)
        {
            Details = "With -i, 'scour -i foo -r bar --write' writes bar, Bar and BAR for foo, Foo and FOO. Words inside a match (camelCase humps, _ and - separated parts) keep their own case when the replacement has as many words: fooBar -> bazQux also turns FOO_BAR into BAZ_QUX.",
        },
        new("undo", null, null, Rewrite, "Restore the files changed by the most recent --write under this directory.", (a, _) => a.Undo = true)
        {
            Details = "Restore the files rewritten by the most recent --write run started in the current directory (or below it), from the journal kept in $SCOUR_STATE_DIR, $XDG_STATE_HOME/scour or ~/.local/state/scour. A file that changed after the write is left alone and reported. Repeat to undo older runs.",
        },

        // Other behaviors
        new("files", null, null, OtherBehaviors, "Print each file that would be searched.", (a, _) => a.Mode = CliMode.Files),
        new("generate", null, "KIND", OtherBehaviors, "Print a man page or a shell completion script.", (a, v) => (a.Mode, a.Generate) = (CliMode.Generate, v!))
        {
            Choices = ["man", "complete-bash", "complete-zsh", "complete-fish", "complete-powershell"],
            Details = "Print the manual page in roff (scour --generate man | man -l -) or a completion script: bash (source it, or put it in ~/.local/share/bash-completion/completions/scour), zsh (as _scour in a directory of $fpath), fish (~/.config/fish/completions/scour.fish), PowerShell (dot-source it from $PROFILE).",
        },
        new("pcre2-version", null, null, OtherBehaviors, "Print which PCRE2-compatible engine -P uses.", (a, _) => a.Pcre2Version = true),
        new("type-list", null, null, OtherBehaviors, "Show all supported file types and their globs.", (a, _) => a.Mode = CliMode.Types),
        new("no-config", null, null, OtherBehaviors, "Never read configuration files.", (_, _) => { }),
        new("help", 'h', null, FlagCategory.Output, "Show help output.", (_, _) => { }),
        new("version", 'V', null, OtherBehaviors, "Print version information.", (a, _) => a.Version = true),
    ];

    // As rg 15: --no-ignore is shorthand for the five --no-ignore-* flags it sets (not --no-ignore-files).
    private static void NoIgnore(RawArgs a, bool yes) =>
        (a.NoIgnoreDot, a.NoIgnoreExclude, a.NoIgnoreGlobal, a.NoIgnoreParent, a.NoIgnoreVcs) = (yes, yes, yes, yes, yes);

    // -u is --no-ignore, -uu adds --hidden, -uuu adds --binary; a fourth is an error.
    private static void Unrestrict(RawArgs a)
    {
        a.Unrestricted = a.Unrestricted < 3 ? a.Unrestricted + 1 : throw new FlagValueException("flag can only be repeated up to 3 times");
        switch (a.Unrestricted)
        {
            case 1: NoIgnore(a, true); break;
            case 2: a.Hidden = true; break;
            default: (a.Binary, a.Text) = (true, false); break; // the later of -a and --binary wins
        }
    }

    // A value that a library parser only checks here (it is parsed again where the plan needs it).
    private static string Checked<T>(string value, Func<string, T> check, string prefix = "")
    {
        Parsed(value, check, prefix);
        return value;
    }

    // A value parsed by the library: its ArgumentException is the flag's error (after rg's prefix, if any).
    private static T Parsed<T>(string value, Func<string, T> parse, string prefix = "")
    {
        try
        {
            return parse(value);
        }
        catch (ArgumentException e)
        {
            throw new FlagValueException(prefix + e.Message);
        }
    }

    // rg's human-readable sizes: digits, then nothing, K, M or G.
    private static long Size(string value)
    {
        var digits = value.TakeWhile(char.IsAsciiDigit).Count();
        if (digits == 0)
        {
            throw InvalidSize($"invalid format for size '{value}', which should be a non-empty sequence of digits followed by an optional 'K', 'M' or 'G' suffix");
        }

        if (!ulong.TryParse(value.AsSpan(0, digits), NumberStyles.None, CultureInfo.InvariantCulture, out var n))
        {
            throw InvalidSize($"invalid integer found in size '{value}': number too large to fit in target type");
        }

        var shift = value[digits..] switch
        {
            "" => 0,
            "K" => 10,
            "M" => 20,
            "G" => 30,
            _ => throw InvalidSize($"invalid format for size '{value}', which should be a non-empty sequence of digits followed by an optional 'K', 'M' or 'G' suffix"),
        };
        if (n > (ulong.MaxValue >> shift))
        {
            throw InvalidSize($"size too big in '{value}'");
        }

        var bytes = n << shift;
        return bytes > long.MaxValue ? long.MaxValue : (long)bytes;
    }

    private static FlagValueException InvalidSize(string detail) => new($"invalid size: {detail}");

    // rg's numbers are unsigned 64-bit integers, with Rust's parse errors; larger than scour can count
    // means "no limit" in every place a number is used.
    private static long Number(string value)
    {
        var digits = value.StartsWith('+') ? value[1..] : value;
        if (digits.Length == 0)
        {
            throw new FlagValueException("value is not a valid number: cannot parse integer from empty string");
        }

        if (!digits.All(char.IsAsciiDigit))
        {
            throw new FlagValueException("value is not a valid number: invalid digit found in string");
        }

        if (!ulong.TryParse(digits, NumberStyles.None, CultureInfo.InvariantCulture, out var n))
        {
            throw new FlagValueException("value is not a valid number: number too large to fit in target type");
        }

        return n > int.MaxValue ? int.MaxValue : (long)n;
    }
}
