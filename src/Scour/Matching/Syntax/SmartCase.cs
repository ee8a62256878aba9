using System.Text;

namespace Scour.Matching.Syntax;

/// <summary>
/// ripgrep's smart-case rule: search case-insensitively when the pattern has at least one literal
/// character and none of its literal characters is uppercase. Classes such as <c>\pL</c> or <c>\w</c>
/// are not literals; characters in a bracketed class are.
/// </summary>
internal static class SmartCase
{
    public static bool ShouldIgnoreCase(RegexNode node)
    {
        var anyLiteral = false;
        var anyUpper = false;
        Visit(node, ref anyLiteral, ref anyUpper);
        return anyLiteral && !anyUpper;
    }

    private static void Visit(RegexNode node, ref bool anyLiteral, ref bool anyUpper)
    {
        switch (node)
        {
            case LiteralNode lit:
                Literal(lit.CodePoint, ref anyLiteral, ref anyUpper);
                break;
            case ClassNode cls:
                VisitClass(cls.Class, ref anyLiteral, ref anyUpper);
                break;
            case ByteClassNode { Source: { } source }:
                VisitClass(source, ref anyLiteral, ref anyUpper);
                break;
            case GroupNode g:
                Visit(g.Child, ref anyLiteral, ref anyUpper);
                break;
            case RepetitionNode r:
                Visit(r.Child, ref anyLiteral, ref anyUpper);
                break;
            case ConcatNode c:
                foreach (var child in c.Children)
                {
                    Visit(child, ref anyLiteral, ref anyUpper);
                }

                break;
            case AlternationNode a:
                foreach (var child in a.Children)
                {
                    Visit(child, ref anyLiteral, ref anyUpper);
                }

                break;
        }
    }

    private static void VisitClass(CharClass cls, ref bool anyLiteral, ref bool anyUpper)
    {
        foreach (var item in cls.Items)
        {
            switch (item)
            {
                case RangeItem r:
                    Literal(r.First, ref anyLiteral, ref anyUpper);
                    Literal(r.Last, ref anyLiteral, ref anyUpper);
                    break;
                case NestedItem n:
                    VisitClass(n.Class, ref anyLiteral, ref anyUpper);
                    break;
            }
        }
    }

    private static void Literal(int codePoint, ref bool anyLiteral, ref bool anyUpper)
    {
        anyLiteral = true;
        if (Rune.IsValid(codePoint) && Rune.IsUpper(new Rune(codePoint)))
        {
            anyUpper = true;
        }
    }
}
