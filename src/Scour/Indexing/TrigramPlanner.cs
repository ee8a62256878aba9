using System.Text;
using Scour.Matching.Syntax;

namespace Scour.Indexing;

/// <summary>
/// Turns a parsed pattern into the trigram query every file with a match satisfies, after Russ Cox's
/// codesearch analysis: for each node, the exact set of strings it matches when that set is small,
/// else sets of possible prefixes and suffixes, plus a query; concatenation crosses the sets and
/// looks for trigrams spanning the boundary, alternation unions them, small classes expand into
/// their characters and case-insensitive letters into their case variants. Strings here are bytes
/// (one char per byte) of UTF-8. The result may only ever admit too many files, never too few.
/// </summary>
internal static class TrigramPlanner
{
    private const int MaxExact = 7;
    private const int MaxSet = 20;
    private const int MaxClass = 16;
    private const int MaxCopies = 3;

    private sealed class Info
    {
        public bool CanEmpty;
        public HashSet<string>? Exact;
        public HashSet<string> Prefix = [];
        public HashSet<string> Suffix = [];
        public TrigramQuery Match = TrigramQuery.All;

        public static Info EmptyString() => new() { CanEmpty = true, Exact = [""] };

        public static Info Any(bool canEmpty) => new() { CanEmpty = canEmpty, Prefix = [""], Suffix = [""] };
    }

    /// <summary>The query for <paramref name="tree"/>.</summary>
    public static TrigramQuery Plan(RegexNode tree)
    {
        var info = Analyze(tree);
        Simplify(info, force: true);
        AddExact(info);
        return TrigramQuery.And(info.Match, FoldedRuns(tree));
    }

    // The folded sparse grams of every run of literal characters a match cannot do without: the
    // pattern itself, a group, a repetition of at least one, and the items of such a concatenation.
    // A run takes only characters whose every case variant folds to one ASCII byte, so that any text
    // the run matches folds to the same bytes.
    private static TrigramQuery FoldedRuns(RegexNode node)
    {
        switch (node)
        {
            case GroupNode g:
                return FoldedRuns(g.Child);
            case RepetitionNode { Min: >= 1 } r:
                return FoldedRuns(r.Child);
            case ConcatNode c:
                var query = TrigramQuery.All;
                var run = new List<byte>();
                foreach (var child in c.Children)
                {
                    if (child is LiteralNode lit && FoldedByte(lit) is { } b)
                    {
                        run.Add(b);
                        continue;
                    }

                    query = TrigramQuery.And(query, RunQuery(run));
                    run.Clear();
                    query = TrigramQuery.And(query, FoldedRuns(child));
                }

                return TrigramQuery.And(query, RunQuery(run));
            default:
                return TrigramQuery.All;
        }
    }

    private static byte? FoldedByte(LiteralNode lit)
    {
        int? folded = null;
        foreach (var variant in Variants(lit.CodePoint, lit.CaseInsensitive))
        {
            var b = variant switch
            {
                "\u00c5\u00bf" => 's', // ſ
                "\u00e2\u0084\u00aa" => 'k', // the Kelvin sign
                { Length: 1 } => FoldedGrams.Fold(variant[0]),
                _ => -1,
            };
            if (b < 0 || (folded is { } f && f != b))
            {
                return null;
            }

            folded = b;
        }

        return folded is { } one ? (byte)one : null;
    }

    private static TrigramQuery RunQuery(List<byte> run)
    {
        var query = TrigramQuery.All;
        foreach (var key in FoldedGrams.Of(System.Runtime.InteropServices.CollectionsMarshal.AsSpan(run)).Order())
        {
            query = TrigramQuery.And(query, new GramQuery(key));
        }

        return query;
    }

