using System.Diagnostics;
using System.Text;
using Scour.Cli.Tests.Infrastructure;

namespace Scour.Cli.Tests.EndToEnd;

/// <summary>The published binary on its own: streams, exit codes, messages.</summary>
public sealed class CliTests : IDisposable
{
    private readonly string _dir = Path.Combine(Path.GetTempPath(), "scour-cli-" + Guid.NewGuid().ToString("N"));

    public CliTests()
    {
        Directory.CreateDirectory(_dir);
        File.WriteAllText(Path.Combine(_dir, "a.txt"), "hello world\nbye\n");
    }

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private static CommandResult Shell(string script, string cwd) =>
        CommandRunner.Run("/bin/sh", ["-c", script], cwd);

    [Fact]
    public void Hyperlink_format_wraps_colored_paths()
    {
        var r = ScourBinary.Run(_dir, "--hyperlink-format", "vscode", "--color", "always", "--colors", "line:none", "-H", "-n", "--column", "world", "a.txt");
        var link = $"\u001b]8;;vscode://file{Path.Combine(_dir, "a.txt")}:1:7\u001b\\";
        Assert.Equal(
            $"{link}\u001b[0m\u001b[35ma.txt\u001b[0m:\u001b[0m1\u001b[0m:\u001b[0m7\u001b[0m\u001b]8;;\u001b\\:hello \u001b[0m\u001b[1m\u001b[31mworld\u001b[0m\n", // as rg 15.2: the link spans path:line:column
            r.StdoutText);
        Assert.Equal("a.txt:1:7:hello world\n", ScourBinary.Run(_dir, "--hyperlink-format", "vscode", "--color", "never", "-H", "-n", "--column", "world", "a.txt").StdoutText);
    }

    [Fact]
    public void Searches_standard_input_when_it_is_a_pipe()
    {
        var r = ScourBinary.RunWithStdin(_dir, "one\ntwo hello\n"u8.ToArray(), "hello");
        Assert.Equal("two hello\n", r.StdoutText);
        Assert.Equal(0, r.ExitCode);
    }

    [Fact]
    public void Dash_means_standard_input_with_a_name()
    {
        var r = ScourBinary.RunWithStdin(_dir, "x hello\n"u8.ToArray(), "-H", "hello", "-");
        Assert.Equal("<stdin>:x hello\n", r.StdoutText);
    }

    [Fact]
    public void Exit_codes()
    {
        Assert.Equal(0, ScourBinary.Run(_dir, "hello").ExitCode);
        Assert.Equal(1, ScourBinary.Run(_dir, "absent").ExitCode);
        Assert.Equal(2, ScourBinary.Run(_dir, "(").ExitCode);
        Assert.Equal(2, ScourBinary.Run(_dir, "--bogus", "x").ExitCode);
    }

    [Fact]
    public void A_missing_path_is_reported_and_the_search_goes_on()
    {
        var r = ScourBinary.Run(_dir, "hello", "missing.txt", "a.txt");
        Assert.Equal("a.txt:hello world\n", r.StdoutText);
        Assert.Equal("scour: missing.txt: No such file or directory (os error 2)\n", r.Stderr);
        Assert.Equal(2, r.ExitCode);
    }

    [Fact]
    public void An_invalid_pattern_names_the_pattern_and_the_place()
    {
        var r = ScourBinary.Run(_dir, "a(b");
        Assert.Equal("scour: regex parse error:\n    (?:a(b)\n    ^\nerror: unclosed group\n", r.Stderr); // rg 15.2's text, after its own name
    }

