using System.Text;
using Scour.Cli.Tests.Infrastructure;

namespace Scour.Cli.Tests.Rewriting;

/// <summary>--diff, --write, --undo and --interactive through the published binary; expectations worked out by hand.</summary>
public sealed class RewriteTests : IDisposable
{
    private readonly RewriteTree _t = new();

    public void Dispose() => _t.Dispose();

    [Fact]
    public void Diff_prints_a_unified_diff_and_writes_nothing()
    {
        _t.Write("a.txt", "one foo\ntwo\n");
        _t.Write("b.txt", "nothing\n");
        var before = _t.Snapshot();
        var r = _t.Scour("foo", "-r", "bar", "--diff");
        Assert.Equal("--- a/a.txt\n+++ b/a.txt\n@@ -1,2 +1,2 @@\n-one foo\n+one bar\n two\n", r.StdoutText);
        Assert.Equal(0, r.ExitCode);
        Assert.Equal(before, _t.Snapshot());
        Assert.False(Directory.Exists(_t.State));
    }

    [Fact]
    public void Diff_without_matches_exits_1()
    {
        _t.Write("a.txt", "x\n");
        var r = _t.Scour("foo", "-r", "bar", "--diff");
        Assert.Equal((1, ""), (r.ExitCode, r.StdoutText));
    }

    [Fact]
    public void Write_rewrites_and_prints_a_summary()
    {
        _t.Write("a.txt", "foo foo\n");
        _t.Write("sub/b.txt", "foo\n");
        _t.Write("c.txt", "bar\n");
        var r = _t.Scour("foo", "-r", "baz", "--write");
        Assert.Equal("3 replacements in 2 files\n", r.StdoutText);
        Assert.Equal(0, r.ExitCode);
        Assert.Equal("baz baz\n", _t.Read("a.txt"));
        Assert.Equal("baz\n", _t.Read("sub/b.txt"));
        Assert.Equal("bar\n", _t.Read("c.txt"));
        Assert.Empty(Directory.GetFiles(_t.Tree, "*.scour-tmp", SearchOption.AllDirectories));
    }

    [Fact]
    public void Search_flags_select_what_is_rewritten()
    {
        File.WriteAllText(Path.Combine(_t.Tree, ".gitignore"), "ignored.txt\n");
        Directory.CreateDirectory(Path.Combine(_t.Tree, ".git"));
        _t.Write("ignored.txt", "foo\n");
        _t.Write("a.rs", "Foo foo food\n");
        _t.Write("a.py", "foo\n");
        var r = _t.Scour("-i", "-w", "-t", "rust", "foo", "-r", "bar", "--write");
        Assert.Equal("2 replacements in 1 file\n", r.StdoutText);
        Assert.Equal("bar bar food\n", _t.Read("a.rs"));
        Assert.Equal("foo\n", _t.Read("a.py"));
        Assert.Equal("foo\n", _t.Read("ignored.txt"));
    }

    [Fact]
    public void Captures_and_fixed_strings()
    {
        _t.Write("a.txt", "x=1 y=22\na.b axb\n");
        Assert.Equal(0, _t.Scour(@"(\w)=(?P<n>\d+)", "-r", "${n}:$1", "--write").ExitCode);
        Assert.Equal(0, _t.Scour("-F", "a.b", "-r", "[$$]", "--write").ExitCode);
        Assert.Equal("1:x 22:y\n[$] axb\n", _t.Read("a.txt"));
    }

    [Fact]
    public void Multiline_patterns_rewrite_across_lines()
    {
        _t.Write("a.txt", "call(\n    x)\ncall(y)\n");
        var r = _t.Scour("-U", @"call\(\s*(\w+)\)", "-r", "call($1)", "--write");
        Assert.Equal("1 replacement in 1 file\n", r.StdoutText);
        Assert.Equal("call(x)\ncall(y)\n", _t.Read("a.txt"));
    }

    [Fact]
    public void Preserve_case_follows_each_match()
    {
        _t.Write("a.txt", "foo Foo FOO fooBar FooBar FOO_BAR\n");
        Assert.Equal(0, _t.Scour("-i", "foo", "-r", "bar", "--preserve-case", "--write").ExitCode);
        Assert.Equal(0, _t.Scour("-i", "bar_?bar", "-r", "baz_qux", "--preserve-case", "--write").ExitCode);
        Assert.Equal("bar Bar BAR baz_Qux Baz_Qux BAZ_QUX\n", _t.Read("a.txt"));
    }

