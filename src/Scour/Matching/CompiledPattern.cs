using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using Scour.Matching.Automata;
using Scour.Matching.Lines;
using Scour.Matching.Literals;
using Scour.Matching.Pcre2;
using Scour.Matching.Syntax;

namespace Scour.Matching;

/// <summary>
/// Patterns compiled once and shared by all search threads: the parsed tree, the literal analysis and
/// the byte automata (built lazily), or for <c>-P</c> the PCRE2 code. Immutable and thread-safe;
/// <see cref="CreateMatcher()"/> gives each thread its own matcher, and is where the strategy is chosen.
/// </summary>
public sealed class CompiledPattern
{
    private readonly byte[]? _exactLiteral;
    private readonly IReadOnlyList<string>? _exactLiteralSet;
    private readonly RequiredLiterals? _required;
    private readonly string? _suffix; // the literal every match ends with, if any (see ReverseSuffixLineMatcher)
    private readonly byte[]? _spanSuffix; // the suffix, when spans may be found from it (see PikeVmLineMatcher)
    private readonly Regex? _backtracking; // -P without the PCRE2 library
    private readonly Pcre2Code? _pcre2;
    private readonly bool _nullData;

    // The byte automaton that decides lines, when the pattern has one (see CreateMatcher).
    private readonly Lazy<(Nfa Nfa, ByteClasses Classes)?>? _automaton;

    // The reverse automaton that finds where a match starts, for the span DFAs (see PikeVmMatcher).
    private readonly Lazy<(Nfa Nfa, ByteClasses Classes)?>? _reverseAutomaton;

    /// <summary>The memory each search thread's lazy DFAs may use for their states, unless <see cref="PatternOptions.DfaSizeLimit"/> says otherwise.</summary>
    internal const long DefaultDfaBudgetBytes = 8L << 20;

    private readonly long _dfaBudget; // the default dialect's only: -P has no DFA

    private CompiledPattern(RegexNode? tree, RegexNode? inner, bool caseInsensitive, bool crlf, bool multiline = false,
        long sizeLimit = PatternOptions.DefaultRegexSizeLimit, long? dfaBudget = null)
    {
        _dfaBudget = dfaBudget ?? DefaultDfaBudgetBytes;
        IsMultiline = multiline;
        IsCaseInsensitive = caseInsensitive;
        Crlf = crlf;
        if (tree is null)
        {
            NeverMatches = true;
            return;
        }

        NeedsLineByLine = UsesTextAnchors(tree);
        _automaton = new(() => NfaCompiler.TryCompile(tree, crlf: crlf, sizeLimit: sizeLimit, multiline: multiline) is { } nfa ? (nfa, ByteClasses.For(nfa)) : null);
        _reverseAutomaton = new(() => NfaCompiler.TryCompile(tree, reverse: true, crlf: crlf, multiline: multiline) is { } nfa ? (nfa, ByteClasses.For(nfa)) : null);

        if (LiteralAnalysis.ExactLiteral(tree) is { } exact)
        {
            _exactLiteral = Encoding.UTF8.GetBytes(exact);
        }
        else
        {
            _exactLiteralSet = LiteralAnalysis.ExactLiteralSet(tree);
            Caseless = _exactLiteralSet is null && !multiline ? CaselessLiterals.From(tree) : null;
        }

        _required = LiteralAnalysis.Required(inner ?? tree);
        _suffix = LiteralAnalysis.Suffix(tree);
        _spanSuffix = _suffix is not null && !multiline && LiteralAnalysis.IsRepeatedClassThenSuffix(tree) ? Encoding.UTF8.GetBytes(_suffix) : null;
        IndexTree = inner ?? tree;
        MatchesEveryLine = !multiline && RegexNodeQuery.MatchesEmptyAnywhere(tree);
        ThrowIfTooLarge(sizeLimit);
    }

