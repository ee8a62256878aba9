using System.Text;
using Scour.Matching.Syntax;

namespace Scour.Matching.Literals;

/// <summary>Strings of which at least one occurs in every match of a pattern.</summary>
/// <param name="Strings">The alternatives (non-empty strings).</param>
/// <param name="CaseInsensitive">True if they must be found ignoring case.</param>
internal sealed record RequiredLiterals(IReadOnlyList<string> Strings, bool CaseInsensitive)
{
    /// <summary>The length in UTF-8 bytes of the shortest alternative: how selective a search for them is.</summary>
    public int MinByteLength => Strings.Min(s => Encoding.UTF8.GetByteCount(s));
}

/// <summary>
/// Finds literals in a pattern's syntax tree: the whole pattern as one exact string when it is one,
/// and otherwise a set of strings one of which every match must contain, anywhere in the pattern
/// (not only as a prefix), for a byte-level prefilter.
/// </summary>
internal static class LiteralAnalysis
{
    private const int MaxSetSize = 64;
    private const int MaxStringLength = 256;

    private sealed record Info(List<string>? Exact, RequiredLiterals? Required, bool CaseInsensitive);

    /// <summary>The single string the pattern matches exactly and case-sensitively, or null.</summary>
    public static string? ExactLiteral(RegexNode node)
    {
        var sb = new StringBuilder();
        return AppendPureLiteral(node, sb) && sb.Length > 0 ? sb.ToString() : null;
    }

    /// <summary>
    /// The string every match ends with (zero-width assertions after it aside), found case-sensitively,
    /// when something other than plain characters comes before it (<c>[a-z]+ing</c>: <c>ing</c>); else
    /// null. A match then ends where an occurrence of it ends, which the reverse automaton can confirm.
    /// </summary>
    public static string? Suffix(RegexNode node)
    {
        var (atoms, start, end) = SuffixAtoms(node);
        if (start == end || start == 0)
        {
            return null;
        }

        var sb = new StringBuilder();
        for (var i = start; i < end; i++)
        {
            sb.Append(char.ConvertFromUtf32(((LiteralNode)atoms[i]).CodePoint));
        }

        return sb.ToString();
    }

    /// <summary>
    /// True when every match is one character class repeated without an upper bound, then the
    /// <see cref="Suffix"/>, then only zero-width assertions (<c>\w+ing\b</c>, <c>[a-z]{3,}ed</c>). Then
    /// the leftmost match ends at the first occurrence of the suffix where any match ends: a match that
    /// started earlier and ended later would have the occurrence inside its run of the class, so the
    /// same start with that occurrence would match too (the assertions after it hold there, since a
    /// match ends there). Spans can then be found from the suffix, as rg's reverse-suffix strategy
    /// finds them, without scanning the text before it. rg uses that strategy more widely, and there
    /// it is not exact (rg 15.2 prints <c>cing</c> and <c>ding</c> for <c>-o '.ing|...ingding'</c> on
    /// <c>abcingding</c>, whose leftmost-first match is the whole word). Nothing may come before the run:
    /// an assertion there could fail at every start of a long run, and searching back over it from each
    /// occurrence of the suffix would take quadratic time. For the same reason the run's minimum is
    /// small: an occurrence after a shorter run is given up after at most that many bytes back.
    /// </summary>
    public static bool IsRepeatedClassThenSuffix(RegexNode node)
    {
        var (atoms, start, end) = SuffixAtoms(node);
        return start == 1 && start < end && atoms[0] is RepetitionNode { Max: null, Min: <= MaxRunMinimum } run && IsOneCharacter(run.Child);
    }

    private const int MaxRunMinimum = 16;

    // The pattern's atoms, and where the case-sensitive characters before its trailing assertions are.
    private static (List<RegexNode> Atoms, int Start, int End) SuffixAtoms(RegexNode node)
    {
        var atoms = new List<RegexNode>();
        Flatten(node, atoms);
        var end = atoms.Count;
        while (end > 0 && atoms[end - 1] is AssertionNode)
        {
            end--;
        }

        var start = end;
        while (start > 0 && atoms[start - 1] is LiteralNode { CaseInsensitive: false })
        {
            start--;
        }

        return (atoms, start, end);
    }

