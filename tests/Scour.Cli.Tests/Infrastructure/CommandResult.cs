using System.Text;

namespace Scour.Cli.Tests.Infrastructure;

/// <summary>What a finished command printed and returned.</summary>
public sealed record CommandResult(byte[] Stdout, string Stderr, int ExitCode)
{
    public string StdoutText => Encoding.UTF8.GetString(Stdout);

    /// <summary>Stdout with its control bytes spelled out (<c>\r \n \0</c>, ESC as <c>\e</c>), for a failure message.</summary>
    public string StdoutEscaped => StdoutText.Replace("\r", "\\r").Replace("\n", "\\n").Replace("\x1b", "\\e").Replace("\0", "\\0");

    /// <summary>Stdout split into lines and sorted bytewise, for output whose file order is not fixed.</summary>
    public string SortedLines()
    {
        var text = Encoding.Latin1.GetString(Stdout);
        var separator = !text.Contains('\n', StringComparison.Ordinal) && text.Contains('\0', StringComparison.Ordinal) ? '\0' : '\n';
        var lines = text.Split(separator).ToList();
        lines.Sort(StringComparer.Ordinal);
        return string.Join("\n", lines);
    }
}
