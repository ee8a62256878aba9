using System.Globalization;

namespace Scour.Matching.Syntax;

/// <summary>
/// A character class evaluated to its exact set of code points, for what .NET's class syntax cannot
/// say: set operations (<c>&amp;&amp;</c>, <c>--</c>, <c>~~</c>), negated classes nested in a class, and
/// negated properties inside a class. Sets are sorted, disjoint, inclusive ranges, never containing
/// surrogate code points. General categories come from .NET's Unicode data (as in the rest of the
/// translation); scripts and binary properties from the UCD tables.
/// </summary>
internal static class ClassSet
{
    private const int MaxCodePoint = 0x10FFFF;

    private static readonly Lazy<List<(int Lo, int Hi)>[]> Categories = new(BuildCategories);

    /// <summary>True when <paramref name="cls"/> needs <see cref="Evaluate(CharClass, bool)"/> rather than .NET class syntax.</summary>
    public static bool NeedsEvaluation(CharClass cls) => cls.Items.Any(item => item switch
    {
        SetOperationItem => true,
        NestedItem { Class.Negated: true } => true,
        NestedItem n => NeedsEvaluation(n.Class),
        UnicodeItem { Negated: true, Property: { Ranges: null, Negated: null } } => true,
        _ => false,
    });

    /// <summary>The set with the code points <paramref name="a"/> and <paramref name="b"/> exchanged.</summary>
    public static List<(int Lo, int Hi)> Swap(List<(int Lo, int Hi)> set, int a, int b)
    {
        bool Has(int cp) => set.Any(r => r.Lo <= cp && cp <= r.Hi);
        var (hasA, hasB) = (Has(a), Has(b));
        var result = Difference(set, [(a, a), (b, b)]);
        if (hasA)
        {
            result.Add((b, b));
        }

        if (hasB)
        {
            result.Add((a, a));
        }

        return Normalize(result);
    }

    /// <summary>The code points <paramref name="cls"/> matches (each operand case-folded first under <c>(?i)</c>).</summary>
    public static List<(int Lo, int Hi)> Evaluate(CharClass cls, bool caseInsensitive) => Evaluate(cls, caseInsensitive, MaxCodePoint);

    /// <summary>
    /// The bytes <paramref name="cls"/> matches outside Unicode mode: negations complement within
    /// 0x00-0xFF and case folding is ASCII's (Rust's regex without the <c>u</c> flag). The parser lets
    /// no member above 0x7F in but the bytes of <c>\xHH</c> escapes.
    /// </summary>
    public static List<(int Lo, int Hi)> EvaluateBytes(CharClass cls, bool caseInsensitive) => Evaluate(cls, caseInsensitive, MaxByte);

    /// <summary>The bytes of <paramref name="set"/> with the ASCII letters' other case added.</summary>
    public static List<(int Lo, int Hi)> FoldAscii(List<(int Lo, int Hi)> set)
    {
        var extra = new List<(int Lo, int Hi)>(set);
        foreach (var (lo, hi) in set)
        {
            for (var b = Math.Max(lo, 'A'); b <= Math.Min(hi, 'z'); b++)
            {
                if (char.IsAsciiLetter((char)b))
                {
                    extra.Add((b ^ 0x20, b ^ 0x20));
                }
            }
        }

        return Normalize(extra);
    }

    private const int MaxByte = 0xFF;

    // `max` is the last member of the universe a negation complements within: a code point, or a byte.
    private static List<(int Lo, int Hi)> Evaluate(CharClass cls, bool caseInsensitive, int max)
    {
        var set = new List<(int Lo, int Hi)>();
        foreach (var item in cls.Items)
        {
            set = Union(set, Item(item, caseInsensitive, max));
        }

        return cls.Negated ? Complement(set, max) : set;
    }

