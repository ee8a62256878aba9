using System.Text;
using Scour.Cli.Tests.Infrastructure;

namespace Scour.Cli.Tests.Differential;

/// <summary>
/// The observable changes from rg 13 to rg 15.2 (<c>shared/research/ripgrep-15.md</c>, its row numbers
/// in the comments), each run through rg 15.2 and through scour linked as <c>rg</c>: stdout, stderr and
/// the exit code must be the same bytes. Paths with several files use <c>-j1</c> or <c>--sort</c>, or
/// compare sorted lines, because the multi-threaded order is not fixed in either tool.
/// </summary>
public sealed class Ripgrep15Tests : IDisposable
{
    private readonly string _root = Path.Combine(Path.GetTempPath(), "scour-rg15-" + Guid.NewGuid().ToString("N")[..8]);

    public Ripgrep15Tests()
    {
        Write("a.txt", "alpha one\nbeta two\nfoo three\ngamma four\nfoo foo five\ndelta six\nepsilon seven\nfoo eight\n");
        Write("b.txt", "nothing here\nzzz\n");
        Write("sub/c.rs", "sub foo line\nanother\n");
        Write("mix.txt", "hello\nworld\r\n");
        Write("yes", "abc\n");
        Write("non", "xyz\n");
        Write("empty.pat", "");
        Write("h.txt", "h1\nh2\n");
        Write("ab.txt", "a\nb\na\nb\na\nb\n");
        Write("bin.dat", "foo\0bar\n");
        Write("words.txt", "I have 12, he has 2!\n");
        Write("w.txt", "###\na ++ b\nsome.domain.com\nsome.domain.com/x\n");
        Write("trim.txt", "    foo bar baz qux quux\n");
        Write("noeol.txt", "ab\ncd");
        Write("hl.txt", "foo mid foo\nxfoo\n");
        Write("u.txt", "aé b\n");

        // Ignore rules (rows 25-34).
        Write("r25/.ignore", "/a/b\n");
        Write("r25/a/b/test.txt", "Sample text\n");
        Write("r25b/.ignore", "build/\n!/some_dir/build/\n");
        Write("r25b/some_dir/build/foo", "string\n");
        Write("r25c/.ignore", "rust/target\n");
        Write("r25c/rust/source.rs", "needle\n");
        Write("r25c/rust/target/out.html", "needle\n");
        Write("r27/.gitignore", "*.txt\n");
        Write("r27/.rgignore", "!b.txt\n");
        Write("r27/b.txt", "needle\n");
        Write("r27/c.txt", "needle\n");
        Directory.CreateDirectory(Path.Combine(_root, "r27/.git"));
        Write("r28/.ignore", "a.txt\n");
        Write("r28/.gitignore", "b.txt\n");
        Directory.CreateDirectory(Path.Combine(_root, "r28/.git"));
        foreach (var f in new[] { "a", "b", "c" })
        {
            Write($"r28/{f}.txt", "needle\n");
        }

        Write("r29/.gitignore", "\uFEFF*.log\n");
        Write("r29/a.log", "x\n");
        Write("r29/keep.txt", "x\n");
        Directory.CreateDirectory(Path.Combine(_root, "r29/.git"));
        File.WriteAllBytes(Path.Combine(_root, "inv.txt"), [.. "foo "u8, 0xFF, .. " bar\nfoo x bar\n"u8]); // row 12
        Write("r29d/.gitignore", "foo\\/\n"); // an escaped trailing slash: a directory rule, as rg 14+ reads it
        Write("r29d/foo/x", "x\n");
        Write("r29d/bar/y", "x\n");
        Directory.CreateDirectory(Path.Combine(_root, "r29d/.git"));
        Write("r29e/.gitignore", "foo\\\n"); // errors: named as the walk shows the file; above the root, absolute and fatal
        Write("r29e/sub/.gitignore", "bar\\\n");
        Write("r29e/sub/inner/.ignore", "baz\\\n");
        Write("r29e/sub/inner/a", "x\n");
        Directory.CreateDirectory(Path.Combine(_root, "r29e/.git"));
        Write("r29c/.gitignore", "[abc\n");
        Write("r29c/[abc", "x\n");
        Write("r29c/keep.txt", "x\n");
        Directory.CreateDirectory(Path.Combine(_root, "r29c/.git"));
        foreach (var f in new[] { "a.rs", "b.toml", "c.md", "d.txt" })
        {
            Write($"r30/{f}", "needle\n");
        }

        Write("r30/asdf/foo", "x\n");
        Write("r30/asdf./foo", "x\n");
        Directory.CreateDirectory(Path.Combine(_root, "r31/.jj"));
        Write("r31/.gitignore", "*.log\n");
        Write("r31/a.log", "x\n");
        Write("r31/keep.txt", "x\n");
        Write("r32/.gitignore", "*.log\n");
        Directory.CreateDirectory(Path.Combine(_root, "r32/inner/.git"));
        Write("r32/inner/a.log", "x\n");
        Write("r32/inner/keep.txt", "x\n");
        Write("r34/.test.gitignore", "/haystack\n");
        Write("r34/a/b/c/haystack", "x\n");
        File.CreateSymbolicLink(Path.Combine(_root, "broken"), "nowhere");
        Directory.CreateSymbolicLink(Path.Combine(_root, "linkdir"), "sub");
    }

