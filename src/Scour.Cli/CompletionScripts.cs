using System.Text;
using Scour.Cli.Flags;

namespace Scour.Cli;

/// <summary>
/// <c>--generate complete-bash|complete-zsh|complete-fish|complete-powershell</c>: shell completion
/// scripts written from the flag table, so they always know every flag, its values and its help line.
/// </summary>
internal static class CompletionScripts
{
    public static string Bash()
    {
        var sb = new StringBuilder();
        sb.Append("# bash completion for scour (scour --generate complete-bash)\n");
        sb.Append("_scour() {\n");
        sb.Append("    local cur prev\n");
        sb.Append("    COMPREPLY=()\n");
        sb.Append("    cur=\"${COMP_WORDS[COMP_CWORD]}\"\n");
        sb.Append("    prev=\"${COMP_WORDS[COMP_CWORD-1]}\"\n");
        sb.Append("    case \"$prev\" in\n");
        foreach (var flag in FlagTable.All.Where(f => f.TakesValue))
        {
            sb.Append("        ").Append(string.Join('|', Spellings(flag))).Append(")\n");
            sb.Append(flag.Choices is { } choices
                ? $"            COMPREPLY=($(compgen -W \"{string.Join(' ', choices)}\" -- \"$cur\")); return ;;\n"
                : TakesPath(flag)
                    ? "            COMPREPLY=($(compgen -f -- \"$cur\")); return ;;\n"
                    : "            return ;;\n");
        }

        sb.Append("    esac\n");
        sb.Append("    if [[ \"$cur\" == -* ]]; then\n");
        sb.Append("        COMPREPLY=($(compgen -W \"").Append(string.Join(' ', FlagTable.All.SelectMany(Spellings).Concat(FlagTable.All.Where(f => f.Negation is not null).Select(f => "--" + f.Negation)))).Append("\" -- \"$cur\"))\n");
        sb.Append("        return\n");
        sb.Append("    fi\n");
        sb.Append("    COMPREPLY=($(compgen -f -- \"$cur\"))\n");
        sb.Append("}\n");
        sb.Append("complete -o filenames -o bashdefault -F _scour scour\n");
        return sb.ToString();
    }

    public static string Zsh()
    {
        var sb = new StringBuilder();
        sb.Append("#compdef scour\n# zsh completion for scour (scour --generate complete-zsh)\n\n");
        sb.Append("_scour() {\n  _arguments -s -S \\\n");
        foreach (var flag in FlagTable.All)
        {
            var help = ZshQuote(flag.Summary);
            var value = flag.TakesValue
                ? ":" + flag.ValueName!.ToLowerInvariant() + ":" + (flag.Choices is { } c ? "(" + string.Join(' ', c) + ")" : TakesPath(flag) ? "_files" : " ")
                : "";
            foreach (var spelling in Spellings(flag))
            {
                var eq = flag.TakesValue && spelling.StartsWith("--", StringComparison.Ordinal) ? "=" : "";
                sb.Append("    '").Append(Repeatable(flag) ? "*" : "").Append(spelling).Append(eq).Append('[').Append(help).Append(']').Append(value).Append("' \\\n");
            }

            if (flag.Negation is { } negation)
            {
                sb.Append("    '--").Append(negation).Append("[undo --").Append(flag.Long).Append("]' \\\n");
            }
        }

        sb.Append("    '*:file:_files'\n}\n\n_scour \"$@\"\n");
        return sb.ToString();
    }

    public static string Fish()
    {
        var sb = new StringBuilder("# fish completion for scour (scour --generate complete-fish)\n");
        foreach (var flag in FlagTable.All)
        {
            sb.Append("complete -c scour");
            if (flag.Short is { } s)
            {
                sb.Append(" -s ").Append(s);
            }

            sb.Append(" -l ").Append(flag.Long);
            foreach (var alias in flag.Aliases)
            {
                sb.Append(" -l ").Append(alias);
            }

            if (flag.TakesValue)
            {
                sb.Append(flag.Choices is { } choices ? $" -x -a '{string.Join(' ', choices)}'" : TakesPath(flag) ? " -r -F" : " -x");
            }

            sb.Append(" -d '").Append(flag.Summary.Replace("'", "\\'", StringComparison.Ordinal)).Append("'\n");
            if (flag.Negation is { } negation)
            {
                sb.Append("complete -c scour -l ").Append(negation).Append(" -d 'Undo --").Append(flag.Long).Append("'\n");
            }
        }

        return sb.ToString();
    }

    public static string PowerShell()
    {
        var sb = new StringBuilder();
        sb.Append("# PowerShell completion for scour (scour --generate complete-powershell)\n");
        sb.Append("Register-ArgumentCompleter -Native -CommandName 'scour' -ScriptBlock {\n");
        sb.Append("    param($wordToComplete, $commandAst, $cursorPosition)\n");
        sb.Append("    $flags = @(\n");
        foreach (var flag in FlagTable.All)
        {
            foreach (var spelling in Spellings(flag))
            {
                sb.Append("        @('").Append(spelling).Append("', '").Append(flag.Summary.Replace("'", "''", StringComparison.Ordinal)).Append("')\n");
            }

            if (flag.Negation is { } negation)
            {
                sb.Append("        @('--").Append(negation).Append("', 'Undo --").Append(flag.Long).Append("')\n");
            }
        }

        sb.Append("    )\n");
        sb.Append("    $flags | Where-Object { $_[0] -like \"$wordToComplete*\" } | ForEach-Object {\n");
        sb.Append("        [System.Management.Automation.CompletionResult]::new($_[0], $_[0], 'ParameterName', $_[1])\n");
        sb.Append("    }\n}\n");
        return sb.ToString();
    }

    private static IEnumerable<string> Spellings(Flag flag)
    {
        if (flag.Short is { } s)
        {
            yield return "-" + s;
        }

        yield return "--" + flag.Long;
        foreach (var alias in flag.Aliases)
        {
            yield return "--" + alias;
        }
    }

    // Flags whose value is a file: the shells complete file names for them.
    private static bool TakesPath(Flag flag) => flag.ValueName is "PATH" or "PATTERNFILE" or "COMMAND";

    private static bool Repeatable(Flag flag) => flag.Long is "regexp" or "file" or "glob" or "iglob" or "type" or "type-not" or "type-add" or "type-clear" or "ignore-file" or "pre-glob";

    private static string ZshQuote(string text) =>
        text.Replace("'", "'\\''", StringComparison.Ordinal).Replace("[", "\\[", StringComparison.Ordinal).Replace("]", "\\]", StringComparison.Ordinal).Replace(":", "\\:", StringComparison.Ordinal);
}
