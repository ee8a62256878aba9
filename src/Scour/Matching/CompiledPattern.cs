using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using Scour.Matching.Automata;
using Scour.Matching.Pcre2;
using Scour.Matching.Syntax;

namespace Scour.Matching;

/// <summary>
/// Patterns compiled once and shared by all search threads: the parsed tree, the literal analysis and
/// the .NET regexes (built lazily). Immutable and thread-safe; <see cref="CreateMatcher()"/> gives each
/// thread its own matcher.
/// </summary>
public sealed class CompiledPattern
{
    private readonly string? _bmpPattern;
    private readonly Lazy<string>? _invalidPattern;

    // Built on the first text with a character outside the BMP: its classes' exact astral members
    // make the NonBacktracking automaton costly (up to some 300 ms for \w).
    private readonly Lazy<(string Pattern, List<(int Lo, int Hi)> AstralMembers)>? _fullTranslation;
    private readonly bool _needsBacktracking;
    private readonly Lazy<Regex>? _searchBmp;
    private readonly Lazy<Regex>? _searchInvalid;
    private readonly Lazy<Regex>? _searchFull;
    private readonly Lazy<Regex>? _searchAscii;
    private readonly Lazy<Regex>? _captureBmp;
    private readonly Lazy<Regex>? _captureInvalid;
    private readonly Lazy<Regex>? _captureFull;
    private readonly byte[]? _exactLiteral;
    private readonly IReadOnlyList<string>? _exactLiteralSet;
    private readonly RequiredLiterals? _required;
    private readonly bool _backtrackingDialect;
    private readonly Pcre2Code? _pcre2;
    private readonly bool _nullData;

    // The byte automaton that decides lines, when the pattern has one (see CreateMatcher).
    private readonly Lazy<(Nfa Nfa, ByteClasses Classes)?>? _automaton;

    // The reverse automaton that finds where a match starts, for the span DFAs (see PikeVmMatcher).
    private readonly Lazy<(Nfa Nfa, ByteClasses Classes)?>? _reverseAutomaton;

    /// <summary>The memory each search thread's lazy DFAs may use for their states, unless <see cref="PatternOptions.DfaSizeLimit"/> says otherwise.</summary>
    internal const long DefaultDfaBudgetBytes = 8L << 20;

    private readonly long _dfaBudget; // the default dialect's only: -P has no DFA

    private CompiledPattern(RegexNode? tree, RegexNode? inner, int matchGroup, bool caseInsensitive, bool crlf, bool multiline = false,
        long sizeLimit = PatternOptions.DefaultRegexSizeLimit, long? dfaBudget = null)
    {
        _dfaBudget = dfaBudget ?? DefaultDfaBudgetBytes;
        MatchGroup = matchGroup;
        IsMultiline = multiline;
        IsCaseInsensitive = caseInsensitive;
        Crlf = crlf;
        if (tree is null)
        {
            NeverMatches = true;
            return;
        }

        _bmpPattern = DotNetTranslator.Translate(tree, surrogateAware: false, multiline, out var backtrack1);
        _invalidPattern = new(() => DotNetTranslator.Translate(tree, surrogateAware: true, multiline, out _, astral: false));
        _fullTranslation = new(() => (DotNetTranslator.Translate(tree, surrogateAware: true, multiline, out _, out var members), members));
        _needsBacktracking = backtrack1; // both translations use lookaround for the same assertions
        NeedsLineByLine = UsesTextAnchors(tree);
        _automaton = new(() => NfaCompiler.TryCompile(tree, crlf: crlf, sizeLimit: sizeLimit, multiline: multiline) is { } nfa ? (nfa, ByteClasses.For(nfa)) : null);
        _reverseAutomaton = new(() => NfaCompiler.TryCompile(tree, reverse: true, crlf: crlf, multiline: multiline) is { } nfa ? (nfa, ByteClasses.For(nfa)) : null);

        _searchBmp = new(() => Build(_bmpPattern, RegexOptions.ExplicitCapture));
        _searchInvalid = new(() => Build(_invalidPattern.Value, RegexOptions.ExplicitCapture));
        _searchFull = new(() => Build(_fullTranslation.Value.Pattern, RegexOptions.ExplicitCapture));
        _searchAscii = new(() => Build(DotNetTranslator.Translate(tree, surrogateAware: false, multiline, out _, asciiOnly: true), RegexOptions.ExplicitCapture));
        _captureBmp = new(() => Build(_bmpPattern, RegexOptions.None));
        _captureInvalid = new(() => Build(_invalidPattern.Value, RegexOptions.None));
        _captureFull = new(() => Build(_fullTranslation.Value.Pattern, RegexOptions.None));

        if (matchGroup == 0 && LiteralAnalysis.ExactLiteral(tree) is { } exact)
        {
            _exactLiteral = Encoding.UTF8.GetBytes(exact);
        }
        else if (matchGroup == 0)
        {
            _exactLiteralSet = LiteralAnalysis.ExactLiteralSet(tree);
            Caseless = _exactLiteralSet is null && !multiline ? CaselessLiterals.From(tree) : null;
        }

        _required = LiteralAnalysis.Required(inner ?? tree);
        IndexTree = matchGroup == 0 ? inner ?? tree : null;
        MatchesEveryLine = matchGroup == 0 && !multiline && RegexNodeQuery.MatchesEmptyAnywhere(tree);
        ThrowIfTooLarge(tree, sizeLimit);

        // Fail now, not on the first file, if .NET cannot build the regex. Plain strings translate to
        // plain (escaped) strings, which it always can: those skip building an automaton that the
        // byte-level literal searches may never need (1 to 14 ms of every such run); case-insensitive
        // strings are confirmed on bytes too, and build the regex only if a region is scanned whole.
        // A pattern the byte automaton decides needs .NET's regex only for spans (-o, colors, JSON)
        // and the lines it hands over: building it (20 ms and more) waits for the first such line.
        if (_exactLiteral is null && _exactLiteralSet is null && Caseless is null && _automaton?.Value is null)
        {
            _ = _searchBmp.Value;
        }
    }