    public static TheoryData<string> Cases => new(
    [
        // 2, 3, 18-20: the parser's messages.
        "--no-such-flag", "--colour", "--hiden", "--count-match", "--col", "-y", "-A x foo", "-m -1 foo", "-A",
        "--sort bogus foo", "--engine pcre3 foo", "--max-filesize 1Q foo", "--dfa-size-limit 9999999999999999999G foo",
        "--colors match:bogus:red foo", "--colors x:fg:red foo", "-E bogus foo", "--path-separator // foo", "--color=bogus",
        "-i=x foo a.txt", "-in=x foo", "--heading=yes foo a.txt", "-uuuu -l foo", "-A 1 -A 0 foo a.txt", "",
        // 4, 48, 11: pattern errors.
        "'foo(' a.txt", "'a)' a.txt", "'[z-a]' a.txt", "-e ok -e 'b(' a.txt", "-w 'x(' a.txt", "'foo(?=x)' a.txt",
        "'(a)\\1' a.txt", "'a\\nb' a.txt", "--null-data '\\x00' a.txt", "'\\x00' a.txt", "'\\x00' bin.dat",
        "--binary '\\x00' bin.dat", "-U 'foo\\x00' bin.dat", "-a '\\x00' bin.dat", "'[\\x00-\\x01]' bin.dat",
        // 5, 6, 17: context and modes, last one wins.
        "-n -C1 -A0 foo a.txt", "-n -A0 -C1 foo a.txt", "-n -B0 -C1 foo a.txt", "-C1 -A2 foo a.txt",
        "-c -l foo a.txt b.txt", "-l -c foo a.txt b.txt", "--json -c foo a.txt", "--files --json", "--files -l sub",
        "--type-list --files sub", "--no-line-number -p foo a.txt", "-p --no-line-number foo a.txt",
        // 7, 10: -w and \b.
        "-w -o . w.txt", "-w -o '\\+' w.txt", "-w -o --column '([\\w]+[.])*domain[.](\\w)+' w.txt", "-o '\\b..\\b' words.txt",
        "-e '(?i)FOO' -e BETA a.txt",
        // 13-16: statistics and JSON.
        "--stats -j1 foo a.txt b.txt", "--no-mmap --stats -m1 foo a.txt", "--stats -l foo a.txt", "--stats -m1 -A1 foo a.txt",
        "--json -j1 foo a.txt b.txt", "--json -j1 zzz a.txt b.txt", "--json -r 'X$0' 'fo(o)' sub/c.rs", "--json -q -j1 foo a.txt b.txt",
        // 23, 35-39: colors, -vf, -q --files-without-match, -m with -U, --crlf -r, --trim before -M.
        "--colors match:style:italic --color always foo sub/c.rs", "--colors highlight:bg:yellow --color always -C1 foo sub/c.rs",
        "--colors highlight:bg:yellow --color always -r X foo hl.txt", "-f empty.pat a.txt", "-vf empty.pat h.txt",
        "-c -vf empty.pat h.txt", "--files-without-match -q abc non", "--files-without-match -q abc yes",
        "-U -m1 'a\\nb' ab.txt", "-U -m2 -c 'a\\nb' ab.txt", "--crlf -r '$0' . mix.txt", "--crlf -r Z o mix.txt",
        "--trim -M 15 --max-columns-preview foo trim.txt", "--trim -M 15 foo trim.txt",
        // Empty matches at the end of an unterminated last line, and rg 15's dialect relaxations.
        "--passthru -r ';' '$' noeol.txt", "-o 'x*' noeol.txt", "--json '$' noeol.txt", "--no-unicode -o 'é' u.txt", "-c '[a&&]' u.txt",
        // 25-34: ignore rules.
        "-l Sample r25/a", "@r25:-l Sample a", "@r25b:-l string some_dir", "@r25c:-l needle rust", "@r27:-l --no-ignore-dot needle",
        "@r28:-l --sort path --no-ignore --ignore-dot needle", "@r28:-l --sort path --no-ignore --ignore-vcs needle",
        "@r28:-l --sort path -u --ignore-dot needle", "@r29:--files", "@r29c:--files", "@r29d:--files --sort path", "@r29e:--files -j1", "@r29e:--files -j1 sub",
        "@r29e:--files -j1 sub/inner", "@r29e:--files -j1 --no-ignore-messages sub", "@r29e:--files -j1 --no-messages ./sub", "@r29e/sub:--files -j1 .", "@r30:-l --sort path -g '*.{rs,{toml,md}}' needle",
        "@r30:--files --sort path -g '!asdf./'", "@r31:--files", "@r32/inner:--files --no-require-git",
        // 42, 50: a lone path that is not a directory; -f - while searching stdin.
        "foo nosuch", "foo broken", "foo a.txt nosuch", "-f - -", "-g '*.zzz' foo", "foo sub -g '*.zzz'", "-m0 foo",
        // 22: a hyperlink spans rg's whole prelude (path, line, column, offset); under --heading only a
        // format with {line} links each line. A file that only prints the binary notice takes no separator.
        "-j1 --hyperlink-format=vscode --color=always --column foo a.txt sub", "-j1 --hyperlink-format=vscode --color=always --vimgrep foo a.txt",
        "-j1 --hyperlink-format='file://{path}#{line}' --color=always --heading -n foo a.txt sub", "-j1 --hyperlink-format=default --color=always --heading foo a.txt sub",
        "-j1 --hyperlink-format=vscode --color=always -0 -b -n foo a.txt sub", "--files --color=always --hyperlink-format=default sub",
        // A hyperlink points to the path as printed, made canonical: links resolved, and none when a
        // replaced separator leaves a path that names no file.
        "-j1 --hyperlink-format=default --color=always --path-separator '\\' foo a.txt sub", "-j1 -L --hyperlink-format=default --color=always -n foo linkdir",
        "--files -L --color=always --hyperlink-format=default linkdir", "--files --color=always --hyperlink-format=default --path-separator : sub",
        "-j1 --heading foo a.txt bin.dat sub", "-j1 -C1 foo a.txt bin.dat sub",
        // 12: with -P a match never includes or crosses a byte that is not UTF-8 (PCRE2's MATCH_INVALID_UTF).
        "-P 'foo . bar' inv.txt", "-P -o 'foo.*' inv.txt", "-P -o 'o.' inv.txt", "-P 'foo \\S bar' inv.txt", "-P -r X 'o.' inv.txt", "-P --json 'o.' inv.txt",
        // Nothing can match (-m0, no pattern without -v): rg searches nothing, not even a missing path.
        "-m0 --stats foo", "-m0 --files-without-match foo", "-m0 --json foo nosuch", "-f empty.pat --stats", "-m0 '('",
    ]);

