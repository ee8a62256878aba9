using System.Text;

namespace Scour.Matching.Syntax;

/// <summary>
/// Simple case folding, the rule Rust's regex uses for <c>(?i)</c>: characters are equivalent when they
/// fold to the same character (so <c>k</c>, <c>K</c> and KELVIN SIGN are one class, as are <c>s</c>,
/// <c>S</c> and LONG S). .NET's own <c>IgnoreCase</c> differs on such characters, so we expand
/// case-insensitive literals into explicit classes instead of relying on it.
/// </summary>
internal static class CaseFolding
{
    private static readonly Lazy<Dictionary<int, int[]>> Orbits = new(BuildOrbits);

    /// <summary>Returns every scalar value case-equivalent to <paramref name="codePoint"/>, itself included.</summary>
    public static IReadOnlyList<int> Equivalents(int codePoint)
    {
        return Orbits.Value.TryGetValue(codePoint, out var orbit) ? orbit : [codePoint];
    }

    /// <summary>True if the scalar value has case variants.</summary>
    public static bool HasVariants(int codePoint) => Orbits.Value.ContainsKey(codePoint);

    private static int Key(int cp)
    {
        if (!Rune.IsValid(cp))
        {
            return cp;
        }

        var r = new Rune(cp);
        return Rune.ToLowerInvariant(Rune.ToUpperInvariant(r)).Value;
    }

    // Simple foldings (CaseFolding.txt, status C or S) that .NET's invariant casing does not give
    // through upper/lower case mappings, as (character, folded form).
    private static readonly (int Char, int Fold)[] ExtraFoldings =
    [
        (0x017F, 's'), (0x0345, 0x03B9), (0x1FBE, 0x03B9), (0x03D0, 0x03B2), (0x03D1, 0x03B8),
        (0x03D5, 0x03C6), (0x03D6, 0x03C0), (0x03F0, 0x03BA), (0x03F1, 0x03C1), (0x03F5, 0x03B5),
        (0x1E9B, 0x1E61), (0x212A, 'k'), (0x212B, 0x00E5), (0x2126, 0x03C9), (0x1E9E, 0x00DF),
    ];

    private static Dictionary<int, int[]> BuildOrbits()
    {
        var groups = new Dictionary<int, List<int>>();
        foreach (var (c, fold) in ExtraFoldings)
        {
            var key = Key(fold);
            if (!groups.TryGetValue(key, out var list))
            {
                groups[key] = list = [];
            }

            list.Add(c);
        }

        for (var cp = 0; cp <= 0x1FFFF; cp++)
        {
            // Dotted capital I and dotless small i have no simple case folding (only Turkic/full
            // mappings), so Rust keeps them apart from i and I.
            if (cp is >= 0xD800 and <= 0xDFFF or 0x130 or 0x131)
            {
                continue;
            }

            var key = Key(cp);
            var r = new Rune(cp);
            if (key == cp && Rune.ToUpperInvariant(r).Value == cp && Rune.ToLowerInvariant(r).Value == cp)
            {
                continue; // caseless
            }

            if (!groups.TryGetValue(key, out var list))
            {
                groups[key] = list = [];
            }

            if (!list.Contains(cp))
            {
                list.Add(cp);
            }
        }

        var orbits = new Dictionary<int, int[]>();
        foreach (var (key, list) in groups)
        {
            if (!list.Contains(key))
            {
                list.Add(key);
            }

            if (list.Count < 2)
            {
                continue;
            }

            list.Sort();
            var orbit = list.ToArray();
            foreach (var cp in orbit)
            {
                orbits[cp] = orbit;
            }
        }

        return orbits;
    }
}
