namespace Scour.Indexing;

/// <summary>
/// A boolean query over trigrams that every file holding a match satisfies: <see cref="All"/> (no
/// constraint), <see cref="None"/> (nothing can match), one trigram, or an AND or OR of queries.
/// </summary>
internal abstract record TrigramQuery
{
    public static readonly TrigramQuery All = new AllQuery();
    public static readonly TrigramQuery None = new NoneQuery();

    /// <summary>The conjunction, simplified (<c>All</c> is its identity, <c>None</c> absorbs it).</summary>
    public static TrigramQuery And(TrigramQuery a, TrigramQuery b) => Combine<AndQuery>(a, b, None, All, items => new AndQuery(items));

    /// <summary>The disjunction, simplified (<c>None</c> is its identity, <c>All</c> absorbs it, and of
    /// two operands where one implies the other, the weaker one is kept).</summary>
    public static TrigramQuery Or(TrigramQuery a, TrigramQuery b) =>
        Implies(a, b) ? b : Implies(b, a) ? a : Combine<OrQuery>(a, b, All, None, items => new OrQuery(items));

    // True when every file satisfying `a` satisfies `b`: `a` is a conjunction holding all of `b`'s terms.
    private static bool Implies(TrigramQuery a, TrigramQuery b) =>
        a is AndQuery and && (b is AndQuery inner ? inner.Items.All(and.Items.Contains) : and.Items.Contains(b));

    /// <summary>The trigram of three bytes.</summary>
    public static int KeyOf(byte a, byte b, byte c) => (a << 16) | (b << 8) | c;

    private static TrigramQuery Combine<T>(TrigramQuery a, TrigramQuery b, TrigramQuery absorbing, TrigramQuery identity, Func<List<TrigramQuery>, T> make)
        where T : TrigramQuery
    {
        if (a == absorbing || b == absorbing)
        {
            return absorbing;
        }

        if (a == identity)
        {
            return b;
        }

        if (b == identity || a == b)
        {
            return a;
        }

        var items = new List<TrigramQuery>();
        foreach (var q in (ReadOnlySpan<TrigramQuery>)[a, b])
        {
            if (q is T)
            {
                foreach (var inner in Operands(q))
                {
                    if (!items.Contains(inner))
                    {
                        items.Add(inner);
                    }
                }
            }
            else if (!items.Contains(q))
            {
                items.Add(q);
            }
        }

        return items.Count == 1 ? items[0] : make(items);
    }

    private static IReadOnlyList<TrigramQuery> Operands(TrigramQuery q) => q switch
    {
        AndQuery and => and.Items,
        OrQuery or => or.Items,
        _ => [q],
    };

    private sealed record AllQuery : TrigramQuery
    {
        public override string ToString() => "+";
    }

    private sealed record NoneQuery : TrigramQuery
    {
        public override string ToString() => "-";
    }
}

/// <summary>Files holding this trigram, or this folded sparse gram's key.</summary>
internal sealed record GramQuery(int Key) : TrigramQuery
{
    public override string ToString()
    {
        if (Key >= FoldedGrams.FirstKey)
        {
            return "#" + (Key - FoldedGrams.FirstKey).ToString(System.Globalization.CultureInfo.InvariantCulture);
        }

        static string Show(int b) => b is >= 0x21 and < 0x7F and not '"' ? ((char)b).ToString() : $"\\x{b:x2}";
        return "\"" + Show(Key >> 16) + Show((Key >> 8) & 0xFF) + Show(Key & 0xFF) + "\"";
    }
}

/// <summary>Files satisfying every item.</summary>
internal sealed record AndQuery(IReadOnlyList<TrigramQuery> Items) : TrigramQuery
{
    public bool Equals(AndQuery? other) => other is not null && Items.SequenceEqual(other.Items);

    public override int GetHashCode() => Items.Count;

    public override string ToString() => "(" + string.Join(" ", Items) + ")";
}

/// <summary>Files satisfying at least one item.</summary>
internal sealed record OrQuery(IReadOnlyList<TrigramQuery> Items) : TrigramQuery
{
    public bool Equals(OrQuery? other) => other is not null && Items.SequenceEqual(other.Items);

    public override int GetHashCode() => Items.Count;

    public override string ToString() => "(" + string.Join("|", Items) + ")";
}
