namespace Scour.Cli.Tests.Differential;

/// <summary>
/// A tree with the cases embedders meet in real projects: a git repository with ignored files and
/// directories, hidden files, a <c>.git</c> directory with content, CRLF lines, UTF-8 and UTF-16 BOMs,
/// invalid UTF-8, a binary file, a 10,000-byte line, a file without a final newline, an empty file,
/// a path with spaces and non-ASCII letters, file and directory names that are not UTF-8, and links: to a file, to nothing, and a loop to an
/// ancestor (for <c>--follow</c>). Built once for all of <see cref="EmbedderTests"/>.
/// </summary>
public sealed class EmbedderTree : IDisposable
{
    public EmbedderTree()
    {
        Write("a.txt", "needle one\nplain\nNeedle Two\nthe needle again\nlast\n"u8);
        Write("src.rs", "fn main() {\n    let needle = 1;\n}\n"u8);
        Write("crlf.txt", "crlf needle\r\nsecond\r\nneedle end\r\n"u8);
        Write("bom8.txt", [0xEF, 0xBB, 0xBF, .. "bom needle first\nnext\n"u8]);
        Write("bom16.txt", [0xFF, 0xFE, .. System.Text.Encoding.Unicode.GetBytes("needle u16\nsecond\n")]);
        Write("invalid.txt", [.. "caf"u8, 0xE9, .. " needle latin1\n"u8, 0xFF, 0xFE, .. " bad needle\n"u8]);
        Write("bin.dat", [.. "needle in binary\n"u8, 0x00, 0x01, 0x02, .. " more needle\n"u8]);
        Write("long.txt", [.. Enumerable.Repeat((byte)'x', 5000), .. " needle "u8, .. Enumerable.Repeat((byte)'y', 5000), (byte)'\n']);
        Write("noeol.txt", "needle no eol"u8);
        Write("empty.txt", ""u8);
        Write("README.md", "# needle\n"u8);
        Write(".hidden/h.txt", "hidden needle\n"u8);
        Write(".env", "SECRET=needle\n"u8);
        Write("ignored.txt", "ignored needle\n"u8);
        Write("build/out.txt", "build needle\n"u8);
        Write("x.log", "log needle\n"u8);
        Write(".gitignore", "ignored.txt\nbuild/\n*.log\n"u8);
        Write("sub/deep/d.py", "deep needle\ncontext line\nneedle\n"u8);
        Write("dir with space/\u00fcn\u00ef.txt", "space needle\n"u8);
        Write(".git/needle-file", "needle in git dir\n"u8);
        Write(".git/HEAD", "ref: refs/heads/main\n"u8);
        // Names that are not UTF-8 (a file, and a directory with an ignore file): .NET cannot create
        // them, a shell can, with printf's octal escapes.
        Shell("printf 'needle\\n' > \"$(printf 'bad\\377name.txt')\" && d=\"$(printf 'dir\\376')\" && mkdir \"$d\" && printf 'f.txt\\n' > \"$d/.ignore\" && printf 'needle f\\n' > \"$d/f.txt\" && printf 'needle g\\n' > \"$d/g.txt\" && touch -d @1704070800 \"$(printf 'bad\\377name.txt')\" && touch -d @1704070860 \"$d/f.txt\" && touch -d @1704070920 \"$d/g.txt\"");
        File.CreateSymbolicLink(Path.Combine(Root, "sub/loop"), "..");
        File.CreateSymbolicLink(Path.Combine(Root, "link.txt"), "a.txt");
        File.CreateSymbolicLink(Path.Combine(Root, "dangling"), "missing");

        // Fixed, distinct times, so that --sortr=modified (Codex) has one right answer (the files the
        // shell made get theirs above: made in one clock tick, they would tie).
        var time = new DateTime(2024, 1, 1, 0, 0, 0, DateTimeKind.Utc);
        foreach (var file in _written)
        {
            File.SetLastWriteTimeUtc(file, time = time.AddMinutes(1));
        }
    }

    private readonly List<string> _written = [];

    public string Root { get; } = Path.Combine(Path.GetTempPath(), "scour-embedders-" + Guid.NewGuid().ToString("N")[..8]);

    private void Write(string relative, ReadOnlySpan<byte> bytes)
    {
        var path = Path.Combine(Root, relative);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllBytes(path, bytes.ToArray());
        _written.Add(path);
    }

    private void Shell(string script)
    {
        var r = Infrastructure.CommandRunner.Run("/bin/sh", ["-c", script], Root);
        if (r.ExitCode != 0)
        {
            throw new InvalidOperationException($"fixture script failed: {r.Stderr}");
        }
    }

    public void Dispose() => Infrastructure.CommandRunner.Run("rm", ["-rf", Root], Path.GetTempPath()); // .NET cannot delete the non-UTF-8 names
}
