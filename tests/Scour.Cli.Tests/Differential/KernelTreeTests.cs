using Scour.Cli.Tests.Infrastructure;

namespace Scour.Cli.Tests.Differential;

/// <summary>
/// Ignore rules on a real, large tree: the Linux kernel from ../shared/bench/make-corpora.sh (~78,000
/// files, hundreds of .gitignore files). Runs when SCOUR_CORPORA names the corpus directory; CI does
/// not build the 2 GB corpora, so elsewhere it is skipped.
/// </summary>
public class KernelTreeTests
{
    private static readonly string? Linux = Environment.GetEnvironmentVariable("SCOUR_CORPORA") is { } c ? Path.Combine(c, "linux") : null;

    public sealed class KernelFactAttribute : FactAttribute
    {
        public KernelFactAttribute()
        {
            if (Linux is null || !Directory.Exists(Linux))
            {
                Skip = "set SCOUR_CORPORA to the directory built by ../shared/bench/make-corpora.sh";
            }
            else if (Oracle.SkipReason("git") is { } reason)
            {
                Skip = reason;
            }
        }
    }

    [KernelFact]
    public void Every_path_agrees_with_git_check_ignore()
    {
        var all = Lines(ScourBinary.Run(Linux!, "--files", "-uu").StdoutText).Where(p => !p.StartsWith(".git/", StringComparison.Ordinal)).ToList();
        var kept = Lines(ScourBinary.Run(Linux!, "--files", "--hidden", "--no-ignore-dot").StdoutText).ToHashSet(StringComparer.Ordinal);
        var stdin = System.Text.Encoding.UTF8.GetBytes(string.Join("\n", all) + "\n");
        var git = CommandRunner.Run(Oracle.Require("git"), ["check-ignore", "--no-index", "--stdin"], Linux!, stdin);
        var ignored = Lines(git.StdoutText).ToHashSet(StringComparer.Ordinal);
        var disagreements = all.Where(p => ignored.Contains(p) == kept.Contains(p)).Take(20).ToList();
        Assert.True(all.Count > 70_000, $"only {all.Count} files found");
        Assert.True(disagreements.Count == 0, "git and scour disagree on:\n" + string.Join("\n", disagreements));
    }

    [KernelFact]
    public void Files_agree_with_rg()
    {
        var rg = CommandRunner.Run(Oracle.Require("rg"), ["--files"], Linux!);
        var scour = ScourBinary.Run(Linux!, "--files");
        Assert.Equal(rg.SortedLines(), scour.SortedLines());
    }

    private static List<string> Lines(string text) => text.Split('\n', StringSplitOptions.RemoveEmptyEntries).ToList();
}