    [OracleTheory("rg")]
    [MemberData(nameof(Cases))]
    public void Same_bytes_as_rg_15(string commandLine)
    {
        var directory = _root;
        if (commandLine.StartsWith('@'))
        {
            var colon = commandLine.IndexOf(':', StringComparison.Ordinal);
            directory = Path.Combine(_root, commandLine[1..colon]);
            commandLine = commandLine[(colon + 1)..];
        }

        var args = ArgSplitter.Split(commandLine);
        byte[]? stdin = args.Contains("-") ? [.. "foo\n"u8] : null; // a pipe on stdin only where "-" asks for it
        var scour = CommandRunner.Run(DropInRg.Executable, args, directory, stdin);
        var ordered = args.Count(a => !a.StartsWith('-')) <= 2 || args.Contains("-j1") || args.Contains("--sort");
        string Out(CommandResult r) => RgDifferentialTests.Normalize(ordered ? r.StdoutText : r.SortedLines());
        var rg = OracleRuns.Until(() => CommandRunner.Run(Oracle.Require("rg"), args, directory, stdin), r => Out(r) == Out(scour) && r.Stderr == scour.Stderr && r.ExitCode == scour.ExitCode);
        Assert.True(Out(rg) == Out(scour), $"stdout differs for: {commandLine}\n--- rg ---\n{Out(rg)}\n--- scour ---\n{Out(scour)}");
        Assert.True(rg.Stderr == scour.Stderr, $"stderr differs for: {commandLine}\n--- rg ---\n{rg.Stderr}\n--- scour ---\n{scour.Stderr}");
        Assert.True(rg.ExitCode == scour.ExitCode, $"exit code differs for: {commandLine}: rg {rg.ExitCode}, scour {scour.ExitCode}");
    }

