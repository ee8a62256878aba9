using Scour.Cli.Tests.Infrastructure;

namespace Scour.Cli.Tests.Differential;

/// <summary>git's global excludes file, found the ways ripgrep finds it, compared with rg.</summary>
public sealed class GlobalExcludesTests : IDisposable
{
    private readonly string _home = Path.Combine(Path.GetTempPath(), "scour-home-" + Guid.NewGuid().ToString("N"));

    public GlobalExcludesTests() => Directory.CreateDirectory(_home);

    public void Dispose() => Directory.Delete(_home, recursive: true);

    private void Compare(Dictionary<string, string> environment, params string[] args)
    {
        var rg = CommandRunner.Run(Oracle.Require("rg"), args, FixtureTree.Root, environment: environment);
        var scour = CommandRunner.Run(ScourBinary.Executable, args, FixtureTree.Root, environment: environment);
        Assert.Equal(rg.SortedLines(), scour.SortedLines());
        Assert.Equal(rg.ExitCode, scour.ExitCode);
    }

    [OracleFact("rg")]
    public void Core_excludes_file_from_gitconfig()
    {
        File.WriteAllText(Path.Combine(_home, ".gitconfig"), "[core]\n\texcludesFile = ~/global.ignore\n");
        File.WriteAllText(Path.Combine(_home, "global.ignore"), "*.rs\ncontext.txt\n");
        var env = new Dictionary<string, string> { ["HOME"] = _home, ["XDG_CONFIG_HOME"] = Path.Combine(_home, ".config") };
        Compare(env, "--files");
        Compare(env, "--files", "--no-ignore-global");
        Compare(env, "hello", "-c");
    }

    [OracleFact("rg")]
    public void Xdg_default_ignore_file()
    {
        Directory.CreateDirectory(Path.Combine(_home, "xdg", "git"));
        File.WriteAllText(Path.Combine(_home, "xdg", "git", "ignore"), "*.md\n");
        var env = new Dictionary<string, string> { ["HOME"] = _home, ["XDG_CONFIG_HOME"] = Path.Combine(_home, "xdg") };
        Compare(env, "--files");
        Compare(env, "--files", "--no-ignore-vcs");
    }
}