    private static List<(int Lo, int Hi)> Item(ClassItem item, bool caseInsensitive, int max)
    {
        var set = item switch
        {
            RangeItem r => [(r.First, r.Last)],
            PerlItem p => Negate(Perl(p), p.Negated, max),
            UnicodeItem u => Unicode(u),
            AsciiItem a => Negate(Ascii(a.Name), a.Negated, max),
            NestedItem n => Evaluate(n.Class, caseInsensitive, max),
            SetOperationItem op => Operate(Evaluate(op.Left, caseInsensitive, max), op.Operation, Evaluate(op.Right, caseInsensitive, max)),
            _ => throw new InvalidOperationException(item.GetType().Name),
        };
        return !caseInsensitive || item is NestedItem or SetOperationItem ? Normalize(set)
            : max == MaxByte ? FoldAscii(set)
            : Fold(set);
    }

    private static List<(int Lo, int Hi)> Operate(List<(int Lo, int Hi)> left, SetOperation operation, List<(int Lo, int Hi)> right) => operation switch
    {
        SetOperation.Intersection => Intersect(left, right),
        SetOperation.Difference => Difference(left, right),
        _ => Union(Difference(left, right), Difference(right, left)),
    };

    /// <summary>Unicode <c>\w</c>, as UTS #18 defines it and Rust's regex uses it (shared: never modify it).</summary>
    internal static readonly Lazy<List<(int Lo, int Hi)>> UnicodeWord = new(() =>
        Union(Union(Property("Alphabetic"), Category("M")), Union(Union(Category("Nd"), Category("Pc")), [(0x200C, 0x200D)])));

    private static List<(int Lo, int Hi)> Perl(PerlItem p)
    {
        return (p.Kind, p.Unicode) switch
        {
            (PerlClassKind.Digit, true) => Category("Nd"),
            (PerlClassKind.Space, true) => Property("White_Space"),
            (PerlClassKind.Word, true) => [.. UnicodeWord.Value],
            (PerlClassKind.Digit, false) => Ascii("digit"),
            (PerlClassKind.Space, false) => Ascii("space"),
            _ => Ascii("word"),
        };
    }

    private static List<(int Lo, int Hi)> Unicode(UnicodeItem u)
    {
        var set = u.Property switch
        {
            { Ranges: { } ranges } => Pairs(ranges),
            { Canonical: "Any" } => [(0, MaxCodePoint)],
            { Canonical: "ASCII" } => [(0, 0x7F)],
            { Canonical: "Assigned" } => Complement(Category("Cn")),
            { Canonical: "LC" } => Union(Union(Category("Lu"), Category("Ll")), Category("Lt")),
            { Canonical: var code } => Category(code),
        };
        return Negate(Normalize(set), u.Negated);
    }

    private static List<(int Lo, int Hi)> Property(string name) =>
        UnicodeProperty.TryResolve(name, out var property) && property.Ranges is { } ranges
            ? Normalize(Pairs(ranges))
            : throw new InvalidOperationException($"no table for {name}");

    private static List<(int Lo, int Hi)> Ascii(string name) => [.. AsciiRanges(name)];

    /// <summary>The ranges of a POSIX class such as <c>alpha</c> (also <c>\d \w \s</c> under <c>(?-u)</c>).</summary>
    private static (int, int)[] AsciiRanges(string name) => name switch
    {
        "alnum" => [('0', '9'), ('A', 'Z'), ('a', 'z')],
        "alpha" => [('A', 'Z'), ('a', 'z')],
        "ascii" => [(0, 0x7F)],
        "blank" => [('\t', '\t'), (' ', ' ')],
        "cntrl" => [(0, 0x1F), (0x7F, 0x7F)],
        "digit" => [('0', '9')],
        "graph" => [('!', '~')],
        "lower" => [('a', 'z')],
        "print" => [(' ', '~')],
        "punct" => [('!', '/'), (':', '@'), ('[', '`'), ('{', '~')],
        "space" => [('\t', '\r'), (' ', ' ')],
        "upper" => [('A', 'Z')],
        "word" => [('0', '9'), ('A', 'Z'), ('_', '_'), ('a', 'z')],
        "xdigit" => [('0', '9'), ('A', 'F'), ('a', 'f')],
        _ => throw new ArgumentOutOfRangeException(nameof(name)),
    };

