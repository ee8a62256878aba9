namespace Scour.Matching.Syntax;

/// <summary>One member of a character class.</summary>
internal abstract record ClassItem;

/// <summary>An inclusive range of Unicode scalar values (a single character is a range of one).</summary>
internal sealed record RangeItem(int First, int Last) : ClassItem;

internal enum PerlClassKind
{
    Digit,
    Word,
    Space,
}

/// <summary><c>\d \w \s</c> (or their negations); ASCII-only when the <c>u</c> flag is off.</summary>
internal sealed record PerlItem(PerlClassKind Kind, bool Negated, bool Unicode) : ClassItem;

/// <summary>A Unicode property such as <c>\pL</c> or <c>\p{Greek}</c>, already resolved to a canonical name.</summary>
internal sealed record UnicodeItem(UnicodeProperty Property, bool Negated) : ClassItem;

/// <summary>A POSIX class such as <c>[:alpha:]</c>, as a list of ASCII ranges.</summary>
internal sealed record AsciiItem(string Name, bool Negated) : ClassItem;

/// <summary>A bracketed class nested inside another, e.g. <c>[a[bc]]</c>.</summary>
internal sealed record NestedItem(CharClass Class) : ClassItem;

internal enum SetOperation
{
    Intersection,
    Difference,
    SymmetricDifference,
}

/// <summary><c>left &amp;&amp; right</c>, <c>left -- right</c> or <c>left ~~ right</c> inside a class.</summary>
internal sealed record SetOperationItem(CharClass Left, SetOperation Operation, CharClass Right) : ClassItem;

/// <summary>A character class: the union of its items, optionally negated.</summary>
internal sealed record CharClass(IReadOnlyList<ClassItem> Items, bool Negated);
