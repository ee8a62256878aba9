using System.Text;

namespace Scour.Cli.Tests.Infrastructure;

/// <summary>What a finished command printed and returned.</summary>
public sealed record CommandResult(byte[] Stdout, string Stderr, int ExitCode)
{
    public string StdoutText => Encoding.UTF8.GetString(Stdout);

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
