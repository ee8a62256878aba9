using System.Text;
using Scour.Cli.Flags;

namespace Scour.Cli;

/// <summary>Renders <c>-h</c> (one line per flag) and <c>--help</c> (with details) from the flag table.</summary>
internal static class HelpText
{
    internal static readonly (FlagCategory Category, string Title)[] Sections =
    [
        (FlagCategory.Input, "INPUT OPTIONS"),
        (FlagCategory.Search, "SEARCH OPTIONS"),
        (FlagCategory.Filter, "FILTER OPTIONS"),
        (FlagCategory.Output, "OUTPUT OPTIONS"),
        (FlagCategory.OutputModes, "OUTPUT MODES"),
        (FlagCategory.Logging, "LOGGING OPTIONS"),
        (FlagCategory.Rewrite, "REWRITE OPTIONS"),
        (FlagCategory.OtherBehaviors, "OTHER BEHAVIORS"),
    ];

    public static string Render(bool detailed)
    {
        var sb = new StringBuilder();
        sb.Append(VersionText.Short).Append('\n');
        sb.Append("Recursively search the current directory for lines matching a pattern; ripgrep-compatible.\n\n");
        sb.Append("USAGE:\n    scour [OPTIONS] PATTERN [PATH ...]\n    scour [OPTIONS] -e PATTERN ... [PATH ...]\n    scour [OPTIONS] --files [PATH ...]\n    scour [OPTIONS] PATTERN -r REPLACEMENT --diff|--write [PATH ...]\n    scour --undo\n\n");
        foreach (var (category, title) in Sections)
        {
            sb.Append(title).Append(":\n");
            foreach (var flag in FlagTable.All.Where(f => f.Category == category))
            {
                var names = new StringBuilder("    ");
                names.Append(flag.Short is { } s ? $"-{s}, " : "    ");
                names.Append("--").Append(flag.Long);
                if (flag.TakesValue)
                {
                    names.Append('=').Append(flag.ValueName);
                }

                if (detailed)
                {
                    sb.Append(names).Append('\n');
                    sb.Append("        ").Append(flag.Details ?? flag.Summary).Append('\n');
                    if (flag.Choices is { } choices)
                    {
                        sb.Append("        Values: ").Append(string.Join(", ", choices)).Append('\n');
                    }

                    if (flag.Negation is { } negation)
                    {
                        sb.Append("        Negated by --").Append(negation).Append(".\n");
                    }

                    sb.Append('\n');
                }
                else
                {
                    sb.Append(names.ToString().PadRight(36)).Append(flag.Summary).Append('\n');
                }
            }

            sb.Append('\n');
        }

        return sb.ToString();
    }
}