    private static bool IsOneCharacter(RegexNode node) => node switch
    {
        GroupNode group => IsOneCharacter(group.Child),
        ClassNode or ByteClassNode or DotNode or LiteralNode => true,
        _ => false,
    };

    // A concatenation's parts, groups opened (captures do not change where a match ends).
    private static void Flatten(RegexNode node, List<RegexNode> atoms)
    {
        switch (node)
        {
            case GroupNode group:
                Flatten(group.Child, atoms);
                break;
            case ConcatNode concat:
                foreach (var child in concat.Children)
                {
                    Flatten(child, atoms);
                }

                break;
            default:
                atoms.Add(node);
                break;
        }
    }

    /// <summary>
    /// The strings of a pattern that is an alternation of plain strings (<c>foo|bar|baz</c>), in the
    /// pattern's order, or null. Every string is non-empty.
    /// </summary>
    public static IReadOnlyList<string>? ExactLiteralSet(RegexNode node)
    {
        while (node is GroupNode { IsCapturing: false } group)
        {
            node = group.Child;
        }

        if (node is not AlternationNode alternation)
        {
            return null;
        }

        var strings = new List<string>(alternation.Children.Count);
        foreach (var child in alternation.Children)
        {
            if (ExactLiteral(child) is not { } literal)
            {
                return null;
            }

            strings.Add(literal);
        }

        return strings;
    }

    // Only literals, concatenations and groups: anything else (an assertion, a class) constrains
    // or widens the match beyond the string itself.
    private static bool AppendPureLiteral(RegexNode node, StringBuilder sb)
    {
        switch (node)
        {
            case LiteralNode lit when !(lit.CaseInsensitive && CaseFolding.HasVariants(lit.CodePoint)):
                sb.Append(char.ConvertFromUtf32(lit.CodePoint));
                return true;
            case GroupNode { IsCapturing: false } g:
                return AppendPureLiteral(g.Child, sb); // a capturing group must stay visible to replacements
            case ConcatNode c:
                foreach (var child in c.Children)
                {
                    if (!AppendPureLiteral(child, sb))
                    {
                        return false;
                    }
                }

                return true;
            default:
                return false;
        }
    }

    /// <summary>The best set of required literals, or null if the pattern has none.</summary>
    public static RequiredLiterals? Required(RegexNode node)
    {
        var info = Analyze(node);
        var fromExact = FromExact(info);
        return Better(fromExact, info.Required);
    }

    private static RequiredLiterals? FromExact(Info info)
    {
        if (info.Exact is null || info.Exact.Count == 0 || info.Exact.Any(s => s.Length == 0))
        {
            return null;
        }

        return new RequiredLiterals(info.Exact.Distinct(StringComparer.Ordinal).ToList(), info.CaseInsensitive);
    }

    private static RequiredLiterals? Better(RequiredLiterals? a, RequiredLiterals? b)
    {
        if (a is null)
        {
            return b;
        }

        if (b is null)
        {
            return a;
        }

        // Prefer the longer shortest string; among equals, fewer alternatives and case-sensitive.
        var byLength = a.MinByteLength.CompareTo(b.MinByteLength);
        if (byLength != 0)
        {
            return byLength > 0 ? a : b;
        }

        if (a.Strings.Count != b.Strings.Count)
        {
            return a.Strings.Count < b.Strings.Count ? a : b;
        }

        return !a.CaseInsensitive ? a : b;
    }

    private static Info Analyze(RegexNode node)
    {
        switch (node)
        {
            case LiteralNode lit:
                var s = char.ConvertFromUtf32(lit.CodePoint);
                var ci = lit.CaseInsensitive && CaseFolding.HasVariants(lit.CodePoint);
                return new Info([s], null, ci);

            case ClassNode cls when SmallClass(cls) is { } chars:
                return new Info(chars, null, false);

            case ByteClassNode { HasHighBytes: false } b when SmallSet(b.Bytes) is { } chars:
                return new Info(chars, null, false);

            case EmptyNode:
            case AssertionNode:
                return new Info([string.Empty], null, false);

            case GroupNode g:
                return Analyze(g.Child);

            case RepetitionNode r:
                return AnalyzeRepetition(r);

            case ConcatNode c:
                return AnalyzeConcat(c);

            case AlternationNode alt:
                return AnalyzeAlternation(alt);

            default:
                return new Info(null, null, false);
        }
    }

