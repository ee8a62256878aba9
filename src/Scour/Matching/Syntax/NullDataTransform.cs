namespace Scour.Matching.Syntax;

/// <summary>
/// <c>--null-data</c>: records end with NUL instead of <c>\n</c>. The searcher is line-oriented on
/// <c>\n</c>, so the input is read with the two bytes exchanged (see <c>ByteSwapSource</c>) and the
/// pattern is rewritten to match the exchanged text: literal and class members 0x00 and 0x0A swap
/// places, and <c>.</c> excludes both (a record's terminator, and <c>\n</c>, which Rust's <c>.</c> never
/// matches). Output is exchanged back before it is written. Searching records one at a time, <c>^</c> and
/// <c>$</c> also hold at a <c>\n</c> inside a record, as rg's do (its anchors are <c>\n</c>'s whatever the
/// terminator): they become <see cref="AssertionKind.StartLineNul"/> and <see cref="AssertionKind.EndLineNul"/>.
/// </summary>
internal static class NullDataTransform
{
    private static readonly ClassNode Dot = new(new CharClass([new RangeItem(1, 9), new RangeItem(11, 0x10FFFF)], false), false);

    /// <param name="node">The pattern.</param>
    /// <param name="byRecord">True when records are searched one at a time (not <c>-U</c>).</param>
    public static RegexNode Apply(RegexNode node, bool byRecord) => node switch
    {
        AssertionNode { Kind: AssertionKind.StartLine } a when byRecord => a with { Kind = AssertionKind.StartLineNul },
        AssertionNode { Kind: AssertionKind.EndLine } a when byRecord => a with { Kind = AssertionKind.EndLineNul },
        LiteralNode { CodePoint: 0 } l => l with { CodePoint = '\n' },
        LiteralNode { CodePoint: '\n' } l => l with { CodePoint = 0 },
        DotNode { DotAll: false } => Dot,
        DotNode => new ClassNode(new CharClass([new RangeItem(0, 0x10FFFF)], false), false),
        ClassNode c => new ClassNode(Swapped(c), false),
        ByteClassNode b => b with { Bytes = ClassSet.Swap([.. b.Bytes], 0, '\n') },
        GroupNode g => g with { Child = Apply(g.Child, byRecord) },
        RepetitionNode r => r with { Child = Apply(r.Child, byRecord) },
        ConcatNode c => new ConcatNode([.. c.Children.Select(n => Apply(n, byRecord))]),
        AlternationNode a => new AlternationNode([.. a.Children.Select(n => Apply(n, byRecord))]),
        _ => node,
    };

    // A class as its exact members (case folding included), with NUL and \n exchanged.
    private static CharClass Swapped(ClassNode c) =>
        new([.. ClassSet.Swap(ClassSet.Evaluate(c.Class, c.CaseInsensitive), 0, '\n').Select(r => (ClassItem)new RangeItem(r.Lo, r.Hi))], false);
}
