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
    private static readonly Lazy<(FrozenDictionary<string, UnicodeProperty> Script, FrozenDictionary<string, UnicodeProperty> Extensions)> Scripts = new(BuildScripts);
    private static readonly Lazy<FrozenDictionary<string, UnicodeProperty>> Binary = new(BuildBinary);
    private static readonly Lazy<FrozenDictionary<(string Property, string Value), UnicodeProperty>> Breaks = new(BuildBreaks);

    private readonly Func<int[]>? _makeRanges;
    private int[]? _ranges;

    private UnicodeProperty(string canonical, string positive, string? negated, Func<int[]>? ranges = null)
    {
        Canonical = canonical;
        Positive = positive;
        Negated = negated;
        _makeRanges = ranges;
    }

    /// <summary>
    /// For a script or a binary or break property, its ranges as flat inclusive pairs (the class is built
    /// from them), made the first time they are asked for; else null.
    /// </summary>
    public int[]? Ranges => _ranges ??= _makeRanges?.Invoke();

    /// <summary>The property's canonical short name, e.g. <c>Lu</c>.</summary>
    public string Canonical { get; }

    /// <summary>Text that goes inside a .NET <c>[...]</c> class to match the property.</summary>
    public string Positive { get; }

    /// <summary>Text that goes inside a .NET class to match the complement, or null if one fragment cannot say it.</summary>
    public string? Negated { get; }

    /// <summary>
    /// Resolves a bare name as Rust does: a binary property (but <c>cf</c>, which means the Format
    /// category), else a general category, else a script.
    /// </summary>
    public static bool TryResolve(string name, out UnicodeProperty property)
    {
        var loose = Loose(name);
        return (loose != "cf" && Binary.Value.TryGetValue(loose, out property!)) ||
            ByLooseName.TryGetValue(loose, out property!) ||
            Scripts.Value.Script.TryGetValue(loose, out property!);
    }

    private static FrozenDictionary<string, UnicodeProperty> BuildBinary()
    {
        var map = new Dictionary<string, UnicodeProperty>(StringComparer.Ordinal);
        foreach (var (names, ranges) in UnicodeBinaryProperties.All)
        {
            var property = new UnicodeProperty(names[^1], string.Empty, null, ranges);
            foreach (var name in names)
            {
                map[Loose(name)] = property;
            }
        }

        return map.ToFrozenDictionary(StringComparer.Ordinal);
    }

    /// <summary>
    /// Resolves <c>key=value</c>: <c>gc</c>/<c>General_Category</c>, <c>sc</c>/<c>Script</c>, <c>scx</c>/<c>Script_Extensions</c>,
    /// <c>gcb</c>/<c>Grapheme_Cluster_Break</c>, <c>wb</c>/<c>Word_Break</c>, <c>sb</c>/<c>Sentence_Break</c>.
    /// </summary>
    public static bool TryResolve(string key, string value, out UnicodeProperty property)
    {
        property = null!;
        return Loose(key) switch
        {
            "gc" or "generalcategory" => ByLooseName.TryGetValue(Loose(value), out property!),
            "sc" or "script" => Scripts.Value.Script.TryGetValue(Loose(value), out property!),
            "scx" or "scriptextensions" => Scripts.Value.Extensions.TryGetValue(Loose(value), out property!),
            "gcb" or "graphemeclusterbreak" => Breaks.Value.TryGetValue(("GCB", Loose(value)), out property!),
            "wb" or "wordbreak" => Breaks.Value.TryGetValue(("WB", Loose(value)), out property!),
            "sb" or "sentencebreak" => Breaks.Value.TryGetValue(("SB", Loose(value)), out property!),
            _ => false,
        };
    }

    // Keyed by the property's short name and the value's loose name: the three share value names
    // (Extend, Format, Numeric, CR, LF, ...) with different ranges.
    private static FrozenDictionary<(string Property, string Value), UnicodeProperty> BuildBreaks()
    {
        var map = new Dictionary<(string Property, string Value), UnicodeProperty>();
        foreach (var (key, names, ranges) in UnicodeBreakProperties.All)
        {
            var property = new UnicodeProperty(names[^1], string.Empty, null, ranges);
            foreach (var name in names)
            {
                map[(key, Loose(name))] = property;
            }
        }

        return map.ToFrozenDictionary();
    }

    private static (FrozenDictionary<string, UnicodeProperty>, FrozenDictionary<string, UnicodeProperty>) BuildScripts()
    {
        var script = new Dictionary<string, UnicodeProperty>(StringComparer.Ordinal);
        var extensions = new Dictionary<string, UnicodeProperty>(StringComparer.Ordinal);
        foreach (var (names, ranges, extended) in UnicodeScripts.All)
        {
            var canonical = names[^1];
            var sc = new UnicodeProperty(canonical, string.Empty, null, ranges);
            var scx = new UnicodeProperty(canonical, string.Empty, null, extended);
            foreach (var name in names)
            {
                script[Loose(name)] = sc;
                extensions[Loose(name)] = scx;
            }
        }

        return (script.ToFrozenDictionary(StringComparer.Ordinal), extensions.ToFrozenDictionary(StringComparer.Ordinal));
    }

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
            var p = new UnicodeProperty(code, $"\\p{{{code}}}", $"\\P{{{code}}}");
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
            new UnicodeProperty("LC", "\\p{Lu}\\p{Ll}\\p{Lt}", null);
        map[Loose("Any")] = new UnicodeProperty("Any", "\\u0000-\\uFFFF", null);
        map[Loose("ASCII")] = new UnicodeProperty("ASCII", "\\u0000-\\u007F", "\\u0080-\\uFFFF");
        map[Loose("Assigned")] = new UnicodeProperty("Assigned", "\\P{Cn}", "\\p{Cn}");
        return map.ToFrozenDictionary(StringComparer.Ordinal);
    }
}
