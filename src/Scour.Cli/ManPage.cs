using System.Text;
using Scour.Cli.Flags;

namespace Scour.Cli;

/// <summary><c>--generate man</c>: a roff manual page written from the flag table (read it with <c>man -l</c>).</summary>
internal static class ManPage
{
    public static string Render()
    {
        var sb = new StringBuilder();
        sb.Append(".TH SCOUR 1 \"\" \"").Append(Escape($"scour {VersionText.ScourVersion}")).Append("\" \"User Commands\"\n");
        sb.Append(".SH NAME\nscour \\- recursively search files for lines matching a pattern, and replace safely\n");
        sb.Append(".SH SYNOPSIS\n");
        foreach (var usage in new[]
        {
            "[\\fIOPTIONS\\fR] \\fIPATTERN\\fR [\\fIPATH\\fR ...]",
            "[\\fIOPTIONS\\fR] \\fB\\-e\\fR \\fIPATTERN\\fR ... [\\fIPATH\\fR ...]",
            "[\\fIOPTIONS\\fR] \\fB\\-\\-files\\fR [\\fIPATH\\fR ...]",
            "[\\fIOPTIONS\\fR] \\fIPATTERN\\fR \\fB\\-r\\fR \\fIREPLACEMENT\\fR \\fB\\-\\-diff\\fR|\\fB\\-\\-write\\fR [\\fIPATH\\fR ...]",
            "\\fB\\-\\-undo\\fR",
        })
        {
            sb.Append(".br\n.B scour\n").Append(usage).Append('\n');
        }

        sb.Append(".SH DESCRIPTION\n");
        sb.Append("scour searches the current directory (or the given paths) recursively for lines matching a regular expression, ");
        sb.Append("skipping what .gitignore, .ignore and .rgignore files exclude, hidden files and binary files. ");
        sb.Append("It accepts ripgrep's flags and prints ripgrep's output, so it can replace rg in scripts and editors. ");
        sb.Append("With \\fB\\-r\\fR and \\fB\\-\\-diff\\fR or \\fB\\-\\-write\\fR it previews or applies a replacement, atomically and undoably.\n");
        foreach (var (category, title) in HelpText.Sections)
        {
            sb.Append(".SH ").Append(Escape(title)).Append('\n');
            foreach (var flag in HelpText.InOrder(category))
            {
                sb.Append(".TP\n");
                if (flag.Short is { } s)
                {
                    sb.Append("\\fB\\-").Append(s).Append("\\fR, ");
                }

                sb.Append("\\fB\\-\\-").Append(Escape(flag.Long)).Append("\\fR");
                if (flag.TakesValue)
                {
                    sb.Append("=\\fI").Append(Escape(flag.ValueName!)).Append("\\fR");
                }

                sb.Append('\n').Append(Line(flag.Details ?? flag.Summary)).Append('\n');
                if (flag.Choices is { } choices)
                {
                    sb.Append(".IP\nValues: ").Append(Escape(string.Join(", ", choices))).Append(".\n");
                }

                if (flag.Negation is { } negation)
                {
                    sb.Append(".IP\nNegated by \\fB\\-\\-").Append(Escape(negation)).Append("\\fR.\n");
                }
            }
        }

        sb.Append(".SH EXIT STATUS\n0 if a line matched (or a rewrite changed something), 1 if nothing matched, 2 if an error occurred ");
        sb.Append("(with \\fB\\-q\\fR, 0 wins over errors).\n");
        sb.Append(".SH ENVIRONMENT\n");
        sb.Append(".TP\n.B SCOUR_CONFIG_PATH\nA file of arguments, one per line (# starts a comment), read before the command line unless \\fB\\-\\-no\\-config\\fR is given.\n");
        sb.Append(".TP\n.B SCOUR_STATE_DIR\nWhere \\fB\\-\\-write\\fR keeps its journal for \\fB\\-\\-undo\\fR (default: $XDG_STATE_HOME/scour or ~/.local/state/scour).\n");
        sb.Append(".TP\n.B NO_COLOR\nWhen set, colors are off unless \\fB\\-\\-color=always\\fR.\n");
        sb.Append(".SH SEE ALSO\n.BR rg (1),\n.BR git-check-ignore (1)\n");
        return sb.ToString();
    }

    // A paragraph: a line starting with '.' or '\'' would be a request, so it gets a zero-width escape.
    private static string Line(string text)
    {
        var escaped = Escape(text);
        return escaped.StartsWith('.') || escaped.StartsWith('\'') ? "\\&" + escaped : escaped;
    }

    private static string Escape(string text) =>
        text.Replace("\\", "\\e", StringComparison.Ordinal).Replace("-", "\\-", StringComparison.Ordinal);
}
