namespace Scour.Matching.Syntax;

/// <summary>
/// Bytes a pattern may not ask for, as rg rejects them: in line mode the line terminator (ripgrep
/// strips it from every class, but a literal <c>\n</c>, or <c>\0</c> with <c>--null-data</c>, or a class of
/// it alone, can never match a line), and NUL while binary detection is on. A class that merely
/// contains the byte among others is allowed.
/// </summary>
internal static class LineTerminatorCheck
{
    private const string MultilineHint =
        "\n\nConsider enabling multiline mode with the --multiline flag (or -U for short).\n" +
        "When multiline mode is enabled, new line characters can be matched.";

    /// <summary>
    /// Throws when the pattern needs a literal line terminator byte <paramref name="codePoint"/> (shown as
    /// <paramref name="shownAs"/>, e.g. <c>\n</c>; with <c>--crlf</c>, <c>\r</c> is one too). A folded
    /// class is judged without <paramref name="stripped"/> (<c>\r</c> under <c>--crlf</c>, which rg strips
    /// from classes first, so <c>\r|\n</c> is a class of <c>\n</c> alone).
    /// </summary>
    public static void ThrowIfMatchesNewline(RegexNode node, string shownAs = "\\n", int codePoint = '\n', int stripped = -1)
    {
        if (AsksFor(node, codePoint, stripped))
        {
            throw new PatternSyntaxException($"the literal \"{shownAs}\" is not allowed in a regex{MultilineHint}");
        }
    }

    /// <summary>Throws rg 15's error when the pattern needs a literal NUL.</summary>
    public static void ThrowIfMatchesNul(RegexNode node)
    {
        if (AsksFor(node, 0, -1))
        {
            throw new PatternSyntaxException(
                "pattern contains \"\\0\" but it is impossible to match\n\n" +
                "Consider enabling text mode with the --text flag (or -a for short). Otherwise,\n" +
                "binary detection is enabled and matching a NUL byte is impossible.");
        }
    }

    /// <summary>
    /// True when some match of the pattern may contain <paramref name="codePoint"/>. rg searches a
    /// <c>-U</c> pattern that can never match the line terminator line by line, exactly as without
    /// <c>-U</c> (binary detection, <c>-m</c> and statistics included), so Scour does too. Like rg,
    /// it counts the line and text anchors as matching it.
    /// </summary>
    public static bool CanMatch(RegexNode node, int codePoint) => RegexNodeQuery.Any(node, n => n switch
    {
        LiteralNode lit => lit.CodePoint == codePoint,
        AssertionNode { Kind: AssertionKind.StartLine or AssertionKind.EndLine or AssertionKind.StartText or AssertionKind.EndText or AssertionKind.StartLineCrlf or AssertionKind.EndLineCrlf or AssertionKind.StartLineNul or AssertionKind.EndLineNul } => codePoint == '\n',
        DotNode dot => dot.DotAll,
        ClassNode cls => ClassSet.Evaluate(cls.Class, cls.CaseInsensitive).Any(r => r.Lo <= codePoint && codePoint <= r.Hi),
        ByteClassNode b => b.Bytes.Any(r => r.Lo <= codePoint && codePoint <= r.Hi),
        _ => false,
    });

    /// <summary>
    /// The tree without the branches of an alternation folded into a class (see <c>AsksFor</c>) that
    /// are a line terminator byte (<c>\n</c>, and <c>\r</c> with <paramref name="crlf"/>): rg strips the
    /// terminator from that class, so in line mode <c>o|\n</c> is <c>o</c>, and <c>\r|\n</c> never matches.
    /// </summary>
    public static RegexNode WithoutTerminatorBranches(RegexNode node, bool crlf) => node switch
    {
        AlternationNode a when FoldedIntoClass(a) is not null =>
            a.Children.Where(c => !IsTerminator(c, crlf)).ToList() is { Count: > 0 } kept
                ? new AlternationNode(kept)
                : new ClassNode(new CharClass([new RangeItem(0, 0x10FFFF)], Negated: true), false),
        AlternationNode a => new AlternationNode([.. a.Children.Select(c => WithoutTerminatorBranches(c, crlf))]),
        ConcatNode c => new ConcatNode([.. c.Children.Select(child => WithoutTerminatorBranches(child, crlf))]),
        GroupNode g => g with { Child = WithoutTerminatorBranches(g.Child, crlf) },
        RepetitionNode r => r with { Child = WithoutTerminatorBranches(r.Child, crlf) },
        _ => node,
    };

    private static bool IsTerminator(RegexNode branch, bool crlf) =>
        SingleCharacter(Branch(branch)) is var c && (c == '\n' || (crlf && c == '\r'));

    // A branch of an alternation as rg's parser sees it: a non-capturing group is its content.
    private static RegexNode Branch(RegexNode node) => node is GroupNode { IsCapturing: false } g ? g.Child : node;

    // rg rejects a literal of the byte, as its parser leaves literals: a class of that one character is
    // a literal, and an alternation of single characters (`o|\n`, `-e o -e '\n'`) is folded into a
    // class, which is allowed unless it holds that character alone.
    private static bool AsksFor(RegexNode node, int codePoint, int stripped) => node switch
    {
        AlternationNode a when FoldedIntoClass(a) is { } set => set.Contains(codePoint) && set.Count(c => c != stripped) == 1,
        AlternationNode a => a.Children.Any(child => AsksFor(child, codePoint, stripped)),
        ConcatNode c => c.Children.Any(child => AsksFor(child, codePoint, stripped)),
        GroupNode g => AsksFor(g.Child, codePoint, stripped),
        RepetitionNode r => AsksFor(r.Child, codePoint, stripped),
        _ => SingleCharacter(node) == codePoint,
    };

    // The characters of an alternation whose every branch is one character (literal, or a class of one),
    // which rg's parser turns into a class; null for any other alternation.
    private static HashSet<int>? FoldedIntoClass(AlternationNode alternation)
    {
        var set = new HashSet<int>();
        foreach (var child in alternation.Children)
        {
            if (SingleCharacter(Branch(child)) is not { } c)
            {
                return null;
            }

            set.Add(c);
        }

        return set;
    }

    // The one character a node matches when rg's parser sees it as a literal, else null.
    private static int? SingleCharacter(RegexNode node) => node switch
    {
        LiteralNode lit when !lit.CaseInsensitive || !CaseFolding.HasVariants(lit.CodePoint) => lit.CodePoint,
        ClassNode { Class: { Negated: false, Items: [RangeItem { First: var first, Last: var last }] } } when first == last => first,
        // rg looks at what a class matches, not how it is written: [\n\n], [\s&&\n] and \p{GCB=LF} are \n alone.
        ClassNode cls => ClassSet.Evaluate(cls.Class, cls.CaseInsensitive) is [var only] && only.Lo == only.Hi ? only.Lo : null,
        ByteClassNode { Bytes: [var only] } when only.Lo == only.Hi => only.Lo,
        _ => null,
    };
}