    // A general category by its one- or two-letter code: a major class (L) is the union of its members.
    private static List<(int Lo, int Hi)> Category(string code)
    {
        var set = new List<(int Lo, int Hi)>();
        var categories = Categories.Value;
        for (var c = 0; c < categories.Length; c++)
        {
            var name = CodeOf((UnicodeCategory)c);
            if (name == code || (code.Length == 1 && name[0] == code[0]))
            {
                set = Union(set, categories[c]);
            }
        }

        return set;
    }

    private static List<(int Lo, int Hi)>[] BuildCategories()
    {
        var categories = new List<(int Lo, int Hi)>[30];
        for (var i = 0; i < categories.Length; i++)
        {
            categories[i] = [];
        }

        // From the generated runs (UnicodeCategories.g.cs): asking .NET for each code point's category
        // took milliseconds at the start of every search with a class.
        var starts = UnicodeCategories.RunStarts;
        var kinds = UnicodeCategories.RunCategories;
        for (var r = 0; r < starts.Length; r++)
        {
            categories[kinds[r]].Add((starts[r], r + 1 < starts.Length ? starts[r + 1] - 1 : MaxCodePoint));
        }

        return categories;
    }

    private static string CodeOf(UnicodeCategory category) => category switch
    {
        UnicodeCategory.UppercaseLetter => "Lu",
        UnicodeCategory.LowercaseLetter => "Ll",
        UnicodeCategory.TitlecaseLetter => "Lt",
        UnicodeCategory.ModifierLetter => "Lm",
        UnicodeCategory.OtherLetter => "Lo",
        UnicodeCategory.NonSpacingMark => "Mn",
        UnicodeCategory.SpacingCombiningMark => "Mc",
        UnicodeCategory.EnclosingMark => "Me",
        UnicodeCategory.DecimalDigitNumber => "Nd",
        UnicodeCategory.LetterNumber => "Nl",
        UnicodeCategory.OtherNumber => "No",
        UnicodeCategory.SpaceSeparator => "Zs",
        UnicodeCategory.LineSeparator => "Zl",
        UnicodeCategory.ParagraphSeparator => "Zp",
        UnicodeCategory.Control => "Cc",
        UnicodeCategory.Format => "Cf",
        UnicodeCategory.Surrogate => "Cs",
        UnicodeCategory.PrivateUse => "Co",
        UnicodeCategory.ConnectorPunctuation => "Pc",
        UnicodeCategory.DashPunctuation => "Pd",
        UnicodeCategory.OpenPunctuation => "Ps",
        UnicodeCategory.ClosePunctuation => "Pe",
        UnicodeCategory.InitialQuotePunctuation => "Pi",
        UnicodeCategory.FinalQuotePunctuation => "Pf",
        UnicodeCategory.OtherPunctuation => "Po",
        UnicodeCategory.MathSymbol => "Sm",
        UnicodeCategory.CurrencySymbol => "Sc",
        UnicodeCategory.ModifierSymbol => "Sk",
        UnicodeCategory.OtherSymbol => "So",
        _ => "Cn",
    };

    // Adds every simple case variant of every member (Rust folds each operand before set operations).
    // Only the members that have variants are visited: \w holds 140,000 code points, 2,900 of them cased.
    private static List<(int Lo, int Hi)> Fold(List<(int Lo, int Hi)> set)
    {
        var extra = new List<(int Lo, int Hi)>(set);
        foreach (var (lo, hi) in set)
        {
            foreach (var cp in CaseFolding.CasedBetween(lo, hi))
            {
                foreach (var v in CaseFolding.Equivalents(cp))
                {
                    if (v < lo || v > hi)
                    {
                        extra.Add((v, v));
                    }
                }
            }
        }

        return Normalize(extra);
    }

    private static List<(int Lo, int Hi)> Negate(List<(int Lo, int Hi)> set, bool negated, int max = MaxCodePoint) => negated ? Complement(set, max) : set;

    private static List<(int Lo, int Hi)> Pairs(int[] flat)
    {
        var pairs = new List<(int Lo, int Hi)>(flat.Length / 2);
        for (var i = 0; i + 1 < flat.Length; i += 2)
        {
            pairs.Add((flat[i], flat[i + 1]));
        }

        return pairs;
    }

