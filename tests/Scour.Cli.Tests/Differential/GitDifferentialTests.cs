using Scour.Cli.Tests.Infrastructure;

namespace Scour.Cli.Tests.Differential;

/// <summary>
/// Ignore semantics against git itself: the files scour would search (hidden files included, .ignore
/// files off, since git knows neither) must be exactly the untracked, non-ignored files git lists.
/// </summary>
public class GitDifferentialTests
{
    [OracleFact("git")]
    public void Files_agree_with_git_ls_files()
    {
        var git = CommandRunner.Run(Oracle.Require("git"), ["ls-files", "--others", "--exclude-standard"], FixtureTree.Root);
        var scour = ScourBinary.Run(FixtureTree.Root, "--files", "--hidden", "--no-ignore-dot");
        Assert.Equal(0, git.ExitCode);

        // git lists symbolic links as files; ripgrep's rules (and scour's) skip them unless -L.
        var expected = Lines(git.StdoutText).Where(p => !p.StartsWith("links/", StringComparison.Ordinal) || p == "links/real.txt").ToList();
        var actual = Lines(scour.StdoutText).Where(p => !p.StartsWith(".git/", StringComparison.Ordinal)).ToList();
        Assert.Equal(expected, actual);
    }

    [OracleFact("git")]
    public void Check_ignore_agrees_on_every_path()
    {
        var all = Lines(ScourBinary.Run(FixtureTree.Root, "--files", "-uu").StdoutText)
            .Where(p => !p.StartsWith(".git/", StringComparison.Ordinal)).ToList();
        var searched = Lines(ScourBinary.Run(FixtureTree.Root, "--files", "--hidden", "--no-ignore-dot").StdoutText).ToHashSet(StringComparer.Ordinal);
        var checkIgnore = CommandRunner.Run(Oracle.Require("git"), ["check-ignore", "--no-index", .. all], FixtureTree.Root);
        var ignoredByGit = Lines(checkIgnore.StdoutText).ToHashSet(StringComparer.Ordinal);
        foreach (var path in all)
        {
            Assert.True(ignoredByGit.Contains(path) != searched.Contains(path), $"git and scour disagree on {path}");
        }
    }

    private static List<string> Lines(string text) =>
        text.Split('\n', StringSplitOptions.RemoveEmptyEntries).Order(StringComparer.Ordinal).ToList();
}