    private static List<string>? SmallClass(ClassNode cls)
    {
        if (cls.Class.Negated || cls.CaseInsensitive)
        {
            return null;
        }

        var ranges = new List<(int Lo, int Hi)>();
        foreach (var item in cls.Class.Items)
        {
            if (item is not RangeItem r)
            {
                return null;
            }

            ranges.Add((r.First, r.Last));
        }

        return SmallSet(ranges);
    }

    // The members of a class of at most 8 characters (the line terminator aside), as strings.
    private static List<string>? SmallSet(IReadOnlyList<(int Lo, int Hi)> ranges)
    {
        var result = new List<string>();
        foreach (var (lo, hi) in ranges)
        {
            if (hi - lo > 8)
            {
                return null;
            }

            for (var cp = lo; cp <= hi; cp++)
            {
                if (cp != '\n')
                {
                    result.Add(char.ConvertFromUtf32(cp));
                }
            }
        }

        return result.Count is > 0 and <= 8 ? result : null;
    }

    private static Info AnalyzeRepetition(RepetitionNode r)
    {
        var child = Analyze(r.Child);
        if (r.Min == 0)
        {
            return new Info(null, null, false);
        }

        if (r.Min == 1 && r.Max == 1)
        {
            return child;
        }

        var required = Better(FromExact(child), child.Required);
        if (r.Max == r.Min && child.Exact is { } exact && r.Min <= 16)
        {
            var repeated = new List<string> { string.Empty };
            for (var i = 0; i < r.Min && repeated is not null; i++)
            {
                repeated = Cross(repeated, exact);
            }

            if (repeated is not null)
            {
                return new Info(repeated, required, child.CaseInsensitive);
            }
        }

        return new Info(null, required, child.CaseInsensitive);
    }

    private static Info AnalyzeConcat(ConcatNode c)
    {
        RequiredLiterals? best = null;
        List<string>? run = [string.Empty];
        var runCi = false;
        var broken = false;

        foreach (var child in c.Children)
        {
            var info = Analyze(child);
            best = Better(best, info.Required);
            if (info.Exact is not null && run is not null)
            {
                var crossed = Cross(run, info.Exact);
                if (crossed is not null)
                {
                    run = crossed;
                    runCi |= info.CaseInsensitive;
                    continue;
                }
            }

            // The run of exact strings ends here: it is a candidate requirement.
            best = Better(best, FromExact(new Info(run, null, runCi)));
            broken = true;
            if (info.Exact is not null)
            {
                run = info.Exact;
                runCi = info.CaseInsensitive;
            }
            else
            {
                run = [string.Empty];
                runCi = false;
            }
        }

        best = Better(best, FromExact(new Info(run, null, runCi)));
        return broken ? new Info(null, best, runCi) : new Info(run, best, runCi);
    }

    private static Info AnalyzeAlternation(AlternationNode alt)
    {
        var exact = new List<string>();
        var required = new List<string>();
        var exactOk = true;
        var requiredOk = true;
        var ci = false;
        foreach (var child in alt.Children)
        {
            var info = Analyze(child);
            ci |= info.CaseInsensitive;
            if (exactOk && info.Exact is not null && exact.Count + info.Exact.Count <= MaxSetSize)
            {
                exact.AddRange(info.Exact);
            }
            else
            {
                exactOk = false;
            }

            var childRequired = Better(FromExact(info), info.Required);
            if (requiredOk && childRequired is not null && required.Count + childRequired.Strings.Count <= MaxSetSize)
            {
                required.AddRange(childRequired.Strings);
                ci |= childRequired.CaseInsensitive;
            }
            else
            {
                requiredOk = false;
            }
        }

        var req = requiredOk ? new RequiredLiterals(required.Distinct(StringComparer.Ordinal).ToList(), ci) : null;
        return new Info(exactOk ? exact : null, req, ci);
    }

    private static List<string>? Cross(List<string> left, List<string> right)
    {
        if (left.Count * right.Count > MaxSetSize)
        {
            return null;
        }

        var result = new List<string>(left.Count * right.Count);
        foreach (var l in left)
        {
            foreach (var r in right)
            {
                if (l.Length + r.Length > MaxStringLength)
                {
                    return null;
                }

                result.Add(l + r);
            }
        }

        return result;
    }
}
