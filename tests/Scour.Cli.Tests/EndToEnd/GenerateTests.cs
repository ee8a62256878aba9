using System.Text.RegularExpressions;
using Scour.Cli.Tests.Infrastructure;

namespace Scour.Cli.Tests.EndToEnd;

/// <summary>--generate: each script is loaded by its real shell, and every flag of --help is in each output.</summary>
public sealed class GenerateTests : IDisposable
{
    private readonly string _dir = Path.Combine(Path.GetTempPath(), "scour-gen-" + Guid.NewGuid().ToString("N"));

    public GenerateTests() => Directory.CreateDirectory(_dir);

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private static readonly string[] SortValues = ["accessed", "created", "modified", "none", "path"];

    private static readonly Lazy<string[]> HelpFlags = new(() =>
        [.. Regex.Matches(ScourBinary.Run(Path.GetTempPath(), "--help").StdoutText, @"(?m)^    (?:-\S(?: [A-Z]+)?, )?(--[a-z0-9-]+)").Select(m => m.Groups[1].Value)]);

    private string Generate(string kind)
    {
        var r = ScourBinary.Run(_dir, "--generate", kind);
        Assert.Equal(0, r.ExitCode);
        var path = Path.Combine(_dir, kind);
        File.WriteAllText(path, r.StdoutText);
        return path;
    }

    [Theory]
    [InlineData("man")]
    [InlineData("complete-bash")]
    [InlineData("complete-zsh")]
    [InlineData("complete-fish")]
    [InlineData("complete-powershell")]
    public void Every_flag_is_in_the_output(string kind)
    {
        var text = File.ReadAllText(Generate(kind));
        Assert.True(HelpFlags.Value.Length > 90, "help lists the flags");
        var spelled = kind == "man" ? text.Replace("\\-", "-", StringComparison.Ordinal) : text;
        Assert.All(HelpFlags.Value, flag => Assert.Contains(kind == "complete-fish" ? "-l " + flag[2..] : flag, spelled, StringComparison.Ordinal));
    }

    [OracleFact("groff")]
    public void Man_page_renders_without_warnings()
    {
        var r = CommandRunner.Run("groff", ["-man", "-Tutf8", "-ww", "-z", Generate("man")], _dir);
        Assert.Equal((0, ""), (r.ExitCode, r.Stderr));
    }

    [Fact]
    public void Bash_completes_flags_and_their_values()
    {
        var script = Generate("complete-bash");
        var r = CommandRunner.Run("bash", ["-c", $"source '{script}'; for line in 'scour --hid' 'scour --sort m' 'scour -E '; do read -ra COMP_WORDS <<< \"$line\"; [[ $line == *' ' ]] && COMP_WORDS+=(''); COMP_CWORD=$((${{#COMP_WORDS[@]}}-1)); _scour; echo \"${{COMPREPLY[*]}}\"; done"], _dir);
        Assert.Equal("--hidden\nmodified\n\n", r.StdoutText);
    }

    [OracleFact("fish")]
    public void Fish_completes_flags_and_their_values()
    {
        var script = Generate("complete-fish");
        var r = CommandRunner.Run("fish", ["-c", $"source '{script}'; complete -C 'scour --hid'; complete -C 'scour --sort='"], _dir);
        Assert.Equal(
            "--hidden\tSearch hidden files and directories.\n" + string.Concat(SortValues.Select(v => $"--sort={v}\tSort results in ascending order (forces one thread).\n")),
            r.StdoutText);
    }

    [OracleFact("zsh")]
    public void Zsh_reads_the_script()
    {
        var r = CommandRunner.Run("zsh", ["-n", Generate("complete-zsh")], _dir);
        Assert.Equal((0, ""), (r.ExitCode, r.Stderr));
    }
}
