using System.Text;
using Scour.Cli.Tests.Infrastructure;

namespace Scour.Cli.Tests.Rewriting;

/// <summary>
/// Rewrites checked against real tools on seeded random trees: every file <c>--write</c> produces must
/// equal what <c>rg --passthru -r</c> prints for it (ripgrep's own replacement of the same matches),
/// and the <c>--diff</c> output, applied by <c>git apply</c> to a copy, must produce the same tree.
/// </summary>
public sealed class RewriteDifferentialTests : IDisposable
{
    private static readonly string[] Words = ["foo", "Foo", "FOO", "bar", "baz", "a.b", "x=1", "y=22", "é", "Жук", "  ", "\t", "foofoo", "_foo", "foo_"];

    private readonly RewriteTree _t = new();

    public void Dispose() => _t.Dispose();

    public static TheoryData<string> Cases => new()
    {
        "foo|REPLACED",
        "-i|foo|bar",
        "-w|foo|W",
        "-F|a.b|[dot]",
        @"(\w)=(\d+)|$2=$1",
        @"(?P<word>[A-Z]\w*)|<${word}>",
        "^|> ",
        "$|;",
        "o+|0",
        @"\s+| ",
        "-x|foo bar|whole",
        "Жук|beetle",
        "-S|foo|",
        "--crlf|foo$|END",
    };

    // "FLAG|...|PATTERN|REPLACEMENT"
    private static (string[] Flags, string Pattern, string Replacement) Parse(string spec)
    {
        var parts = spec.Split('|');
        return (parts[..^2], parts[^2], parts[^1]);
    }

    // A fresh tree of 12 files of random lines from a small vocabulary, some CRLF, some without a final newline.
    private void MakeTree(int seed)
    {
        Directory.Delete(_t.Tree, recursive: true);
        var random = new Random(seed);
        for (var f = 0; f < 12; f++)
        {
            var sb = new StringBuilder();
            var lines = random.Next(0, 30);
            for (var l = 0; l < lines; l++)
            {
                var words = random.Next(0, 6);
                for (var w = 0; w < words; w++)
                {
                    sb.Append(Words[random.Next(Words.Length)]).Append(random.Next(3) == 0 ? "" : " ");
                }

                sb.Append(random.Next(8) == 0 ? "\r\n" : "\n");
            }

            if (f % 4 == 3 && sb.Length > 0)
            {
                sb.Length -= sb.ToString().EndsWith("\r\n", StringComparison.Ordinal) ? 2 : 1; // no final line ending
            }

            _t.Write($"d{f % 3}/f{f}.txt", sb.ToString());
        }
    }

    [OracleTheory("rg")]
    [MemberData(nameof(Cases))]
    public void Write_equals_rg_passthru_replace(string spec)
    {
        var (flags, pattern, replacement) = Parse(spec);
        var rg = Oracle.Require("rg");
        for (var seed = 0; seed < 4; seed++)
        {
            MakeTree(seed);
            var expected = new Dictionary<string, byte[]>();
            foreach (var file in Directory.GetFiles(_t.Tree, "*", SearchOption.AllDirectories))
            {
                var r = CommandRunner.Run(rg, [.. flags, "--passthru", "--no-line-number", "--no-filename", "--color=never", "-r", replacement, "--", pattern, file], _t.Tree);
                var bytes = File.ReadAllBytes(file);

                // rg ends every printed line with a line terminator; a file without one keeps having none.
                var added = bytes.Length == 0 || bytes[^1] == '\n' ? 0 : r.Stdout.AsSpan().EndsWith("\r\n"u8) && flags.Contains("--crlf") ? 2 : 1;
                expected[file] = r.ExitCode == 1 ? bytes : r.Stdout[..^added];
            }

            var w = _t.Scour([.. flags, "-r", replacement, "--write", "--", pattern]);
            Assert.True(w.ExitCode is 0 or 1, w.Stderr);
            foreach (var (file, bytes) in expected)
            {
                // With --crlf, rg's printer ends every replaced line with \r\n (and adds one at the end);
                // a rewrite keeps each line's own ending, so only the line contents are compared.
                var (want, got) = (Encoding.UTF8.GetString(bytes), File.ReadAllText(file));
                if (flags.Contains("--crlf"))
                {
                    (want, got) = (want.Replace("\r\n", "\n", StringComparison.Ordinal).TrimEnd('\n'), got.Replace("\r\n", "\n", StringComparison.Ordinal).TrimEnd('\n'));
                }

                Assert.True(want == got, $"seed {seed}, {file}:\nexpected {want.Replace("\r", "\\r", StringComparison.Ordinal)}\nactual   {got.Replace("\r", "\\r", StringComparison.Ordinal)}");
            }
        }
    }

    [OracleTheory("git")]
    [MemberData(nameof(Cases))]
    public void Diff_applied_by_git_equals_write(string spec)
    {
        var (flags, pattern, replacement) = Parse(spec);
        var git = Oracle.Require("git");
        for (var seed = 10; seed < 14; seed++)
        {
            MakeTree(seed);
            var copy = Path.Combine(_t.Root, "copy");
            if (Directory.Exists(copy))
            {
                Directory.Delete(copy, recursive: true);
            }

            CopyTree(_t.Tree, copy);
            var diff = _t.Scour([.. flags, "-r", replacement, "--diff", "-C", (seed % 3).ToString(System.Globalization.CultureInfo.InvariantCulture), "--", pattern]);
            Assert.True(diff.ExitCode is 0 or 1, diff.Stderr);
            var patch = Path.Combine(_t.Root, "changes.patch");
            File.WriteAllBytes(patch, diff.Stdout);
            if (diff.Stdout.Length > 0)
            {
                var apply = CommandRunner.Run(git, ["apply", "--unidiff-zero", "--whitespace=nowarn", patch], copy);
                Assert.True(apply.ExitCode == 0, $"seed {seed}: git apply failed: {apply.Stderr}\n{diff.StdoutText}");
            }

            _t.Scour([.. flags, "-r", replacement, "--write", "--", pattern]);
            Assert.Equal(RewriteTree.Snapshot(_t.Tree), RewriteTree.Snapshot(copy));
        }
    }

    private static void CopyTree(string from, string to)
    {
        foreach (var file in Directory.GetFiles(from, "*", SearchOption.AllDirectories))
        {
            var target = Path.Combine(to, Path.GetRelativePath(from, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }
    }
}