    // Row 34: a rule of an --ignore-file applies when the search root is given as an absolute path.
    [OracleFact("rg")]
    public void Ignore_file_rules_apply_under_an_absolute_root()
    {
        var cwd = Path.Combine(_root, "r34/a/b/c");
        string[] args = ["--files", "--ignore-file", Path.Combine(_root, "r34/.test.gitignore"), Path.Combine(_root, "r34")];
        var rg = CommandRunner.Run(Oracle.Require("rg"), args, cwd);
        var scour = CommandRunner.Run(DropInRg.Executable, args, cwd);
        Assert.Equal(1, rg.ExitCode);
        Assert.Equal((rg.StdoutText, rg.Stderr, rg.ExitCode), (scour.StdoutText, scour.Stderr, scour.ExitCode));
    }

    // Row 24: on a terminal rg 15.2 colors --vimgrep output (its --color help still says --vimgrep turns
    // colors off: the binary is followed); --files paths are colored too. `script` gives both a terminal.
    [OracleTheory("rg")]
    [InlineData("--vimgrep foo a.txt")]
    [InlineData("-j1 --vimgrep foo")]
    [InlineData("--files sub")]
    [InlineData("-j1 foo")]
    [InlineData("-c foo a.txt b.txt")]
    public void On_a_terminal_colors_are_rg_15s(string commandLine)
    {
        CommandResult OnTerminal(string program) =>
            CommandRunner.Run(Oracle.Require("script"), ["-qefc", program + " " + commandLine, "/dev/null"], _root);
        var rg = OnTerminal(Oracle.Require("rg"));
        var scour = OnTerminal(DropInRg.Executable);
        Assert.Contains("\u001b[", rg.StdoutText, StringComparison.Ordinal);
        Assert.Equal((Encoding.Latin1.GetString(rg.Stdout), rg.ExitCode), (Encoding.Latin1.GetString(scour.Stdout), scour.ExitCode));
    }

    // Row 49: --engine auto when neither engine reads the pattern: both errors between rg 15's rules. The
    // last line is PCRE2's own message, which comes with PCRE2 itself (issue 15), so it is left out.
    [OracleTheory("rg")]
    [InlineData("a(?=b")]
    [InlineData("(?<=x) \\1")]
    public void Engine_auto_reports_both_errors_as_rg_15(string pattern)
    {
        string[] args = ["--engine", "auto", "-e", pattern, "-e", "c", "a.txt"];
        var rg = CommandRunner.Run(Oracle.Require("rg"), args, _root);
        var scour = CommandRunner.Run(DropInRg.Executable, args, _root);
        static string WithoutLastLine(string text) => text.TrimEnd('\n')[..text.TrimEnd('\n').LastIndexOf('\n')];
        Assert.Equal(2, rg.ExitCode);
        Assert.StartsWith("PCRE2: error compiling pattern", scour.Stderr.TrimEnd('\n').Split('\n')[^1], StringComparison.Ordinal);
        Assert.Equal((WithoutLastLine(rg.Stderr), rg.ExitCode), (WithoutLastLine(scour.Stderr), scour.ExitCode));
    }

