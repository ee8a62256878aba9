namespace Scour.Matching.Syntax;

/// <summary>
/// In line mode ripgrep strips <c>\n</c> from every class but rejects a pattern that asks for a
/// literal <c>\n</c> (including a class of <c>\n</c> alone), since no line can contain one.
/// </summary>
internal static class LineTerminatorCheck
{
    public const string Message =
        "the literal '\"\\n\"' is not allowed in a regex\n\n" +
        "Consider enabling multiline mode with the --multiline flag (or -U for short).\n" +
        "When multiline mode is enabled, new line characters can be matched.";

    public static void ThrowIfMatchesNewline(RegexNode node)
    {
        if (MatchesLiteralNewline(node))
        {
            throw new PatternSyntaxException(Message);
        }
    }

    private static bool MatchesLiteralNewline(RegexNode node) => RegexNodeQuery.Any(node, n => n switch
    {
        LiteralNode lit => lit.CodePoint == '\n',
        ClassNode { Class: { Negated: false, Items: [RangeItem { First: '\n', Last: '\n' }] } } => true,
        _ => false,
    });
}