    [Fact]
    public void Line_endings_bom_and_utf16_survive()
    {
        _t.WriteBytes("crlf.txt", "a foo\r\nfoo\r\n"u8.ToArray());
        _t.WriteBytes("bom.txt", [0xEF, 0xBB, 0xBF, .. "foo\n"u8]);
        _t.WriteBytes("le.txt", [0xFF, 0xFE, .. Encoding.Unicode.GetBytes("Ж foo\n")]);
        _t.WriteBytes("be.txt", [0xFE, 0xFF, .. Encoding.BigEndianUnicode.GetBytes("foo Ж\n")]);
        var r = _t.Scour("foo", "-r", "bär", "--write");
        Assert.Equal("5 replacements in 4 files\n", r.StdoutText);
        Assert.Equal("a bär\r\nbär\r\n"u8.ToArray(), _t.ReadBytes("crlf.txt"));
        Assert.Equal([0xEF, 0xBB, 0xBF, .. "bär\n"u8], _t.ReadBytes("bom.txt"));
        Assert.Equal([0xFF, 0xFE, .. Encoding.Unicode.GetBytes("Ж bär\n")], _t.ReadBytes("le.txt"));
        Assert.Equal([0xFE, 0xFF, .. Encoding.BigEndianUnicode.GetBytes("bär Ж\n")], _t.ReadBytes("be.txt"));
    }

