namespace Scour.Matching.Syntax;

/// <summary>
/// Simple case folding, the rule Rust's regex uses for <c>(?i)</c>: characters are equivalent when they
/// fold to the same character (so <c>k</c>, <c>K</c> and KELVIN SIGN are one class, as are <c>s</c>,
/// <c>S</c> and LONG S). .NET's own <c>IgnoreCase</c> differs on such characters, so we expand
/// case-insensitive literals into explicit classes instead of relying on it. The orbits are a
/// generated table (<c>CaseFolding.g.cs</c>, checked against .NET's casing data by a test).
/// </summary>
internal static partial class CaseFolding
{
    /// <summary>Returns every scalar value case-equivalent to <paramref name="codePoint"/>, itself included, ascending.</summary>
    public static IReadOnlyList<int> Equivalents(int codePoint)
    {
        var i = Cased.BinarySearch(codePoint);
        if (i < 0)
        {
            return [codePoint];
        }

        var start = OrbitOf[i];
        return new ArraySegment<int>(Orbits, start + 1, Orbits[start]);
    }

    /// <summary>The scalar values in <paramref name="lo"/>..<paramref name="hi"/> that have case variants, ascending.</summary>
    public static ReadOnlySpan<int> CasedBetween(int lo, int hi)
    {
        var start = Cased.BinarySearch(lo);
        var end = Cased.BinarySearch(hi);
        return Cased[(start < 0 ? ~start : start)..(end < 0 ? ~end : end + 1)];
    }

    /// <summary>True if the scalar value has case variants.</summary>
    public static bool HasVariants(int codePoint) => Cased.BinarySearch(codePoint) >= 0;
}