    [Fact]
    public void An_unknown_flag_suggests_the_nearest()
    {
        var r = ScourBinary.Run(_dir, "--hiden", "x");
        Assert.Contains("unrecognized flag --hiden", r.Stderr, StringComparison.Ordinal);
        Assert.Contains("--hidden", r.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void Searching_nothing_is_an_error()
    {
        var empty = Path.Combine(_dir, "empty");
        Directory.CreateDirectory(empty);
        var r = ScourBinary.Run(empty, "x");
        Assert.Equal(2, r.ExitCode);
        Assert.Contains("No files were searched", r.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void Help_and_version()
    {
        var shortHelp = ScourBinary.Run(_dir, "-h");
        var longHelp = ScourBinary.Run(_dir, "--help");
        Assert.Equal(0, shortHelp.ExitCode);
        Assert.Contains("--ignore-case", shortHelp.StdoutText, StringComparison.Ordinal);
        Assert.True(longHelp.StdoutText.Length > shortHelp.StdoutText.Length);
        Assert.StartsWith("scour ", ScourBinary.Run(_dir, "--version").StdoutText, StringComparison.Ordinal);
    }

    [Fact]
    public void A_closed_pipe_ends_the_process_quietly()
    {
        var big = Path.Combine(_dir, "big.txt");
        File.WriteAllText(big, string.Concat(Enumerable.Repeat("hello line\n", 2_000_000)));
        var watch = Stopwatch.StartNew();
        var r = Shell($"'{ScourBinary.Executable}' hello big.txt | head -1; echo \"status=${{PIPESTATUS:-}}\"", _dir);
        Assert.StartsWith("hello line\n", r.StdoutText, StringComparison.Ordinal);
        Assert.Equal(string.Empty, r.Stderr);
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(30));
    }

    [Theory]
    [InlineData("hello a.txt")]
    [InlineData("-j2 hello")]
    [InlineData("-c hello")]
    public void A_full_disk_on_standard_output_is_an_error(string args)
    {
        File.WriteAllText(Path.Combine(_dir, "b.txt"), string.Concat(Enumerable.Repeat("hello again\n", 100_000)));
        var r = Shell($"'{ScourBinary.Executable}' {args} > /dev/full", _dir);
        Assert.Equal("scour: standard output: No space left on device (os error 28)\n", r.Stderr);
        Assert.Equal(2, r.ExitCode);
    }

    [Theory]
    [InlineData("hello big.txt")]
    [InlineData("-j2 hello")]
    public void Memory_stays_bounded_however_much_one_file_prints(string args)
    {
        // 8 million matching lines: ~90 MB of output, which used to be held whole before writing.
        File.WriteAllText(Path.Combine(_dir, "big.txt"), string.Concat(Enumerable.Repeat("hello line\n", 8_000_000)));
        var r = Shell($"'{ScourBinary.Executable}' {args} > /dev/null & pid=$!; peak=0; while kill -0 $pid 2>/dev/null; do rss=$(awk '/VmHWM/ {{print $2}}' /proc/$pid/status 2>/dev/null); [ -n \"$rss\" ] && [ \"$rss\" -gt \"$peak\" ] && peak=$rss; done; wait $pid; echo peak=$peak", _dir);
        var peakKb = long.Parse(r.StdoutText.Split("peak=")[1].Trim(), System.Globalization.CultureInfo.InvariantCulture);
        Assert.True(peakKb < 60_000, $"peak resident memory {peakKb} KB for 90 MB of output");
    }

    [Fact]
    public void Output_appends_after_what_others_wrote_to_the_same_file()
    {
        // Regression: stdout must advance the shared file offset (write, not pwrite).
        var r = Shell($"{{ echo first; '{ScourBinary.Executable}' hello a.txt; echo last; }} > out.txt; cat out.txt", _dir);
        Assert.Equal("first\nhello world\nlast\n", r.StdoutText);
    }

    [Fact]
    public void A_malformed_ignore_line_is_reported_and_skipped()
    {
        // As rg 13 and git: the bad line is skipped with a message naming the file and line; the rest applies.
        var repo = Path.Combine(_dir, "repo");
        Directory.CreateDirectory(Path.Combine(repo, ".git"));
        File.WriteAllText(Path.Combine(repo, ".gitignore"), "[z-a]\n*.log\n");
        File.WriteAllText(Path.Combine(repo, "a.txt"), "hello\n");
        File.WriteAllText(Path.Combine(repo, "b.log"), "hello\n");
        var r = ScourBinary.Run(repo, "hello");
        Assert.Equal("a.txt:hello\n", r.StdoutText);
        Assert.Contains(".gitignore: line 1: error parsing glob '[z-a]'", r.Stderr, StringComparison.Ordinal);
        Assert.Equal(0, r.ExitCode);

        var quiet = ScourBinary.Run(repo, "--no-ignore-messages", "hello");
        Assert.Equal(("a.txt:hello\n", "", 0), (quiet.StdoutText, quiet.Stderr, quiet.ExitCode));
    }

    [Fact]
    public void An_unreadable_directory_is_reported_and_skipped()
    {
        var tree = Path.Combine(_dir, "perm");
        Directory.CreateDirectory(Path.Combine(tree, "locked"));
        File.WriteAllText(Path.Combine(tree, "open.txt"), "hello\n");
        File.WriteAllText(Path.Combine(tree, "locked", "inside.txt"), "hello\n");
        File.SetUnixFileMode(Path.Combine(tree, "locked"), UnixFileMode.None);
        File.SetUnixFileMode(_dir, (UnixFileMode)0b111_101_101);
        try
        {
            // root reads everything, so run as "nobody" when we are root.
            var asNobody = Environment.UserName == "root" && CommandRunner.Which("setpriv") is not null;
            var r = asNobody
                ? CommandRunner.Run("setpriv", ["--reuid=65534", "--regid=65534", "--clear-groups", ScourBinary.Executable, "hello"], tree)
                : ScourBinary.Run(tree, "hello");
            Assert.Equal("open.txt:hello\n", r.StdoutText);
            Assert.Contains("locked: Permission denied (os error 13)", r.Stderr, StringComparison.Ordinal);
            Assert.Equal(2, r.ExitCode);
        }
        finally
        {
            File.SetUnixFileMode(Path.Combine(tree, "locked"), (UnixFileMode)0b111_000_000);
        }
    }

    [Fact]
    public void Special_files_in_a_walk_are_skipped_not_opened()
    {
        // Opening a FIFO blocks until a writer comes; a walk must never do it (ripgrep skips them too).
        var sub = Path.Combine(_dir, "withfifo");
        Directory.CreateDirectory(sub);
        File.WriteAllText(Path.Combine(sub, "plain.txt"), "hello\n");
        Assert.Equal(0, CommandRunner.Run("mkfifo", [Path.Combine(sub, "pipe")], _dir).ExitCode);
        var r = ScourBinary.Run(sub, "--files");
        Assert.Equal("plain.txt\n", r.StdoutText);
        Assert.Equal("plain.txt:hello\n", ScourBinary.Run(sub, "-H", "hello").StdoutText);
    }

    [OracleFact("rg")]
    public void One_file_system_stops_at_mount_points_like_rg()
    {
        // /dev/shm is a separate file system (tmpfs) below /dev on Linux.
        if (!Directory.Exists("/dev/shm"))
        {
            return;
        }

        var marker = Path.Combine("/dev/shm", "scour-ofs-" + Guid.NewGuid().ToString("N") + ".txt");
        File.WriteAllText(marker, "x\n");
        try
        {
            foreach (var args in new[] { new[] { "--files", "--one-file-system", "/dev" }, ["--files", "/dev/shm"] })
            {
                var rg = CommandRunner.Run(Oracle.Require("rg"), args, _dir);
                var scour = ScourBinary.Run(_dir, args);
                Assert.Equal(rg.SortedLines(), scour.SortedLines());
            }

            Assert.DoesNotContain(marker, ScourBinary.Run(_dir, "--files", "--one-file-system", "/dev").StdoutText, StringComparison.Ordinal);
            Assert.Contains(marker, ScourBinary.Run(_dir, "--files", "/dev").StdoutText, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(marker);
        }
    }

    [Fact]
    public void A_large_file_streams_in_bounded_memory()
    {
        // 200 MB of lines: the process must finish without reading the file into memory whole.
        var path = Path.Combine(_dir, "large.txt");
        using (var f = File.Create(path))
        {
            var chunk = Encoding.ASCII.GetBytes(string.Concat(Enumerable.Repeat("just some filler text here\n", 40_000)));
            for (var i = 0; i < 200_000_000 / chunk.Length; i++)
            {
                f.Write(chunk);
            }

            f.Write("the needle\n"u8);
        }

        var r = Shell($"'{ScourBinary.Executable}' -c needle large.txt & pid=$!; peak=0; while kill -0 $pid 2>/dev/null; do rss=$(awk '/VmHWM/ {{print $2}}' /proc/$pid/status 2>/dev/null); [ -n \"$rss\" ] && [ \"$rss\" -gt \"$peak\" ] && peak=$rss; done; wait $pid; echo peak=$peak", _dir);
        Assert.StartsWith("1\npeak=", r.StdoutText, StringComparison.Ordinal);
        var peakKb = long.Parse(r.StdoutText.Split("peak=")[1].Trim(), System.Globalization.CultureInfo.InvariantCulture);
        Assert.True(peakKb < 100_000, $"peak resident memory {peakKb} KB for a 200 MB file");
        File.Delete(path);
    }
}