    [Fact]
    public void Binary_and_invalid_files_are_never_written()
    {
        _t.WriteBytes("bin.dat", [.. "foo\0"u8]);
        _t.WriteBytes("bad.txt", [(byte)'f', (byte)'o', (byte)'o', 0xFF, (byte)'\n']);
        _t.Write("ok.txt", "foo\n");
        var before = _t.Snapshot();
        var r = _t.Scour("foo", "-r", "bar", "--write");
        Assert.Equal(2, r.ExitCode);
        Assert.Equal("1 replacement in 1 file\n", r.StdoutText);
        Assert.Contains("bad.txt: not rewritten: not valid UTF-8 (at byte offset 3)", r.Stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("bin.dat", r.Stderr, StringComparison.Ordinal); // skipped like a search skips it
        Assert.Equal(before["bin.dat"], _t.Snapshot()["bin.dat"]);
        Assert.Equal(before["bad.txt"], _t.Snapshot()["bad.txt"]);

        var named = _t.Scour("foo", "-r", "bar", "--write", "bin.dat");
        Assert.Contains("bin.dat: not rewritten: binary file (NUL byte at offset 3)", named.Stderr, StringComparison.Ordinal);
        Assert.Equal(before["bin.dat"], _t.Snapshot()["bin.dat"]);
    }

    [Fact]
    public void Permissions_and_links_are_kept()
    {
        var script = _t.Write("run.sh", "echo foo\n");
        File.SetUnixFileMode(script, (UnixFileMode)Convert.ToInt32("750", 8));
        _t.Write("real/target.txt", "foo\n");
        File.CreateSymbolicLink(_t.PathOf("link.txt"), "real/target.txt");
        var r = _t.Scour("foo", "-r", "bar", "--write", "run.sh", "link.txt");
        Assert.Equal("2 replacements in 2 files\n", r.StdoutText);
        Assert.Equal((UnixFileMode)Convert.ToInt32("750", 8), File.GetUnixFileMode(script));
        Assert.Equal("real/target.txt", new FileInfo(_t.PathOf("link.txt")).LinkTarget);
        Assert.Equal("bar\n", _t.Read("real/target.txt"));
    }

    [Fact]
    public void Owner_and_group_are_kept()
    {
        var path = _t.Write("a.txt", "foo\n");
        if (Environment.UserName == "root")
        {
            Assert.Equal(0, CommandRunner.Run("chown", ["65534:65534", path], _t.Tree).ExitCode);
        }

        var before = CommandRunner.Run("stat", ["-c", "%u:%g %a", path], _t.Tree).StdoutText;
        Assert.Equal(0, _t.Scour("foo", "-r", "bar", "--write").ExitCode);
        Assert.Equal(before, CommandRunner.Run("stat", ["-c", "%u:%g %a", path], _t.Tree).StdoutText);
        Assert.Equal("bar\n", _t.Read("a.txt"));
    }

    [Fact]
    public void An_unwritable_directory_is_an_error_that_loses_nothing()
    {
        var path = _t.Write("ro/a.txt", "foo\n");
        _t.Write("ok.txt", "foo\n");
        File.SetUnixFileMode(Path.GetDirectoryName(path)!, (UnixFileMode)Convert.ToInt32("555", 8));
        File.SetUnixFileMode(_t.Tree, (UnixFileMode)Convert.ToInt32("777", 8));
        File.SetUnixFileMode(_t.PathOf("ok.txt"), (UnixFileMode)Convert.ToInt32("666", 8));
        Directory.CreateDirectory(_t.State);
        File.SetUnixFileMode(_t.State, (UnixFileMode)Convert.ToInt32("777", 8));

        // root writes anywhere, so run as "nobody" when we are root.
        string[] args = ["foo", "-r", "bar", "--write"];
        var r = Environment.UserName == "root"
            ? CommandRunner.Run("setpriv", ["--reuid=65534", "--regid=65534", "--clear-groups", ScourBinary.Executable, .. args], _t.Tree, environment: new Dictionary<string, string> { ["SCOUR_STATE_DIR"] = _t.State })
            : _t.Scour(args);
        Assert.Equal(2, r.ExitCode);
        Assert.Contains("ro/a.txt: not rewritten: Permission denied (os error 13)", r.Stderr, StringComparison.Ordinal);
        Assert.Equal("1 replacement in 1 file\n", r.StdoutText);
        Assert.Equal("foo\n", File.ReadAllText(path));
        Assert.Equal("bar\n", _t.Read("ok.txt"));
        Assert.Empty(Directory.GetFiles(_t.Tree, "*.scour-tmp", SearchOption.AllDirectories));
    }

    [Fact]
    public void Hard_links_are_reported_and_keep_the_old_content()
    {
        var a = _t.Write("a.txt", "foo\n");
        Assert.Equal(0, CommandRunner.Run("ln", [a, _t.PathOf("hard.txt")], _t.Tree).ExitCode);
        var r = _t.Scour("foo", "-r", "bar", "--write", "a.txt");
        Assert.Equal(0, r.ExitCode);
        Assert.Contains("a.txt: has 2 hard links; only this name gets the new content", r.Stderr, StringComparison.Ordinal);
        Assert.Equal("bar\n", _t.Read("a.txt"));
        Assert.Equal("foo\n", _t.Read("hard.txt"));
    }

    [Fact]
    public void Undo_restores_byte_for_byte_and_stacks()
    {
        _t.WriteBytes("a.txt", "foo\r\nx\r\n"u8.ToArray());
        _t.Write("b.txt", "foo foo");
        var original = _t.Snapshot();
        Assert.Equal(0, _t.Scour("foo", "-r", "bar", "--write").ExitCode);
        var afterFirst = _t.Snapshot();
        Assert.Equal(0, _t.Scour("bar", "-r", "baz", "--write").ExitCode);
        Assert.Equal("baz baz", _t.Read("b.txt"));

        var undo = _t.Scour("--undo");
        Assert.Equal(("restored 2 files\n", 0), (undo.StdoutText, undo.ExitCode));
        Assert.Equal(afterFirst, _t.Snapshot());
        Assert.Equal(0, _t.Scour("--undo").ExitCode);
        Assert.Equal(original, _t.Snapshot());

        var nothing = _t.Scour("--undo");
        Assert.Equal(1, nothing.ExitCode);
        Assert.Contains("nothing to undo", nothing.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void Undo_refuses_a_file_changed_after_the_write()
    {
        _t.Write("a.txt", "foo\n");
        _t.Write("b.txt", "foo\n");
        Assert.Equal(0, _t.Scour("foo", "-r", "bar", "--write").ExitCode);
        _t.Write("b.txt", "bar and my edit\n");
        var undo = _t.Scour("--undo");
        Assert.Equal(2, undo.ExitCode);
        Assert.Contains("b.txt: changed since scour rewrote it; not restored", undo.Stderr, StringComparison.Ordinal);
        Assert.Equal("foo\n", _t.Read("a.txt"));
        Assert.Equal("bar and my edit\n", _t.Read("b.txt"));
    }

    [Fact]
    public void Undo_is_scoped_to_the_current_directory()
    {
        _t.Write("sub/a.txt", "foo\n");
        Assert.Equal(0, _t.ScourIn(_t.PathOf("sub"), "foo", "-r", "bar", "--write").ExitCode);
        Directory.CreateDirectory(_t.PathOf("other"));
        Assert.Equal(1, _t.ScourIn(_t.PathOf("other"), "--undo").ExitCode);
        Assert.Equal(0, _t.ScourIn(_t.Tree, "--undo").ExitCode);
        Assert.Equal("foo\n", _t.Read("sub/a.txt"));
    }

    [Theory]
    [InlineData(new[] { "foo", "--write" }, "--write needs -r/--replace REPLACEMENT")]
    [InlineData(new[] { "foo", "-r", "x", "--write", "-v" }, "--invert-match cannot be used with --write")]
    [InlineData(new[] { "foo", "-r", "x", "--diff", "--json" }, "--json cannot be used with --diff")]
    [InlineData(new[] { "foo", "-r", "x", "--diff", "-c" }, "--count cannot be used with --diff")]
    [InlineData(new[] { "foo", "-r", "x", "--write", "-" }, "standard input ('-') cannot be rewritten")]
    [InlineData(new[] { "--preserve-case", "foo" }, "--preserve-case needs --diff, --write or --interactive")]
    [InlineData(new[] { "foo", "-r", "x", "--interactive" }, "--interactive asks on the terminal, but standard input is not one")]
    public void Bad_combinations_are_errors(string[] args, string message)
    {
        _t.Write("a.txt", "foo\n");
        var r = _t.Scour(args);
        Assert.Equal(2, r.ExitCode);
        Assert.Contains(message, r.Stderr, StringComparison.Ordinal);
        Assert.Equal("foo\n", _t.Read("a.txt"));
    }

    [Fact]
    public void R_alone_keeps_ripgreps_print_only_meaning()
    {
        _t.Write("a.txt", "foo\n");
        var r = _t.Scour("foo", "-r", "bar", "a.txt");
        Assert.Equal("bar\n", r.StdoutText);
        Assert.Equal("foo\n", _t.Read("a.txt"));
    }
}
