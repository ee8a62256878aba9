using Scour.Matching;

namespace Scour.Cli;

/// <summary>
/// The command line as the user wrote it, after validation of each word but before any decision that
/// depends on the environment (a terminal, the paths' kinds). The last flag wins; null means "not given".
/// </summary>
internal sealed class RawArgs
{
    /// <summary>What the run does. Every mode flag sets it, and the last one wins (rg 14+).</summary>
    public CliMode Mode { get; set; } = CliMode.Standard;

    public List<string> Patterns { get; } = [];

    public List<string> PatternFiles { get; } = [];

    public List<string> Positional { get; } = [];

    public CaseMode Case { get; set; } = CaseMode.Sensitive;

    public bool FixedStrings { get; set; }

    public bool WordRegexp { get; set; }

    public bool LineRegexp { get; set; }

    public bool InvertMatch { get; set; }

    public long? MaxCount { get; set; }

    public int Threads { get; set; }

    public bool Hidden { get; set; }

    public bool NoIgnoreVcs { get; set; }

    public bool NoIgnoreDot { get; set; }

    public bool NoIgnoreParent { get; set; }

    public bool NoIgnoreGlobal { get; set; }

    public bool NoIgnoreExclude { get; set; }

    public bool NoRequireGit { get; set; }

    public int? MaxDepth { get; set; }

    public List<(string Glob, bool CaseInsensitive)> Globs { get; } = [];

    public bool GlobCaseInsensitive { get; set; }

    /// <summary>The <c>-t</c>, <c>-T</c>, <c>--type-add</c> and <c>--type-clear</c> flags, in the order given.</summary>
    public List<(TypeChange Change, string Value)> TypeChanges { get; } = [];

    public long? MaxFileSize { get; set; }

    public List<string> IgnoreFiles { get; } = [];

    public bool NoIgnoreFiles { get; set; }

    public bool IgnoreFileCaseInsensitive { get; set; }

    public bool Follow { get; set; }

    public bool OneFileSystem { get; set; }

    /// <summary>How many times -u was given.</summary>
    public int Unrestricted { get; set; }

    public bool Text { get; set; }

    public bool Binary { get; set; }

    public int? AfterContext { get; set; }

    public int? BeforeContext { get; set; }

    public int? Context { get; set; }

    public bool? LineNumber { get; set; }

    public bool? WithFilename { get; set; }

    public bool? Heading { get; set; }

    public string Color { get; set; } = "auto";

    public bool OnlyMatching { get; set; }

    public bool? Column { get; set; }

    public bool Vimgrep { get; set; }

    public bool Null { get; set; }

    public string Sort { get; set; } = "none";

    public bool SortReverse { get; set; }

    public string? ContextSeparator { get; set; } = "--";

    public bool ByteOffset { get; set; }

    public bool Quiet { get; set; }

    public bool Stats { get; set; }

    public string? Replace { get; set; }

    public int? MaxColumns { get; set; }

    public bool MaxColumnsPreview { get; set; }

    public bool Trim { get; set; }

    public bool Passthru { get; private set; }

    /// <summary>--passthru: unbounded context, replacing any -A/-B/-C given before it (rg: the last wins).</summary>
    public void SetPassthru() => (Passthru, AfterContext, BeforeContext, Context) = (true, null, null, null);

    /// <summary>An -A/-B/-C after --passthru replaces it by limited context with only that flag's value.</summary>
    public void LeavePassthru()
    {
        if (Passthru)
        {
            (Passthru, AfterContext, BeforeContext, Context) = (false, null, null, null);
        }
    }

    public bool IncludeZero { get; set; }

    public string FieldMatchSeparator { get; set; } = ":";

    public string FieldContextSeparator { get; set; } = "-";

    public string? PathSeparator { get; set; }

    public bool Crlf { get; set; }

    public long? RegexSizeLimit { get; set; }

    public long? DfaSizeLimit { get; set; }

    public bool? LineBuffered { get; set; }

    public bool NoMessages { get; set; }

    public bool ShortHelp { get; set; }

    public bool LongHelp { get; set; }

    public bool Version { get; set; }

    /// <summary><c>-V</c>: the first line of <c>--version</c> only.</summary>
    public bool ShortVersion { get; set; }

    public string? Encoding { get; set; }

    public PatternEngine Engine { get; set; }

    public bool Pcre2Version { get; set; }

    /// <summary>The kind of <c>--generate</c> when the mode is <see cref="CliMode.Generate"/>.</summary>
    public string? Generate { get; set; }

    /// <summary>The <c>--colors</c> specs applied so far, in order (later ones win).</summary>
    public Output.ColorSpecs Colors { get; set; } = Output.ColorSpecs.Default;

    public bool? Mmap { get; set; }

    public bool StopOnNonmatch { get; set; }

    public bool NullData { get; set; }

    public bool NoUnicode { get; set; }

    public string? HyperlinkFormat { get; set; }

    public string? HostnameBin { get; set; }

    public bool NoIgnoreMessages { get; set; }

    public bool SearchZip { get; set; }

    public string? Pre { get; set; }

    public List<string> PreGlobs { get; } = [];

    public bool Multiline { get; set; }

    public bool MultilineDotAll { get; set; }

    public bool Diff { get; set; }

    public bool Write { get; set; }

    public bool Interactive { get; set; }

    public bool PreserveCase { get; set; }

    public bool Undo { get; set; }

    /// <summary><c>--debug</c> or <c>--trace</c>.</summary>
    public bool Debug { get; set; }

    /// <summary><c>--no-index</c>: never use a search index.</summary>
    public bool NoIndex { get; set; }
}

/// <summary>
/// What a run does: one of the search modes, or a listing. <c>-l</c>, <c>-c</c>, <c>--count-matches</c>,
/// <c>--files-without-match</c>, <c>--json</c>, <c>--files</c>, <c>--type-list</c> and <c>--generate</c>
/// each set it; they never conflict, the last one given wins.
/// </summary>
internal enum CliMode
{
    Standard,
    FilesWithMatches,
    FilesWithoutMatch,
    Count,
    CountMatches,
    Json,
    Files,
    Types,
    Generate,
}

/// <summary>What a type flag does to the file types.</summary>
internal enum TypeChange
{
    Select,
    Negate,
    Add,
    Clear,
}
