using System.Text;
using System.Text.RegularExpressions;
using Scour.Cli.Tests.Infrastructure;

namespace Scour.Cli.Tests.Differential;

/// <summary>
/// Every Unicode table against rg 15.2 (Unicode 16.0), code point by code point: a file holds each
/// scalar value on a line of its own, and each script, Script_Extensions value, binary property,
/// break-property value and general category, plus <c>\w \d \s</c> and case-folded classes, must select
/// exactly rg's lines. The property names are read from Scour's generated tables, so a property
/// the tables have is compared; what it matches comes from rg alone.
/// </summary>
public sealed partial class UnicodeTableTests : IDisposable
{
    private readonly string _root = Path.Combine(Path.GetTempPath(), "scour-unicode-" + Guid.NewGuid().ToString("N")[..8]);

    public UnicodeTableTests()
    {
        Directory.CreateDirectory(_root);
        var text = new StringBuilder();
        for (var cp = 0; cp <= 0x10FFFF; cp++)
        {
            if (cp != '\n' && (cp < 0xD800 || cp > 0xDFFF))
            {
                text.Append(char.ConvertFromUtf32(cp)).Append('\n');
            }
        }

        File.WriteAllText(Path.Combine(_root, "all.txt"), text.ToString(), new UTF8Encoding(false));
    }

    [OracleFact("rg")]
    public void Every_table_selects_the_code_points_rg_selects()
    {
        var syntax = Path.Combine(Oracle.RepositoryRoot()!, "src", "Scour", "Matching", "Syntax");
        var scripts = FirstNames(File.ReadAllText(Path.Combine(syntax, "UnicodeScripts.g.cs")));
        var binary = FirstNames(File.ReadAllText(Path.Combine(syntax, "UnicodeBinaryProperties.g.cs")));
        var breaks = BreakValue().Matches(File.ReadAllText(Path.Combine(syntax, "UnicodeBreakProperties.g.cs")))
            .Select(m => $"{m.Groups[1].Value}={m.Groups[2].Value}").ToList();
        Assert.True(scripts.Count > 160 && binary.Count > 50 && breaks.Count > 40, "the generated tables were not found or not parsed");

        var categories = "L Lu Ll Lt Lm Lo LC M Mn Mc Me N Nd Nl No P Pc Pd Ps Pe Pi Pf Po S Sm Sc Sk So Z Zs Zl Zp C Cc Cf Co Cn".Split(' ');
        var patterns = scripts.Concat(binary).Concat(breaks).Concat(categories).Select(n => $"\\p{{{n}}}")
            .Concat(scripts.Select(n => $"\\p{{scx={n}}}"))
            .Concat(["\\w", "\\d", "\\s", "[[:alpha:]]", "(?i)\\p{Lu}", "(?i)\\p{Ll}", "(?i)\\p{Lt}", "(?i)\\p{Cased}", "\\b\\w"]);

        var differences = new List<string>();
        foreach (var pattern in patterns)
        {
            string[] args = ["-a", "-n", pattern, "all.txt"];
            var rg = CommandRunner.Run(Oracle.Require("rg"), args, _root);
            var scour = ScourBinary.Run(_root, args);
            if (!rg.Stdout.AsSpan().SequenceEqual(scour.Stdout) || rg.ExitCode != scour.ExitCode)
            {
                differences.Add($"{pattern}: rg {rg.ExitCode} ({rg.Stdout.Length} bytes) {rg.Stderr.Split('\n')[0]}, " +
                    $"scour {scour.ExitCode} ({scour.Stdout.Length} bytes) {scour.Stderr.Split('\n')[0]}");
            }
        }

        Assert.True(differences.Count == 0, string.Join('\n', differences));
    }

    private static List<string> FirstNames(string table) => FirstName().Matches(table).Select(m => m.Groups[1].Value).ToList();

    [GeneratedRegex(@"^\s+\(\[""([^""]+)""", RegexOptions.Multiline)]
    private static partial Regex FirstName();

    [GeneratedRegex(@"^\s+\(""(\w+)"", \[""([^""]+)""", RegexOptions.Multiline)]
    private static partial Regex BreakValue();

    public void Dispose() => Directory.Delete(_root, recursive: true);
}
