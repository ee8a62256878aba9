using Scour.Matching.Syntax;

namespace Scour.Matching.Automata;

/// <summary>
/// Compiles a parsed pattern (default dialect, Unicode mode) into a byte <see cref="Nfa"/> for line
/// search: every class loses the line terminator, as rg's line matchers never match it. Each node is
/// compiled backwards, knowing the state that follows it, so no state needs patching except a loop's
/// split. Counted repetitions are expanded; a pattern whose automaton would pass
/// <see cref="StateLimit"/> states is refused (the caller keeps another engine).
/// </summary>
internal sealed class NfaCompiler
{
    /// <summary>The most states an automaton may have.</summary>
    public const int StateLimit = 250_000;

    private const int Terminator = Nfa.Terminator;
    private static readonly List<(int Lo, int Hi)> AnyScalar = [(0, Terminator - 1), (Terminator + 1, 0x10FFFF)];

    private readonly List<NfaState> _states = [];
    private Look _looks;
    private bool _unicodeWord;
    private bool _tooLarge;

    private NfaCompiler()
    {
    }

    /// <summary>The automaton of <paramref name="tree"/>, or null when it would be too large.</summary>
    public static Nfa? TryCompile(RegexNode tree)
    {
        var compiler = new NfaCompiler();
        var match = compiler.Add(new NfaState(NfaStateKind.Match));
        var start = compiler.Compile(tree, match);
        return compiler._tooLarge ? null : new Nfa([.. compiler._states], start, compiler._looks, compiler._unicodeWord);
    }

    private int Add(NfaState state)
    {
        if (_states.Count >= StateLimit)
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
            case DotNode:
                return CompileSet(AnyScalar, next);
            case ClassNode c:
                return CompileSet(ClassSet.Evaluate(c.Class, c.CaseInsensitive), next);
            case AssertionNode a:
                return CompileLook(a, next);
            case GroupNode g:
                return Compile(g.Child, next);
            case ConcatNode c:
                for (var i = c.Children.Count - 1; i >= 0; i--)
                {
                    next = Compile(c.Children[i], next);
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

    private int CompileLiteral(int codePoint, int next)
    {
        if (codePoint == Terminator)
        {
            return Add(new NfaState(NfaStateKind.Fail));
        }

        Span<byte> bytes = stackalloc byte[4];
        var n = Utf8Sequences.EncodeOne(codePoint, bytes);
        for (var i = n - 1; i >= 0; i--)
        {
            next = Add(new NfaState(NfaStateKind.Range, next, bytes[i], bytes[i]));
        }

        return next;
    }

    private int CompileLook(AssertionNode a, int next)
    {
        var look = a.Kind switch
        {
            AssertionKind.StartLine or AssertionKind.StartText => Look.Start,
            AssertionKind.EndLine or AssertionKind.EndText => Look.End,
            AssertionKind.WordBoundary => Look.WordBoundary,
            AssertionKind.NotWordBoundary => Look.NotWordBoundary,
            AssertionKind.WordStart => Look.WordStart,
            AssertionKind.WordEnd => Look.WordEnd,
            AssertionKind.WordStartHalf => Look.WordStartHalf,
            _ => Look.WordEndHalf,
        };
        _looks |= look;
        if ((look & Nfa.WordLooks) != 0 && a.Unicode)
        {
            _unicodeWord = true;
        }

        return Add(new NfaState(NfaStateKind.Look, next, Look: look));
    }

    private int CompileRepetition(RepetitionNode r, int next)
    {
        var entry = next;
        if (r.Max is not { } max)
        {
            var loop = Add(new NfaState(NfaStateKind.Split, Alternatives: []));
            var body = Compile(r.Child, loop);
            if (_tooLarge)
            {
                return 0;
            }

            _states[loop] = new NfaState(NfaStateKind.Split, Alternatives: r.Greedy ? [body, next] : [next, body]);
            entry = loop;
        }
        else
        {
            for (var i = r.Min; i < max && !_tooLarge; i++)
            {
                var body = Compile(r.Child, entry);
                entry = Add(new NfaState(NfaStateKind.Split, Alternatives: r.Greedy ? [body, next] : [next, body]));
            }
        }

        for (var i = 0; i < r.Min && !_tooLarge; i++)
        {
            entry = Compile(r.Child, entry);
        }

        return entry;
    }

    // A set of scalar values as a trie of the byte ranges of their UTF-8 encodings: sequences that
    // share leading ranges share states, so a class has one entry state however many ranges it has.
    private int CompileSet(List<(int Lo, int Hi)> set, int next)
    {
        var members = ClassSet.Difference(set, [(Terminator, Terminator)]);
        if (members.Count == 0)
        {
            return Add(new NfaState(NfaStateKind.Fail));
        }

        var root = new TrieNode();
        Utf8Sequences.ForEach(members, sequence => root.Insert(sequence));
        return Build(root, next);
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