    // rg's --regex-size-limit. As in rg, whose plain strings and lists of strings are found by its
    // literal searchers alone, those are never too large (and build no automaton for the check).
    private void ThrowIfTooLarge(RegexNode tree, long sizeLimit)
    {
        var fits = _exactLiteral is not null || _exactLiteralSet is not null || _automaton!.Value is not null;
        if (!fits)
        {
            throw new PatternSyntaxException($"compiled regex exceeds size limit of {sizeLimit}");
        }
    }

    // -P on the PCRE2 library: it compiled the pattern, and it matches every line.
    private CompiledPattern(Pcre2Code code, bool caseInsensitive, bool crlf, bool multiline, bool nullData)
    {
        _pcre2 = code;
        _nullData = nullData;
        Engine = PatternEngine.Pcre2;
        IsCaseInsensitive = caseInsensitive;
        Crlf = crlf;
        IsMultiline = multiline;
        NeedsLineByLine = true;
        GroupNames = code.GroupNames;
    }

    // A PCRE2-dialect pattern (-P) without the library, built as a .NET backtracking regex: no tree, no
    // literal analysis, one regex for every use, and lines matched one at a time.
    private CompiledPattern(Regex backtracking, bool caseInsensitive, bool crlf, bool multiline)
    {
        _backtrackingDialect = true;
        Engine = PatternEngine.Backtracking;
        IsCaseInsensitive = caseInsensitive;
        Crlf = crlf;
        IsMultiline = multiline;
        NeedsLineByLine = true;
        _bmpPattern = backtracking.ToString();
        _invalidPattern = new(_bmpPattern);
        _fullTranslation = new((_bmpPattern, [(0x10000, 0x10FFFF)]));
        _searchBmp = _searchInvalid = _searchFull = _captureBmp = _captureInvalid = _captureFull = new Lazy<Regex>(backtracking);
        GroupNames = backtracking.GetGroupNames()
            .Where(n => !int.TryParse(n, NumberStyles.None, CultureInfo.InvariantCulture, out _))
            .ToDictionary(n => n, backtracking.GroupNumberFromName, StringComparer.Ordinal);
    }

    /// <summary>
    /// True for the PCRE2 dialect (<c>-P</c>): as rg runs PCRE2 with <c>MATCH_INVALID_UTF</c>, a match never
    /// includes or crosses a byte that is not UTF-8, so lines are matched in the pieces between such bytes.
    /// </summary>
    internal bool InvalidBytesAreBarriers => _backtrackingDialect;

    /// <summary>
    /// The engine that matches this pattern: <see cref="PatternEngine.Default"/>, <see cref="PatternEngine.Pcre2"/>
    /// (the PCRE2 library), or <see cref="PatternEngine.Backtracking"/> (.NET's engine reading PCRE2's syntax,
    /// which <c>-P</c> falls back to when the library is not there; see <see cref="Pcre2Library"/>).
    /// </summary>
    public PatternEngine Engine { get; }

