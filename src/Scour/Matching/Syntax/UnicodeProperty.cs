using System.Collections.Frozen;
using System.Text;

namespace Scour.Matching.Syntax;

/// <summary>
/// A Unicode property name from <c>\p{...}</c>, resolved the way Rust's regex resolves it
/// (loose matching: case, spaces, <c>_</c> and <c>-</c> are ignored) to a .NET class fragment.
/// </summary>
internal sealed class UnicodeProperty
{
    private static readonly FrozenDictionary<string, UnicodeProperty> ByLooseName = Build();

    private UnicodeProperty(string canonical, string positive, string? negated, bool mayMatchAstral)
    {
        Canonical = canonical;
        Positive = positive;
        Negated = negated;
        MayMatchAstral = mayMatchAstral;
    }

    /// <summary>The property's canonical short name, e.g. <c>Lu</c>.</summary>
    public string Canonical { get; }

    /// <summary>Text that goes inside a .NET <c>[...]</c> class to match the property.</summary>
    public string Positive { get; }

    /// <summary>Text that goes inside a .NET class to match the complement, or null if one fragment cannot say it.</summary>
    public string? Negated { get; }

    /// <summary>True if the property contains characters outside the BMP that we can express.</summary>
    public bool MayMatchAstral { get; }

    public static bool TryResolve(string name, out UnicodeProperty property) =>
        ByLooseName.TryGetValue(Loose(name), out property!);

    private static string Loose(string name)
    {
        var sb = new StringBuilder(name.Length);
        foreach (var c in name)
        {
            if (c is ' ' or '_' or '-' or '\t')
            {
                continue;
            }

            sb.Append(char.ToLowerInvariant(c));
        }

        return sb.ToString();
    }

    private static FrozenDictionary<string, UnicodeProperty> Build()
    {
        var map = new Dictionary<string, UnicodeProperty>(StringComparer.Ordinal);

        void Category(string code, params string[] aliases)
        {
            var p = new UnicodeProperty(code, $"\\p{{{code}}}", $"\\P{{{code}}}", false);
            map[Loose(code)] = p;
            foreach (var a in aliases)
            {
                map[Loose(a)] = p;
            }
        }

        Category("L", "Letter");
        Category("Lu", "Uppercase_Letter");
        Category("Ll", "Lowercase_Letter");
        Category("Lt", "Titlecase_Letter");
        Category("Lm", "Modifier_Letter");
        Category("Lo", "Other_Letter");
        Category("M", "Mark", "Combining_Mark");
        Category("Mn", "Nonspacing_Mark");
        Category("Mc", "Spacing_Mark");
        Category("Me", "Enclosing_Mark");
        Category("N", "Number");
        Category("Nd", "Decimal_Number", "digit");
        Category("Nl", "Letter_Number");
        Category("No", "Other_Number");
        Category("P", "Punctuation", "punct");
        Category("Pc", "Connector_Punctuation");
        Category("Pd", "Dash_Punctuation");
        Category("Ps", "Open_Punctuation");
        Category("Pe", "Close_Punctuation");
        Category("Pi", "Initial_Punctuation");
        Category("Pf", "Final_Punctuation");
        Category("Po", "Other_Punctuation");
        Category("S", "Symbol");
        Category("Sm", "Math_Symbol");
        Category("Sc", "Currency_Symbol");
        Category("Sk", "Modifier_Symbol");
        Category("So", "Other_Symbol");
        Category("Z", "Separator");
        Category("Zs", "Space_Separator");
        Category("Zl", "Line_Separator");
        Category("Zp", "Paragraph_Separator");
        Category("C", "Other");
        Category("Cc", "Control", "cntrl");
        Category("Cf", "Format");
        Category("Co", "Private_Use");
        Category("Cn", "Unassigned");

        map[Loose("LC")] = map[Loose("Cased_Letter")] =
            new UnicodeProperty("LC", "\\p{Lu}\\p{Ll}\\p{Lt}", null, false);
        map[Loose("Any")] = new UnicodeProperty("Any", "\\u0000-\\uFFFF", null, true);
        map[Loose("ASCII")] = new UnicodeProperty("ASCII", "\\u0000-\\u007F", "\\u0080-\\uFFFF", false);
        map[Loose("Assigned")] = new UnicodeProperty("Assigned", "\\P{Cn}", "\\p{Cn}", true);
        return map.ToFrozenDictionary(StringComparer.Ordinal);
    }
}
