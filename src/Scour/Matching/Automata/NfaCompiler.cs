using Scour.Matching.Syntax;

namespace Scour.Matching.Automata;

/// <summary>
/// Compiles a parsed pattern (default dialect) into a byte <see cref="Nfa"/> for line
/// search: every class loses the line terminator, as rg's line matchers never match it (except under
/// <c>-U</c>, whose matches may span lines). Capture
/// groups become pairs of <see cref="NfaStateKind.Capture"/> states, the whole match as group 0. Each node is
/// compiled backwards, knowing the state that follows it, so no state needs patching except a loop's
/// split. Counted repetitions are expanded; a pattern whose automaton would pass the size limit
/// (<c>--regex-size-limit</c>) is refused, and the caller reports rg's error.
/// </summary>
internal sealed class NfaCompiler
{
    private const int Terminator = Nfa.Terminator;
    private static readonly List<(int Lo, int Hi)> AnyScalar = [(0, Terminator - 1), (Terminator + 1, 0x10FFFF)];

    private readonly List<NfaState> _states = [];
    private Look _looks;
    private bool _unicodeWord;
    private bool _tooLarge;
    private int _groups = 1;
    private readonly bool _reverse;
    private readonly long _sizeLimit;
    private long _size;

    // What no state consumes: the terminator, and with --crlf the \r of a CRLF terminator too (nothing
    // when matches may span lines).
    private readonly List<(int Lo, int Hi)> _excluded;

    private NfaCompiler(bool reverse, bool crlf, bool multiline, long sizeLimit)
    {
        _reverse = reverse;
        _sizeLimit = sizeLimit;
        _excluded = multiline ? [] : crlf ? [('\r', '\r'), (Terminator, Terminator)] : [(Terminator, Terminator)];
    }

    /// <summary>
    /// The automaton of <paramref name="tree"/>, or null when it would pass <paramref name="sizeLimit"/>
    /// (see <see cref="Cost"/>). The reverse one
    /// reads the text backwards, from a match's end to its start: concatenations and UTF-8 sequences
    /// are reversed, assertions mirrored, and it has no capture states.
    /// </summary>
    /// <param name="tree">The parsed pattern.</param>
    /// <param name="reverse">Build the reverse automaton.</param>
    /// <param name="crlf">Lines end with CRLF (<c>--crlf</c>): as rg, no class matches <c>\r</c> either.</param>
    /// <param name="sizeLimit">The most bytes the automaton may take, as <see cref="Cost"/> counts them.</param>
    /// <param name="multiline">Matches may span lines (<c>-U</c>): classes keep the terminator.</param>
    public static Nfa? TryCompile(RegexNode tree, bool reverse = false, bool crlf = false, long sizeLimit = PatternOptions.DefaultRegexSizeLimit, bool multiline = false)
    {
        var compiler = new NfaCompiler(reverse, crlf, multiline, sizeLimit);

        // Every group counts, also one that a repetition such as {0} leaves out of the automaton.
        RegexNodeQuery.Any(tree, n =>
        {
            if (n is GroupNode g)
            {
                compiler._groups = Math.Max(compiler._groups, g.CaptureIndex + 1);
            }

            return false;
        });
        var match = compiler.Add(new NfaState(NfaStateKind.Match));
        var start = compiler.CompileCapture(0, tree, match);
        return compiler._tooLarge ? null : new Nfa([.. compiler._states], start, compiler._looks, compiler._unicodeWord, compiler._groups);
    }

    // The memory a state counts for against the size limit: not this automaton's (smaller), but an
    // estimate of what rg's (regex-automata's) would take for the same pattern, fitted to the largest
    // patterns rg 15.2 accepts under a limit: a byte 32, `(?:ab|cd)` some 240, `.` some 880, `\w`
    // some 51,000 bytes. So --regex-size-limit refuses about the patterns rg refuses.
    private static long Cost(in NfaState state) => state.Kind switch
    {
        NfaStateKind.Sparse => 64 + (24 * state.Transitions!.Length),
        NfaStateKind.Split => 96 + (8 * Math.Max(2, state.Alternatives!.Length)),
        _ => 32,
    };

    private int Add(NfaState state)
    {
        _size += Cost(state);
        if (_size > _sizeLimit)
        {
            _tooLarge = true;
            return 0;
        }

        _states.Add(state);
        return _states.Count - 1;
    }