    /// <summary>True when there are no patterns at all (e.g. <c>-f</c> of an empty file).</summary>
    public bool NeverMatches { get; }

    /// <summary>
    /// Whether matches may span lines (<see cref="PatternOptions.Multiline"/>). Such a pattern is matched
    /// against a whole text, never line by line.
    /// </summary>
    public bool IsMultiline { get; }

    /// <summary>Whether matching ignores case (after applying smart case).</summary>
    public bool IsCaseInsensitive { get; }

    /// <summary>The capture group whose span is "the match" (1 for <c>-w</c>, else 0).</summary>
    internal int MatchGroup { get; }

    /// <summary>The pattern as case-insensitive strings confirmed on bytes, when it is one (see <see cref="CaselessLiterals"/>).</summary>
    internal CaselessLiterals? Caseless { get; }

    /// <summary>Named groups and their numbers in the .NET regex.</summary>
    internal IReadOnlyDictionary<string, int> GroupNames { get; private init; } = new Dictionary<string, int>();

    /// <summary>The .NET regex group for the pattern's group <paramref name="number"/> (0 is the whole match).</summary>
    internal int RegexGroup(int number) => number == 0 ? MatchGroup : number + MatchGroup;

    /// <summary>Lines end with CRLF: the regex sees each line without its <c>\r</c>.</summary>
    internal bool Crlf { get; }

    /// <summary>True when <c>\A</c> or <c>\z</c> appear: the regex must see one line at a time.</summary>
    internal bool NeedsLineByLine { get; }

    /// <summary>The .NET pattern used on text without surrogates (for diagnostics and tests).</summary>
    internal string? DotNetPattern => _bmpPattern;

    /// <summary>True if the pattern matches the empty string anywhere (<c>''</c>, <c>a*</c>): every line matches.</summary>
    internal bool MatchesEveryLine { get; }

    /// <summary>The literal the whole pattern is, if it is one (then no regex is needed at all).</summary>
    internal byte[]? ExactLiteral => _exactLiteral;

    /// <summary>The tree a search index plans its trigram query from (the default dialect only; without -w's boundaries).</summary>
    internal RegexNode? IndexTree { get; }

    /// <summary>The literals a prefilter searches for, if any.</summary>
    internal RequiredLiterals? Required => _required;

    /// <summary>Compiles <paramref name="options"/>; throws <see cref="PatternSyntaxException"/> for a bad pattern.</summary>
    public static CompiledPattern Compile(PatternOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (options.Patterns.Count == 0)
        {
            return new CompiledPattern(null, null, 0, false, false);
        }

        if (options.Engine is PatternEngine.Pcre2 or PatternEngine.Backtracking)
        {
            return CompilePcre2Dialect(options);
        }

        try
        {
            return CompileDefault(options);
        }
        catch (PatternSyntaxException defaultError) when (options.Engine == PatternEngine.Auto)
        {
            try
            {
                return CompilePcre2Dialect(options);
            }
            catch (PatternSyntaxException backtrackingError)
            {
                // Neither engine reads it: both errors, laid out as rg 15 lays them out (row 49).
                var rule = new string('~', 79);
                throw new PatternSyntaxException(
                    "regex could not be compiled with either the default regex engine or with PCRE2.\n\n" +
                    $"default regex engine error:\n{rule}\n{defaultError.WithoutHint}\n{rule}\n\n" +
                    $"PCRE2 regex engine error:\n{backtrackingError.Message}",
                    defaultError);
            }
        }
    }

    // -P: the PCRE2 library when it is there, else .NET's engine (never when a library asked for by
    // path cannot be used: that is an error, not a silent change of engine).
    private static CompiledPattern CompilePcre2Dialect(PatternOptions options)
    {
        if (options.Engine != PatternEngine.Backtracking && Pcre2Native.Instance is { } native)
        {
            return CompilePcre2(native, options);
        }

        if (options.Engine != PatternEngine.Backtracking && Pcre2Native.FailedExplicitly)
        {
            throw new PatternSyntaxException($"PCRE2 is not available: {Pcre2Native.Failure}");
        }

        return CompileBacktracking(options);
    }

