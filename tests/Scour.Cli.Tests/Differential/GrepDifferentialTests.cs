using Scour.Cli.Tests.Infrastructure;

namespace Scour.Cli.Tests.Differential;

/// <summary>
/// POSIX-flag behaviour against GNU grep on single files, for patterns whose meaning is the same in
/// ERE and in ripgrep's dialect. grep runs with LC_ALL=C.UTF-8 and -E (or -F); output is compared exactly.
/// </summary>
public class GrepDifferentialTests
{
    public static TheoryData<string, string> Cases => new()
    {
        { "-n", "hello README.md" },
        { "-c", "hello README.md" },
        { "-v", "hello README.md" },
        { "-v -c", "hello README.md" },
        { "-i -n", "hello README.md" },
        { "-o", "'[a-z]+_[a-z]+' README.md" },
        { "-x", "'nothing here' README.md" },
        { "-w", "bar README.md" },
        { "-l", "hello README.md context.txt" },
        { "-c", "match context.txt" },
        { "-n -A1", "'line 1[23] ' context.txt" },
        { "-n -B2", "'line 30 ' context.txt" },
        { "-n -C1", "'line (3|5) ' context.txt" },
        { "-m2 -n", "match context.txt" },
        { "-F", "'(' src/main.rs" },
        { "-e fn -e pub -n", "src/lib.rs" },
        { "-n", "'^(fn|pub) ' src/lib.rs" },
        { "-o -n", "'[0-9]+' context.txt" },
    };

    [OracleTheory("grep")]
    [MemberData(nameof(Cases))]
    public void Matches_gnu_grep(string flags, string rest)
    {
        var flagArgs = ArgSplitter.Split(flags);
        var restArgs = ArgSplitter.Split(rest);
        var env = new Dictionary<string, string> { ["LC_ALL"] = "C.UTF-8" };
        string[] syntax = flagArgs.Contains("-F") ? [] : ["-E"];
        var grep = CommandRunner.Run(Oracle.Require("grep"), [.. syntax, .. flagArgs, .. restArgs], FixtureTree.Root, environment: env);
        var scour = ScourBinary.Run(FixtureTree.Root, [.. flagArgs, .. restArgs]);
        Assert.Equal(grep.StdoutText, scour.StdoutText);
        Assert.Equal(grep.ExitCode, scour.ExitCode);
    }
}