    private static Info Analyze(RegexNode node)
    {
        switch (node)
        {
            case EmptyNode or AssertionNode:
                return Info.EmptyString();
            case LiteralNode lit:
                return new Info { Exact = [.. Variants(lit.CodePoint, lit.CaseInsensitive)] };
            case DotNode:
                return Info.Any(canEmpty: false);
            case ClassNode cls:
                return ClassInfo(cls);
            case ByteClassNode { HasHighBytes: true }:
                return Info.Any(canEmpty: false);
            case ByteClassNode b:
                return ClassInfo(new ClassNode(new CharClass([.. b.Bytes.Select(r => (ClassItem)new RangeItem(r.Lo, r.Hi))], Negated: false), CaseInsensitive: false));
            case GroupNode g:
                return Analyze(g.Child);
            case ConcatNode c:
                var result = Info.EmptyString();
                foreach (var child in c.Children)
                {
                    result = Concat(result, Analyze(child));
                }

                return result;
            case AlternationNode a:
                Info? alt = null;
                foreach (var child in a.Children)
                {
                    alt = alt is null ? Analyze(child) : Alternate(alt, Analyze(child));
                }

                return alt ?? Info.EmptyString();
            case RepetitionNode r:
                return Repeat(r);
            default:
                return Info.Any(canEmpty: true);
        }
    }

    private static Info Repeat(RepetitionNode r)
    {
        if (r.Max == 0)
        {
            return Info.EmptyString();
        }

        if (r.Min == 0)
        {
            return r.Max == 1 ? Alternate(Analyze(r.Child), Info.EmptyString()) : Info.Any(canEmpty: true);
        }

        // x{n,m}: n copies of x (at most a few: the rest only lengthens the strings), then anything if
        // more may follow.
        var copies = Math.Min(r.Min, MaxCopies);
        var result = Analyze(r.Child);
        for (var i = 1; i < copies; i++)
        {
            result = Concat(result, Analyze(r.Child));
        }

        return r.Max == copies ? result : Concat(result, Info.Any(canEmpty: true));
    }

    private static Info ClassInfo(ClassNode cls)
    {
        if (cls.Class.Negated)
        {
            return Info.Any(canEmpty: false);
        }

        var strings = new HashSet<string>(StringComparer.Ordinal);
        foreach (var item in cls.Class.Items)
        {
            if (item is not RangeItem range || range.Last - range.First >= MaxClass)
            {
                return Info.Any(canEmpty: false);
            }

            for (var cp = range.First; cp <= range.Last; cp++)
            {
                strings.UnionWith(Variants(cp, cls.CaseInsensitive));
                if (strings.Count > MaxClass)
                {
                    return Info.Any(canEmpty: false);
                }
            }
        }

        return strings.Count == 0 ? new Info { Match = TrigramQuery.None, Exact = [] } : new Info { Exact = strings };
    }

    // The byte strings one character may be: itself, and its case variants when case is ignored.
    private static IEnumerable<string> Variants(int codePoint, bool caseInsensitive)
    {
        if (caseInsensitive && CaseFolding.HasVariants(codePoint))
        {
            var all = CaseFolding.Equivalents(codePoint);
            foreach (var cp in all.Contains(codePoint) ? all : [codePoint, .. all])
            {
                yield return Bytes(cp);
            }
        }
        else
        {
            yield return Bytes(codePoint);
        }
    }

    private static string Bytes(int codePoint)
    {
        Span<byte> utf8 = stackalloc byte[4];
        var n = new Rune(codePoint).EncodeToUtf8(utf8);
        var chars = new char[n];
        for (var i = 0; i < n; i++)
        {
            chars[i] = (char)utf8[i];
        }

        return new string(chars);
    }

    private static Info Concat(Info x, Info y)
    {
        var xy = new Info { Match = TrigramQuery.And(x.Match, y.Match), CanEmpty = x.CanEmpty && y.CanEmpty };
        if (x.Exact is not null && y.Exact is not null)
        {
            xy.Exact = Cross(x.Exact, y.Exact);
        }
        else
        {
            if (x.Exact is not null)
            {
                xy.Prefix = Cross(x.Exact, y.Prefix);
            }
            else
            {
                xy.Prefix = x.CanEmpty ? [.. x.Prefix, .. y.Prefix] : [.. x.Prefix];
            }

            if (y.Exact is not null)
            {
                xy.Suffix = Cross(x.Suffix, y.Exact);
            }
            else
            {
                xy.Suffix = y.CanEmpty ? [.. y.Suffix, .. x.Suffix] : [.. y.Suffix];
            }
        }

        // A trigram spanning the boundary is required too, and is in neither side's query.
        if (x.Exact is null && y.Exact is null && x.Suffix.Count <= MaxSet && y.Prefix.Count <= MaxSet &&
            MinLength(x.Suffix) + MinLength(y.Prefix) >= 3)
        {
            xy.Match = TrigramQuery.And(xy.Match, AnyOf(Cross(x.Suffix, y.Prefix)));
        }

        Simplify(xy, force: false);
        return xy;
    }