    // The pattern rg 15 gives PCRE2: each pattern (escaped for -F) in a group, joined with '|', then -x or
    // -w wrapped around; multi-line anchors always, UTF and UCP unless --no-unicode, MATCH_INVALID_UTF so
    // that any bytes can be searched, and --crlf as "any of \r, \n, \r\n ends a line".
    private static CompiledPattern CompilePcre2(Pcre2Native native, PatternOptions options)
    {
        var caseless = Pcre2Syntax.IsCaseless(options);
        var pattern = Pcre2Syntax.Bound(Pcre2Syntax.Join(options), options);
        var flags = Pcre2Constants.Multiline
            | (caseless ? Pcre2Constants.Caseless : 0)
            | (options.Unicode ? Pcre2Constants.Utf | Pcre2Constants.Ucp | Pcre2Constants.MatchInvalidUtf : 0)
            | (options.Multiline && options.MultilineDotAll ? Pcre2Constants.DotAll : 0);
        var code = Pcre2Code.Compile(native, pattern, flags, options.Crlf);
        return new CompiledPattern(code, caseless, options.Crlf, options.Multiline, options.NullData);
    }

    // .NET's engine has no match limit as PCRE2 has: a time limit per match keeps a runaway pattern from
    // hanging the search (the input then fails with an error, as PCRE2's limit fails it in rg).
    private static readonly TimeSpan BacktrackingTimeLimit = TimeSpan.FromSeconds(1);

    // -P without the library: PCRE2 syntax on .NET's backtracking engine, composed as rg composes it.
    private static CompiledPattern CompileBacktracking(PatternOptions options)
    {
        var joined = string.Join("|", options.Patterns.Select(p => "(?:" + (options.FixedStrings ? Regex.Escape(p) : PcreTranslator.Translate(p)) + ")"));
        joined = Pcre2Syntax.Bound(joined, options);
        var caseInsensitive = Pcre2Syntax.IsCaseless(options);
        var regexOptions = RegexOptions.CultureInvariant | RegexOptions.Multiline
            | (caseInsensitive ? RegexOptions.IgnoreCase : 0)
            | (options.Multiline && options.MultilineDotAll ? RegexOptions.Singleline : 0);
        try
        {
            return new CompiledPattern(new Regex(joined, regexOptions, BacktrackingTimeLimit), caseInsensitive, options.Crlf, options.Multiline);
        }
        catch (ArgumentException e)
        {
            throw new PatternSyntaxException($"PCRE2: error compiling pattern: {e.Message}", e);
        }
    }

    private static CompiledPattern CompileDefault(PatternOptions options)
    {
        // As rg 15: each pattern (escaped for -F) is its own group, so inline flags stay inside it, and
        // the groups are joined with '|'. Errors echo that text; -x and -w wrap it only once it parsed.
        var joined = string.Join("|", options.Patterns.Select(p => "(?:" + (options.FixedStrings ? Escape(p) : p) + ")"));
        // --crlf is rg's CRLF mode for every pattern: (?R), whose '.' matches neither \r nor \n and whose
        // ^ and $ see \r as a line end too.
        var baseFlags = RegexFlags.Default with { DotAll = options.Multiline && options.MultilineDotAll, Unicode = options.Unicode, Crlf = options.Crlf };
        if (options.LineRegexp)
        {
            RegexParser.Parse(joined, baseFlags);
            joined = "^(?:" + joined + ")$";
        }

        var tree = RegexParser.Parse(joined, baseFlags);
        var caseInsensitive = options.Case switch
        {
            CaseMode.Insensitive => true,
            CaseMode.Smart => SmartCase.ShouldIgnoreCase(tree),
            _ => false,
        };
        var flags = baseFlags with { CaseInsensitive = caseInsensitive };
        if (caseInsensitive)
        {
            tree = RegexParser.Parse(joined, flags);
        }

        if (options.RejectNul && !options.NullData)
        {
            LineTerminatorCheck.ThrowIfMatchesNul(tree);
        }

        if (options.NullData)
        {
            tree = NullDataTransform.Apply(tree);
        }

        if (!options.Multiline)
        {
            // With --crlf, rg names the \r first.
            if (options.Crlf)
            {
                LineTerminatorCheck.ThrowIfMatchesNewline(tree, "\\r", '\r');
            }

            LineTerminatorCheck.ThrowIfMatchesNewline(tree, options.NullData ? "\\0" : "\\n");
        }

        var multiline = options.Multiline && LineTerminatorCheck.CanMatch(tree, '\n');

        if (!options.WordRegexp)
        {
            RegexParser.Parse(joined, flags, out _, out var names);
            return new CompiledPattern(tree, null, 0, caseInsensitive, options.Crlf, multiline, options.RegexSizeLimit, options.DfaSizeLimit) { GroupNames = names };
        }

        // rg 15's -w: a half word boundary on each side (a non-word character or the edge of the text),
        // consuming nothing, so adjacent words both match and spans are the pattern's own.
        var word = RegexParser.Parse("\\b{start-half}(?:" + joined + ")\\b{end-half}", flags, out _, out var wordNames);
        if (options.NullData)
        {
            word = NullDataTransform.Apply(word);
        }

        return new CompiledPattern(word, tree, 0, caseInsensitive, options.Crlf, multiline, options.RegexSizeLimit, options.DfaSizeLimit) { GroupNames = wordNames };
    }

