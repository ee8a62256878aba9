namespace Scour.Matching.Syntax;

/// <summary>Questions asked of a whole syntax tree.</summary>
internal static class RegexNodeQuery
{
    /// <summary>True if <paramref name="predicate"/> holds for the node or any node below it.</summary>
    public static bool Any(RegexNode node, Func<RegexNode, bool> predicate) =>
        predicate(node) || node switch
        {
            GroupNode g => Any(g.Child, predicate),
            RepetitionNode r => Any(r.Child, predicate),
            ConcatNode c => c.Children.Any(child => Any(child, predicate)),
            AlternationNode a => a.Children.Any(child => Any(child, predicate)),
            _ => false,
        };

    /// <summary>
    /// True if the node matches the empty string wherever it is tried (no assertion or character is
    /// required): such a pattern matches every line.
    /// </summary>
    public static bool MatchesEmptyAnywhere(RegexNode node) => node switch
    {
        EmptyNode => true,
        GroupNode g => MatchesEmptyAnywhere(g.Child),
        RepetitionNode r => r.Min == 0 || MatchesEmptyAnywhere(r.Child),
        ConcatNode c => c.Children.All(MatchesEmptyAnywhere),
        AlternationNode a => a.Children.Any(MatchesEmptyAnywhere),
        _ => false,
    };

    /// <summary>True if the node can match without consuming a character (assertions consume none).</summary>
    public static bool CanMatchEmpty(RegexNode node) => node switch
    {
        EmptyNode or AssertionNode => true,
        GroupNode g => CanMatchEmpty(g.Child),
        RepetitionNode r => r.Min == 0 || CanMatchEmpty(r.Child),
        ConcatNode c => c.Children.All(CanMatchEmpty),
        AlternationNode a => a.Children.Any(CanMatchEmpty),
        _ => false,
    };
}
