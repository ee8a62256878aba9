using Scour.Cli.Tests.Infrastructure;

namespace Scour.Cli.Tests.Differential;

/// <summary>The configuration file: SCOUR_CONFIG_PATH for scour, RIPGREP_CONFIG_PATH for rg, same file.</summary>
public sealed class ConfigFileTests : IDisposable
{
    private readonly string _config = Path.Combine(Path.GetTempPath(), "scour-config-" + Guid.NewGuid().ToString("N"));

    public void Dispose() => File.Delete(_config);

    private void Compare(string config, params string[] args)
    {
        File.WriteAllText(_config, config);
        var rg = CommandRunner.Run(Oracle.Require("rg"), args, FixtureTree.Root, environment: new Dictionary<string, string> { ["RIPGREP_CONFIG_PATH"] = _config });
        var scour = CommandRunner.Run(ScourBinary.Executable, args, FixtureTree.Root, environment: new Dictionary<string, string> { ["SCOUR_CONFIG_PATH"] = _config });
        Assert.Equal(rg.SortedLines(), scour.SortedLines());
        Assert.Equal(rg.ExitCode, scour.ExitCode);
    }

    [OracleTheory("rg")]
    [InlineData("--ignore-case\n# a comment\n\n-n\n", "HELLO", "README.md")]
    [InlineData("--ignore-case\n", "--no-config", "HELLO", "README.md")]
    [InlineData("--max-count=1\n--context\n1\n", "match", "context.txt")]
    [InlineData("-s\n", "-i", "HELLO", "README.md")]
    [InlineData("--glob=*.rs\n", "--files")]
    [InlineData("--bogus-flag\n", "hello")]
    public void Matches_ripgrep(string config, params string[] args) => Compare(config, args);
}