    /// <summary>Escapes every character Rust's regex treats as special.</summary>
    public static string Escape(string literal)
    {
        ArgumentNullException.ThrowIfNull(literal);
        var sb = new StringBuilder(literal.Length + 8);
        foreach (var c in literal)
        {
            if ("\\.+*?()|[]{}^$#&-~".Contains(c, StringComparison.Ordinal))
            {
                sb.Append('\\');
            }

            sb.Append(c);
        }

        return sb.ToString();
    }

    /// <summary>
    /// A matcher for lines of UTF-8 text (without terminators), for one thread at a time. It is the
    /// engine's own: literal prefilters, the same answers as a search.
    /// </summary>
    public ILineMatcher CreateLineMatcher() => new LineMatcherAdapter(CreateMatcher());

    /// <summary>Creates a matcher for one thread, choosing the cheapest strategy that is exact.</summary>
    internal LineMatcher CreateMatcher() => CreateMatcher(MatcherStrategy.Auto);

    /// <summary>Creates a matcher with a given strategy (tests run every strategy on the same cases).</summary>
    internal LineMatcher CreateMatcher(MatcherStrategy strategy)
    {
        if (NeverMatches)
        {
            return new NeverLineMatcher();
        }

        if (_pcre2 is not null)
        {
            return new Pcre2LineMatcher(_pcre2, Crlf, IsMultiline, _nullData);
        }

        if (_backtrackingDialect)
        {
            return new RegexLineMatcher(this, prefilter: null, lineByLine: true);
        }

        if (IsMultiline)
        {
            // Multiline patterns run over whole texts (FindAll), never through the line machinery.
            return PikeVmMatcher(spanDfas: strategy != MatcherStrategy.PikeVm)!;
        }

        if (strategy == MatcherStrategy.PikeVm && PikeVmMatcher(spanDfas: false) is { } pike)
        {
            return pike;
        }

        if (strategy is MatcherStrategy.Auto or MatcherStrategy.Literal && MatchesEveryLine)
        {
            return new EveryLineMatcher((LineMatcher?)PikeVmMatcher() ?? new RegexLineMatcher(this, prefilter: null, lineByLine: NeedsLineByLine));
        }

        if (strategy is MatcherStrategy.Auto or MatcherStrategy.Literal && _exactLiteral is not null)
        {
            return new LiteralLineMatcher(_exactLiteral);
        }

        if (strategy is MatcherStrategy.Auto or MatcherStrategy.Literal && _exactLiteralSet is not null)
        {
            return new LiteralSetLineMatcher(_exactLiteralSet);
        }

        // With --crlf and \A or \z, rg's line is the text without a final "\r\n" (but with a bare "\n"):
        // \z holds before "\r\n", which the DFA, one byte of look-ahead, cannot see. The PikeVM decides.
        if (Crlf && NeedsLineByLine && strategy != MatcherStrategy.LineByLine && PikeVmMatcher() is { } lines)
        {
            return lines;
        }

        var usePrefilter = strategy is MatcherStrategy.Auto or MatcherStrategy.Literal or MatcherStrategy.Prefilter or MatcherStrategy.Dfa;
        var prefilter = usePrefilter && _required is { } r && (r.MinByteLength >= 2 || strategy == MatcherStrategy.Prefilter) && !NeedsLineByLine
            ? Prefilter.Create(r)
            : null;
        RegexLineMatcher Regex() => new(this, prefilter, lineByLine: strategy == MatcherStrategy.LineByLine || NeedsLineByLine);
        // Case-insensitive strings are confirmed on bytes in the lines their prefilter finds; without one
        // to find them (a string too short), the automaton scans.
        var useAutomaton = strategy == MatcherStrategy.Dfa
            || (strategy is MatcherStrategy.Auto or MatcherStrategy.Literal && (Caseless is null || prefilter is not { NeedsDecodedText: false }));
        if (!useAutomaton || _automaton?.Value is not var (nfa, classes))
        {
            return Regex();
        }

        var lineClasses = nfa.UnicodeWordBoundary ? ByteClasses.For(nfa, everyHighByte: true) : classes;
        return new DfaLineMatcher(new LazyDfa(nfa, lineClasses, _dfaBudget, linesAreTexts: NeedsLineByLine, linesAlone: _required is not null), PikeVmMatcher()!, prefilter is { NeedsDecodedText: false } ? prefilter : null, Crlf);
    }