    // Row 47: -h and --help in rg 15's layout. The skeleton (section titles; each flag's name column, in
    // order; which switches say how to undo them) is rg's exactly, plus Scour's own REWRITE section.
    [OracleTheory("rg")]
    [InlineData("-h")]
    [InlineData("--help")]
    public void Help_is_laid_out_as_rg_15_lays_it_out(string flag)
    {
        static List<string> Skeleton(string help, bool detailed)
        {
            var lines = new List<string>();
            foreach (var line in help.Split('\n'))
            {
                if (System.Text.RegularExpressions.Regex.IsMatch(line, "^[A-Z][A-Z ]+:$"))
                {
                    lines.Add(line);
                }
                else if (detailed ? line.StartsWith("    -", StringComparison.Ordinal) || line.StartsWith("    <", StringComparison.Ordinal) : line.StartsWith("  -", StringComparison.Ordinal) || line.StartsWith("  <", StringComparison.Ordinal))
                {
                    var column = line[2] == '<' ? 14 : 34; // -h: the names column and where the text starts
                    lines.Add(detailed ? line : line[..Math.Min(line.Length, column)]);
                }
                else if (line.Trim().StartsWith("This flag can be disabled with", StringComparison.Ordinal))
                {
                    lines.Add(line.Trim());
                }
            }

            return lines;
        }

        var detailed = flag == "--help";
        var rg = Skeleton(CommandRunner.Run(Oracle.Require("rg"), [flag], _root).StdoutText, detailed);
        var scour = Skeleton(CommandRunner.Run(DropInRg.Executable, [flag], _root).StdoutText, detailed);
        foreach (var section in new[] { "REWRITE OPTIONS:", "INDEX OPTIONS:" })
        {
            // Sections of scour's own flags, which rg does not have.
            var start = scour.IndexOf(section);
            Assert.True(start > 0, $"no {section} section");
            var end = scour.FindIndex(start + 1, l => l.EndsWith(':'));
            scour.RemoveRange(start, end - start);
        }
        Assert.Equal(9, rg.Count(l => l.EndsWith(':'))); // USAGE, POSITIONAL ARGUMENTS and the seven sections
        Assert.Equal(rg, scour);
    }

    [OracleFact("rg")]
    public void Version_lines_are_laid_out_as_rg_15_lays_them_out()
    {
        var rg = CommandRunner.Run(Oracle.Require("rg"), ["--version"], _root).StdoutText.Split('\n');
        var scour = CommandRunner.Run(DropInRg.Executable, ["--version"], _root).StdoutText.Split('\n');
        Assert.StartsWith("ripgrep 15.2.0 (", rg[0], StringComparison.Ordinal);
        Assert.StartsWith("ripgrep 15.2.0 (scour ", scour[0], StringComparison.Ordinal);
        static string Shape(string line) => line.Length == 0 ? "" : line.Split(':')[0].Split(' ')[0];
        Assert.Equal(rg.Select(Shape), scour.Select(Shape)); // blank, features, simd(compile), simd(runtime), blank, PCRE2
        Assert.Equal(scour[0] + "\n", CommandRunner.Run(DropInRg.Executable, ["-V"], _root).StdoutText);
    }

    [OracleFact("rg")]
    public void The_drop_in_reads_RIPGREP_CONFIG_PATH_and_an_empty_value_means_none()
    {
        var config = Path.Combine(_root, "rgconfig");
        File.WriteAllText(config, "# comment\n--ignore-case\n");
        foreach (var value in new[] { config, string.Empty, Path.Combine(_root, "missing-config") })
        {
            var env = new Dictionary<string, string> { ["RIPGREP_CONFIG_PATH"] = value };
            var rg = CommandRunner.Run(Oracle.Require("rg"), ["FOO", "a.txt"], _root, environment: env);
            var scour = CommandRunner.Run(DropInRg.Executable, ["FOO", "a.txt"], _root, environment: env);
            Assert.Equal((rg.StdoutText, rg.Stderr, rg.ExitCode), (scour.StdoutText, scour.Stderr, scour.ExitCode));
        }
    }

    private void Write(string relative, string text)
    {
        var path = Path.Combine(_root, relative);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllBytes(path, Encoding.UTF8.GetBytes(text));
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(_root, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}
