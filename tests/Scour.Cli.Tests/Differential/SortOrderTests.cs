using Scour.Cli.Tests.Infrastructure;

namespace Scour.Cli.Tests.Differential;

/// <summary>
/// --sort and --sortr by name and by modification time, on a tree whose timestamps are set explicitly.
/// (Access times are not compared: listing a directory updates its access time between the two runs.)
/// </summary>
public sealed class SortOrderTests : IDisposable
{
    private readonly string _root = Path.Combine(Path.GetTempPath(), "scour-sort-" + Guid.NewGuid().ToString("N"));

    public SortOrderTests()
    {
        var start = new DateTime(2020, 1, 1, 0, 0, 0, DateTimeKind.Utc);
        string[] files = ["m.txt", "a.txt", "z.txt", "sub/b.txt", "sub/y.txt", "c.txt"];
        for (var i = 0; i < files.Length; i++)
        {
            var path = Path.Combine(_root, files[i]);
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            File.WriteAllText(path, "hello\n");

            File.SetLastWriteTimeUtc(path, start.AddHours((i * 7) % files.Length)); // a shuffled order
        }

        Directory.SetLastWriteTimeUtc(Path.Combine(_root, "sub"), start.AddHours(2.5));
    }

    public void Dispose() => Directory.Delete(_root, recursive: true);

    [OracleTheory("rg")]
    [InlineData("--files", "--sort", "modified")]
    [InlineData("--files", "--sortr", "modified")]
    [InlineData("--files", "--sortr", "path")]
    [InlineData("--files", "--sort", "path", "--sortr", "modified")]
    [InlineData("-n", "hello", "--sort", "modified")]
    [InlineData("--files", "--sort", "sideways")]
    public void Order_matches_ripgrep(params string[] args)
    {
        var rg = CommandRunner.Run(Oracle.Require("rg"), args, _root);
        var scour = ScourBinary.Run(_root, args);
        Assert.Equal(rg.StdoutText, scour.StdoutText);
        Assert.Equal(rg.ExitCode, scour.ExitCode);
    }
}