    // Sorted, merged, and without surrogates (no text position can hold one as a character). Sets are
    // mostly sorted already (tables, and the results of other operations): those are not copied.
    private static List<(int Lo, int Hi)> Normalize(List<(int Lo, int Hi)> set)
    {
        var sorted = set;
        if (!IsSortedByStart(set))
        {
            sorted = [.. set];
            sorted.Sort(static (x, y) => x.Lo.CompareTo(y.Lo));
        }

        var result = new List<(int Lo, int Hi)>(sorted.Count);
        foreach (var (lo, hi) in sorted)
        {
            if (result.Count > 0 && lo <= result[^1].Hi + 1)
            {
                result[^1] = (result[^1].Lo, Math.Max(result[^1].Hi, hi));
            }
            else
            {
                result.Add((lo, hi));
            }
        }

        return result.Exists(static r => r.Lo <= 0xDFFF && r.Hi >= 0xD800) ? Intersect(result, [(0, 0xD7FF), (0xE000, MaxCodePoint)], normalized: true) : result;
    }

    private static bool IsSortedByStart(List<(int Lo, int Hi)> set)
    {
        for (var i = 1; i < set.Count; i++)
        {
            if (set[i].Lo < set[i - 1].Lo)
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>The union of two sets, sorted and merged.</summary>
    // Two sorted sets are merged in order, so that the result needs no sort.
    internal static List<(int Lo, int Hi)> Union(List<(int Lo, int Hi)> a, List<(int Lo, int Hi)> b)
    {
        if (!IsSortedByStart(a) || !IsSortedByStart(b))
        {
            return Normalize([.. a, .. b]);
        }

        var merged = new List<(int Lo, int Hi)>(a.Count + b.Count);
        int i = 0, j = 0;
        while (i < a.Count || j < b.Count)
        {
            merged.Add(j == b.Count || (i < a.Count && a[i].Lo <= b[j].Lo) ? a[i++] : b[j++]);
        }

        return Normalize(merged);
    }

    /// <summary>The members of <paramref name="a"/> that are not in <paramref name="b"/>, sorted and merged.</summary>
    internal static List<(int Lo, int Hi)> Difference(List<(int Lo, int Hi)> a, List<(int Lo, int Hi)> b) => Intersect(a, Complement(b));

    /// <summary>Whether the sorted, merged <paramref name="set"/> holds <paramref name="codePoint"/>.</summary>
    internal static bool Contains(List<(int Lo, int Hi)> set, int codePoint)
    {
        int lo = 0, hi = set.Count - 1;
        while (lo <= hi)
        {
            var mid = (lo + hi) >>> 1;
            if (codePoint < set[mid].Lo)
            {
                hi = mid - 1;
            }
            else if (codePoint > set[mid].Hi)
            {
                lo = mid + 1;
            }
            else
            {
                return true;
            }
        }

        return false;
    }

    private static List<(int Lo, int Hi)> Complement(List<(int Lo, int Hi)> set, int max = MaxCodePoint)
    {
        var result = new List<(int Lo, int Hi)>();
        var next = 0;
        foreach (var (lo, hi) in Normalize(set))
        {
            if (lo > next)
            {
                result.Add((next, lo - 1));
            }

            next = hi + 1;
        }

        if (next <= max)
        {
            result.Add((next, max));
        }

        return Normalize(result);
    }

    private static List<(int Lo, int Hi)> Intersect(List<(int Lo, int Hi)> a, List<(int Lo, int Hi)> b, bool normalized = false)
    {
        if (!normalized)
        {
            (a, b) = (Normalize(a), Normalize(b));
        }

        var result = new List<(int Lo, int Hi)>();
        int i = 0, j = 0;
        while (i < a.Count && j < b.Count)
        {
            var lo = Math.Max(a[i].Lo, b[j].Lo);
            var hi = Math.Min(a[i].Hi, b[j].Hi);
            if (lo <= hi)
            {
                result.Add((lo, hi));
            }

            if (a[i].Hi < b[j].Hi)
            {
                i++;
            }
            else
            {
                j++;
            }
        }

        return result;
    }
}