    private static Info Alternate(Info x, Info y)
    {
        var xy = new Info { CanEmpty = x.CanEmpty || y.CanEmpty };
        if (x.Exact is not null && y.Exact is not null)
        {
            xy.Exact = [.. x.Exact, .. y.Exact];
        }
        else if (x.Exact is not null)
        {
            xy.Prefix = [.. x.Exact, .. y.Prefix];
            xy.Suffix = [.. x.Exact, .. y.Suffix];
            AddExact(x);
        }
        else if (y.Exact is not null)
        {
            xy.Prefix = [.. x.Prefix, .. y.Exact];
            xy.Suffix = [.. x.Suffix, .. y.Exact];
            AddExact(y);
        }
        else
        {
            xy.Prefix = [.. x.Prefix, .. y.Prefix];
            xy.Suffix = [.. x.Suffix, .. y.Suffix];
        }

        xy.Match = TrigramQuery.Or(x.Match, y.Match);
        Simplify(xy, force: false);
        return xy;
    }

    // Keeps the sets small: a large or long exact set becomes a requirement plus short prefixes and
    // suffixes; prefix and suffix sets give their trigrams to the query and are cut to two bytes.
    private static void Simplify(Info info, bool force)
    {
        if (info.Exact is { } exact && (exact.Count > MaxExact || (MinLength(exact) >= 3 && force) || MinLength(exact) >= 4))
        {
            AddExact(info);
            foreach (var s in exact)
            {
                info.Prefix.Add(s.Length <= 2 ? s : s[..2]);
                info.Suffix.Add(s.Length <= 2 ? s : s[^2..]);
            }

            info.Exact = null;
        }

        if (info.Exact is null)
        {
            info.Prefix = Shrink(info, info.Prefix, suffix: false);
            info.Suffix = Shrink(info, info.Suffix, suffix: true);
        }
    }

    private static HashSet<string> Shrink(Info info, HashSet<string> set, bool suffix)
    {
        info.Match = TrigramQuery.And(info.Match, AnyOf(set));
        for (var n = 3; n == 3 || set.Count > MaxSet; n--)
        {
            var cut = new HashSet<string>(StringComparer.Ordinal);
            foreach (var s in set)
            {
                cut.Add(s.Length < n ? s : suffix ? s[^(n - 1)..] : s[..(n - 1)]);
            }

            set = cut;
            if (n == 1)
            {
                break;
            }
        }

        return set;
    }

    private static void AddExact(Info info)
    {
        if (info.Exact is { } exact)
        {
            info.Match = TrigramQuery.And(info.Match, AnyOf(exact));
        }
    }

    // Files holding one of the strings: an OR over the strings of the AND of each one's trigrams; no
    // constraint at all if one of them is too short to have a trigram.
    private static TrigramQuery AnyOf(HashSet<string> strings)
    {
        if (strings.Count == 0)
        {
            return TrigramQuery.None;
        }

        if (MinLength(strings) < 3)
        {
            return TrigramQuery.All;
        }

        var or = TrigramQuery.None;
        foreach (var s in strings.Order(StringComparer.Ordinal))
        {
            var and = TrigramQuery.All;
            for (var i = 0; i + 3 <= s.Length; i++)
            {
                and = TrigramQuery.And(and, new GramQuery(TrigramQuery.KeyOf((byte)s[i], (byte)s[i + 1], (byte)s[i + 2])));
            }

            or = TrigramQuery.Or(or, and);
        }

        return or;
    }

    private static HashSet<string> Cross(HashSet<string> left, HashSet<string> right)
    {
        var result = new HashSet<string>(StringComparer.Ordinal);
        foreach (var l in left)
        {
            foreach (var r in right)
            {
                result.Add(l + r);
            }
        }

        return result;
    }

    private static int MinLength(HashSet<string> set) => set.Count == 0 ? 0 : set.Min(s => s.Length);
}
