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
    /// <paramref name="shownAs"/>, e.g. <c>\n</c>; with <c>--crlf</c>, <c>\r</c> is one too).
    /// </summary>
    public static void ThrowIfMatchesNewline(RegexNode node, string shownAs = "\\n", int codePoint = '\n')
    {
        if (AsksFor(node, codePoint))
        {
            throw new PatternSyntaxException($"the literal \"{shownAs}\" is not allowed in a regex{MultilineHint}");
        }
    }

    /// <summary>Throws rg 15's error when the pattern needs a literal NUL.</summary>
    public static void ThrowIfMatchesNul(RegexNode node)
    {
        if (AsksFor(node, 0))
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
        AssertionNode { Kind: AssertionKind.StartLine or AssertionKind.EndLine or AssertionKind.StartText or AssertionKind.EndText or AssertionKind.StartLineCrlf or AssertionKind.EndLineCrlf } => codePoint == '\n',
        DotNode dot => dot.DotAll,
        ClassNode cls => ClassSet.Evaluate(cls.Class, cls.CaseInsensitive).Any(r => r.Lo <= codePoint && codePoint <= r.Hi),
        ByteClassNode b => b.Bytes.Any(r => r.Lo <= codePoint && codePoint <= r.Hi),
        _ => false,
    });

    private static bool AsksFor(RegexNode node, int codePoint) => RegexNodeQuery.Any(node, n => n switch
    {
        LiteralNode lit => lit.CodePoint == codePoint,
        ClassNode { Class: { Negated: false, Items: [RangeItem { First: var first, Last: var last }] } } => first == codePoint && last == codePoint,
        // rg looks at what a class matches, not how it is written: [\n\n], [\s&&\n] and \p{GCB=LF} are \n alone.
        ClassNode cls => ClassSet.Evaluate(cls.Class, cls.CaseInsensitive) is [var only] && only == (codePoint, codePoint),
        ByteClassNode { Bytes: [var only] } => only == (codePoint, codePoint),
        _ => false,
    });
}