    // The PikeVM over the byte automaton, when the pattern has one, with the DFAs that find spans
    // faster (not for \A or \z, which the span search sees at the buffer's start and end, a text the
    // DFAs do not model). rg decides lines in its buffer (with the bytes before each line in view) when
    // it has no literal to find candidate lines with and no text anchor that makes it go line by line.
    private PikeVmLineMatcher? PikeVmMatcher(bool spanDfas = true)
    {
        if (_automaton?.Value is not var (nfa, classes))
        {
            return null;
        }

        var spans = spanDfas && !NeedsLineByLine && _reverseAutomaton!.Value is var (reverse, reverseClasses)
            ? (new LazyDfa(nfa, classes, _dfaBudget / 2, DfaMode.LeftmostFirst), new LazyDfa(reverse, reverseClasses, _dfaBudget / 2, DfaMode.AllReverse))
            : ((LazyDfa, LazyDfa)?)null;
        return new PikeVmLineMatcher(new PikeVm(nfa), spans, GroupNames, linesInContext: _required is null && !NeedsLineByLine, linesAreTexts: NeedsLineByLine && !IsMultiline, Crlf, IsMultiline);
    }

    /// <summary>
    /// The form of <paramref name="chars"/> whose regex to match it with: text whose astral characters
    /// no class, <c>.</c> or word assertion of the pattern can match takes the smaller regex for
    /// invalid bytes, which is exact on it (a class with many astral members makes a costly automaton).
    /// </summary>
    internal TextForm FormOf(ReadOnlySpan<char> chars)
    {
        var form = Utf8Text.FormOf(chars);
        if (form != TextForm.Astral || _fullTranslation is null)
        {
            return form;
        }

        var members = _fullTranslation.Value.AstralMembers;
        var rest = chars;
        while (rest.IndexOfAnyInRange('\uD800', '\uDBFF') is var i and >= 0 && i + 1 < rest.Length)
        {
            if (char.IsLowSurrogate(rest[i + 1]) && ClassSet.Contains(members, char.ConvertToUtf32(rest[i], rest[i + 1])))
            {
                return TextForm.Astral;
            }

            rest = rest[(i + 1)..];
        }

        return TextForm.InvalidBytes;
    }

    /// <summary>The regex that finds matches in text of the given form, or in ASCII-only text.</summary>
    internal Regex SearchRegex(TextForm form, bool ascii = false) =>
        (ascii && _searchAscii is not null ? _searchAscii : form switch
        {
            TextForm.Bmp => _searchBmp!,
            TextForm.InvalidBytes => _searchInvalid!,
            _ => _searchFull!,
        }).Value;

    internal Regex CaptureRegex(TextForm form) => (form switch
    {
        TextForm.Bmp => _captureBmp!,
        TextForm.InvalidBytes => _captureInvalid!,
        _ => _captureFull!,
    }).Value;

    private Regex Build(string pattern, RegexOptions extra)
    {
        var options = RegexOptions.CultureInvariant | extra;
        if (!_needsBacktracking)
        {
            try
            {
                return new Regex(pattern, options | RegexOptions.NonBacktracking);
            }
            catch (NotSupportedException)
            {
                // Too large for the NonBacktracking automaton: the backtracking engine takes it.
            }
        }

        try
        {
            return new Regex(pattern, options | RegexOptions.Compiled);
        }
        catch (ArgumentException e)
        {
            throw new PatternSyntaxException($"internal error translating the pattern to .NET ({pattern}): {e.Message}", e);
        }
    }

    private static bool UsesTextAnchors(RegexNode node) =>
        RegexNodeQuery.Any(node, n => n is AssertionNode { Kind: AssertionKind.StartText or AssertionKind.EndText });
}