    private int Compile(RegexNode node, int next)
    {
        if (_tooLarge)
        {
            return 0;
        }

        switch (node)
        {
            case EmptyNode:
                return next;
            case LiteralNode { CaseInsensitive: true } l when CaseFolding.HasVariants(l.CodePoint):
                return CompileSet([.. CaseFolding.Equivalents(l.CodePoint).Select(c => (c, c))], next);
            case LiteralNode l:
                return CompileLiteral(l.CodePoint, next);
            case DotNode d:
                return CompileSet(d.DotAll ? [(0, 0x10FFFF)] : AnyScalar, next);
            case ClassNode c:
                return CompileSet(ClassSet.Evaluate(c.Class, c.CaseInsensitive), next);
            case ByteClassNode b:
                return CompileBytes(b.Bytes, next);
            case AssertionNode a:
                return CompileLook(a, next);
            case GroupNode { CaptureIndex: > 0 } g when !_reverse:
                return CompileCapture(g.CaptureIndex, g.Child, next);
            case GroupNode g:
                return Compile(g.Child, next);
            case ConcatNode c:
                for (var k = 0; k < c.Children.Count; k++)
                {
                    next = Compile(c.Children[_reverse ? k : c.Children.Count - 1 - k], next);
                }

                return next;
            case AlternationNode a:
                var alternatives = new int[a.Children.Count];
                for (var i = 0; i < alternatives.Length; i++)
                {
                    alternatives[i] = Compile(a.Children[i], next);
                }

                return Add(new NfaState(NfaStateKind.Split, Alternatives: alternatives));
            case RepetitionNode r:
                return CompileRepetition(r, next);
            default:
                throw new ArgumentException($"unknown pattern node {node.GetType().Name}", nameof(node));
        }
    }

    private int CompileCapture(int group, RegexNode child, int next)
    {
        if (_reverse)
        {
            return Compile(child, next);
        }

        var end = Add(new NfaState(NfaStateKind.Capture, next, Slot: 2 * group + 1));
        return Add(new NfaState(NfaStateKind.Capture, Compile(child, end), Slot: 2 * group));
    }

    private int CompileLiteral(int codePoint, int next)
    {
        if (ClassSet.Contains(_excluded, codePoint))
        {
            return Add(new NfaState(NfaStateKind.Fail));
        }

        Span<byte> bytes = stackalloc byte[4];
        var n = Utf8Sequences.EncodeOne(codePoint, bytes);
        for (var k = 0; k < n; k++)
        {
            var b = bytes[_reverse ? k : n - 1 - k];
            next = Add(new NfaState(NfaStateKind.Range, next, b, b));
        }

        return next;
    }

    private int CompileLook(AssertionNode a, int next)
    {
        var look = a.Kind switch
        {
            AssertionKind.StartLine => Look.Start,
            AssertionKind.StartLineCrlf => Look.StartCrlf,
            AssertionKind.EndLineCrlf => Look.EndCrlf,
            AssertionKind.StartLineNul => Look.StartNul,
            AssertionKind.EndLineNul => Look.EndNul,
            AssertionKind.StartText => Look.StartText,
            AssertionKind.EndText => Look.EndText,
            AssertionKind.EndLine => Look.End,
            AssertionKind.WordBoundary => Look.WordBoundary,
            AssertionKind.NotWordBoundary => Look.NotWordBoundary,
            AssertionKind.WordStart => Look.WordStart,
            AssertionKind.WordEnd => Look.WordEnd,
            AssertionKind.WordStartHalf => Look.WordStartHalf,
            _ => Look.WordEndHalf,
        };
        if (_reverse)
        {
            look = Mirrored(look);
        }

        _looks |= look;
        var unicodeWord = (look & Nfa.WordLooks) != 0 && a.Unicode;
        _unicodeWord |= unicodeWord;
        return Add(new NfaState(NfaStateKind.Look, next, Look: look, UnicodeWord: unicodeWord));
    }

    // Repetitions are laid out as Rust's regex lays them out, since the order of a split's alternatives
    // decides which match is leftmost-first: x{n,m} is n copies, then nested optional copies that all
    // skip to the exit; x{n,} is n-1 copies, then a copy that loops back to its own start. x* loops
    // through one split before x, unless x can match empty: then it is (x+)?, whose exit is reached
    // before a second empty pass of x could take priority (rust-lang/regex#779).
    // What an assertion is when the text is read backwards: before and after trade places.
    private static Look Mirrored(Look look) => look switch
    {
        Look.Start => Look.End,
        Look.End => Look.Start,
        Look.StartText => Look.EndText,
        Look.EndText => Look.StartText,
        Look.WordStart => Look.WordEnd,
        Look.WordEnd => Look.WordStart,
        Look.WordStartHalf => Look.WordEndHalf,
        Look.WordEndHalf => Look.WordStartHalf,
        Look.StartCrlf => Look.EndCrlf,
        Look.EndCrlf => Look.StartCrlf,
        Look.StartNul => Look.EndNul,
        Look.EndNul => Look.StartNul,
        _ => look,
    };