    // rg's --regex-size-limit, checked by building the automaton now rather than on the first file. As
    // in rg, whose plain strings and lists of strings are found by its literal searchers alone, those
    // are never too large (and build no automaton that the byte-level searches may never need).
    private void ThrowIfTooLarge(long sizeLimit)
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
        _backtracking = backtracking;
        Engine = PatternEngine.Backtracking;
        IsCaseInsensitive = caseInsensitive;
        Crlf = crlf;
        IsMultiline = multiline;
        NeedsLineByLine = true;
        GroupNames = backtracking.GetGroupNames()
            .Where(n => !int.TryParse(n, NumberStyles.None, CultureInfo.InvariantCulture, out _))
            .ToDictionary(n => n, backtracking.GroupNumberFromName, StringComparer.Ordinal);
    }

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

    /// <summary>The pattern as case-insensitive strings confirmed on bytes, when it is one (see <see cref="CaselessLiterals"/>).</summary>
    internal CaselessLiterals? Caseless { get; }

    /// <summary>Named groups and their numbers.</summary>
    internal IReadOnlyDictionary<string, int> GroupNames { get; private init; } = new Dictionary<string, int>();

    /// <summary>Lines end with CRLF: a line is matched without the <c>\r</c> before its end.</summary>
    internal bool Crlf { get; }

    /// <summary>True when <c>\A</c> or <c>\z</c> appear (or for <c>-P</c>): each line is matched as a text of its own.</summary>
    internal bool NeedsLineByLine { get; }

    /// <summary>True if the pattern matches the empty string anywhere (<c>''</c>, <c>a*</c>): every line matches.</summary>
    internal bool MatchesEveryLine { get; }

    /// <summary>The literal the whole pattern is, if it is one (then no automaton is needed at all).</summary>
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
            return new CompiledPattern(null, null, false, false);
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
            tree = NullDataTransform.Apply(tree, byRecord: !options.Multiline);
        }

        if (!options.Multiline)
        {
            // With --crlf, rg names the \r first.
            if (options.Crlf)
            {
                LineTerminatorCheck.ThrowIfMatchesNewline(tree, "\\r", '\r');
            }

            LineTerminatorCheck.ThrowIfMatchesNewline(tree, options.NullData ? "\\0" : "\\n", stripped: options.Crlf ? '\r' : -1);
            tree = LineTerminatorCheck.WithoutTerminatorBranches(tree, options.Crlf);
        }

        var multiline = options.Multiline && LineTerminatorCheck.CanMatch(tree, '\n');

        if (!options.WordRegexp)
        {
            RegexParser.Parse(joined, flags, out _, out var names);
            return new CompiledPattern(tree, null, caseInsensitive, options.Crlf, multiline, options.RegexSizeLimit, options.DfaSizeLimit) { GroupNames = names };
        }

        // rg 15's -w: a half word boundary on each side (a non-word character or the edge of the text),
        // consuming nothing, so adjacent words both match and spans are the pattern's own.
        var word = RegexParser.Parse("\\b{start-half}(?:" + joined + ")\\b{end-half}", flags, out _, out var wordNames);
        if (options.NullData)
        {
            word = NullDataTransform.Apply(word, byRecord: !options.Multiline);
        }

        return new CompiledPattern(word, tree, caseInsensitive, options.Crlf, multiline, options.RegexSizeLimit, options.DfaSizeLimit) { GroupNames = wordNames };
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

        if (_backtracking is not null)
        {
            return new BacktrackingLineMatcher(_backtracking, GroupNames, Crlf, IsMultiline);
        }

        if (IsMultiline)
        {
            // Multiline patterns run over whole texts (FindFirst), never through the line machinery.
            return PikeVmMatcher(spanDfas: strategy != MatcherStrategy.PikeVm)!;
        }

        // Only plain strings may have no automaton (one too large for --regex-size-limit): they take
        // the literal searches whatever the strategy.
        var literal = strategy == MatcherStrategy.Auto || _automaton?.Value is null;
        if (!literal && strategy == MatcherStrategy.PikeVm)
        {
            return PikeVmMatcher(spanDfas: false)!;
        }

        if (literal && MatchesEveryLine)
        {
            return new EveryLineMatcher(PikeVmMatcher() ?? LiteralMatcher()!);
        }

        if (literal && LiteralMatcher() is { } strings)
        {
            return strings;
        }

        // With --crlf and \A or \z, rg's line is the text without a final "\r\n" (but with a bare "\n"):
        // \z holds before "\r\n", which the DFA, one byte of look-ahead, cannot see. The PikeVM decides.
        if (Crlf && NeedsLineByLine)
        {
            return PikeVmMatcher()!;
        }

        var prefilter = _required is { MinByteLength: >= 2 } r && !NeedsLineByLine ? Prefilter.Create(r) : null;
        if (literal && Caseless is { } caseless && prefilter is not null)
        {
            return new CaselessLineMatcher(caseless, prefilter, Crlf);
        }

        var (nfa, classes) = _automaton!.Value!.Value;
        var lineClasses = nfa.UnicodeWordBoundary ? ByteClasses.For(nfa, everyHighByte: true) : classes;
        var dfaLines = new DfaLineMatcher(new LazyDfa(nfa, lineClasses, _dfaBudget, linesAreTexts: NeedsLineByLine, linesAlone: _required is not null), PikeVmMatcher()!, prefilter, Crlf);

        // A prefilter for the literal that ends every match: the reverse DFA confirms each occurrence.
        if (prefilter is not null && _required is { CaseInsensitive: false, Strings: [var suffix] } && suffix == _suffix
            && _reverseAutomaton!.Value is var (reverse, reverseClasses))
        {
            return new ReverseSuffixLineMatcher(dfaLines, prefilter, Encoding.UTF8.GetByteCount(suffix), new LazyDfa(reverse, reverseClasses, _dfaBudget / 2, DfaMode.AllReverse));
        }

        return dfaLines;
    }

    // A plain string, or a list of them, found by the byte-level literal searches alone.
    private LineMatcher? LiteralMatcher() =>
        _exactLiteral is not null ? new LiteralLineMatcher(_exactLiteral)
        : _exactLiteralSet is not null ? new LiteralSetLineMatcher(_exactLiteralSet)
        : null;

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

        var spans = spanDfas && !NeedsLineByLine
            ? () => _reverseAutomaton!.Value is var (reverse, reverseClasses)
                ? (new LazyDfa(nfa, classes, _dfaBudget / 2, DfaMode.LeftmostFirst), new LazyDfa(reverse, reverseClasses, _dfaBudget / 2, DfaMode.AllReverse))
                : ((LazyDfa, LazyDfa)?)null
            : (Func<(LazyDfa, LazyDfa)?>?)null;
        return new PikeVmLineMatcher(nfa, spans, GroupNames, linesInContext: _required is null && !NeedsLineByLine, linesAreTexts: NeedsLineByLine && !IsMultiline, Crlf, IsMultiline, _spanSuffix);
    }

    private static bool UsesTextAnchors(RegexNode node) =>
        RegexNodeQuery.Any(node, n => n is AssertionNode { Kind: AssertionKind.StartText or AssertionKind.EndText });
}
