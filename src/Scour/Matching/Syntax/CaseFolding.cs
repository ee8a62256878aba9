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

    private static Dictionary<int, int[]> BuildOrbits()
    {
        var groups = new Dictionary<int, List<int>>();
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

            list.Add(cp);
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