    private int CompileRepetition(RepetitionNode r, int next)
    {
        int entry;
        if (r.Max is { } max)
        {
            entry = next;
            for (var i = r.Min; i < max && !_tooLarge; i++)
            {
                entry = Optional(Compile(r.Child, entry), next, r.Greedy);
            }

            return Copies(r.Child, r.Min, entry);
        }

        if (r.Min == 0 && !RegexNodeQuery.CanMatchEmpty(r.Child))
        {
            var loop = Add(new NfaState(NfaStateKind.Split, Alternatives: []));
            var body = Compile(r.Child, loop);
            if (!_tooLarge)
            {
                _states[loop] = Choice(body, next, r.Greedy);
            }

            return loop;
        }

        var plus = Plus(r.Child, next, r.Greedy);
        return r.Min == 0 ? Optional(plus, next, r.Greedy) : Copies(r.Child, r.Min - 1, plus);
    }

    // One copy of `child` whose end chooses between its own start again and `next`.
    private int Plus(RegexNode child, int next, bool greedy)
    {
        var union = Add(new NfaState(NfaStateKind.Split, Alternatives: []));
        var start = Compile(child, union);
        if (!_tooLarge)
        {
            _states[union] = Choice(start, next, greedy);
        }

        return start;
    }

    private int Copies(RegexNode child, int count, int next)
    {
        for (var i = 0; i < count && !_tooLarge; i++)
        {
            next = Compile(child, next);
        }

        return next;
    }

    private int Optional(int body, int next, bool greedy) => Add(Choice(body, next, greedy));

    private static NfaState Choice(int body, int next, bool greedy) =>
        new(NfaStateKind.Split, Alternatives: greedy ? [body, next] : [next, body]);

    // A set of scalar values as a trie of the byte ranges of their UTF-8 encodings: sequences that
    // share leading ranges share states, so a class has one entry state however many ranges it has.
    private int CompileSet(List<(int Lo, int Hi)> set, int next)
    {
        var members = ClassSet.Difference(set, _excluded);
        if (members.Count == 0)
        {
            return Add(new NfaState(NfaStateKind.Fail));
        }

        var root = new TrieNode();
        var reverse = _reverse;
        Utf8Sequences.ForEach(members, sequence =>
        {
            if (!reverse)
            {
                root.Insert(sequence);
                return;
            }

            Span<ByteSpan> reversed = stackalloc ByteSpan[sequence.Length];
            sequence.CopyTo(reversed);
            reversed.Reverse();
            root.Insert(reversed);
        });
        return Build(root, next);
    }

    // A set of single bytes (outside Unicode mode): one state, whichever way the text is read.
    private int CompileBytes(IReadOnlyList<(int Lo, int Hi)> bytes, int next)
    {
        var members = ClassSet.Difference([.. bytes], _excluded);
        return members.Count switch
        {
            0 => Add(new NfaState(NfaStateKind.Fail)),
            1 => Add(new NfaState(NfaStateKind.Range, next, (byte)members[0].Lo, (byte)members[0].Hi)),
            _ => Add(new NfaState(NfaStateKind.Sparse, Transitions: [.. members.Select(r => new NfaTransition((byte)r.Lo, (byte)r.Hi, next))])),
        };
    }

    private int Build(TrieNode node, int next)
    {
        var transitions = new NfaTransition[node.Children.Count];
        for (var i = 0; i < transitions.Length; i++)
        {
            var (span, child) = node.Children[i];
            transitions[i] = new NfaTransition(span.Lo, span.Hi, child is null ? next : Build(child, next));
        }

        return transitions.Length == 1
            ? Add(new NfaState(NfaStateKind.Range, transitions[0].Next, transitions[0].Lo, transitions[0].Hi))
            : Add(new NfaState(NfaStateKind.Sparse, Transitions: transitions));
    }

    private sealed class TrieNode
    {
        // The byte range of each outgoing edge and the node it leads to (null: the sequence ends).
        public List<(ByteSpan Span, TrieNode? Child)> Children { get; } = [];

        public void Insert(ReadOnlySpan<ByteSpan> sequence)
        {
            var node = this;
            for (var i = 0; i < sequence.Length; i++)
            {
                var last = i == sequence.Length - 1;
                var children = node.Children;
                if (!last && children.Count > 0 && children[^1].Span == sequence[i] && children[^1].Child is { } shared)
                {
                    node = shared;
                    continue;
                }

                var child = last ? null : new TrieNode();
                children.Add((sequence[i], child));
                if (child is null)
                {
                    return;
                }

                node = child;
            }
        }
    }
}
