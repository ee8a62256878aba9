using System.Text;
using Scour.Cli.Tests.Infrastructure;

namespace Scour.Cli.Tests.EndToEnd;

/// <summary>The library and the CLI are one engine: the same search gives the same lines.</summary>
public class LibraryParityTests
{
    [Theory]
    [InlineData("hello", false, false)]
    [InlineData("h[a-z]+o", true, false)]
    [InlineData("match", false, true)]
    public void Cli_and_library_agree_on_the_fixture(string pattern, bool ignoreCase, bool context)
    {
        var args = new List<string> { "--no-heading", "-n", "--color", "never", pattern };
        var builder = new SearchBuilder(pattern);
        if (ignoreCase)
        {
            args.Insert(0, "-i");
            builder.IgnoreCase();
        }

        if (context)
        {
            args.Insert(0, "-C1");
            builder.Context(1, 1);
        }

        var cli = ScourBinary.Run(FixtureTree.Root, [.. args]);
        var lines = new List<string>();
        foreach (var file in builder.Build().Search(FixtureTree.Root))
        {
            var path = Path.GetRelativePath(FixtureTree.Root, file.Path);
            if (file.BinaryOffset is not null && file.Lines.Count == 0)
            {
                continue;
            }

            foreach (var line in file.Lines)
            {
                var separator = line.Kind == Results.LineKind.Match ? ':' : '-';
                lines.Add($"{path}{separator}{line.LineNumber}{separator}{Encoding.Latin1.GetString(line.Bytes.Span)}");
            }
        }

        var expected = cli.SortedLines().Split('\n')
            .Where(l => l.Length > 0 && l != "--" && !l.Contains("WARNING: stopped searching binary file", StringComparison.Ordinal))
            .ToList();
        lines.Sort(StringComparer.Ordinal);
        Assert.Equal(expected, lines);
    }
}
