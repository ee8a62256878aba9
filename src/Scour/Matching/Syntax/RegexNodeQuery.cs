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
}
