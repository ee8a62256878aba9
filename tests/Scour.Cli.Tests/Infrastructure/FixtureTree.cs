using System.Text;

namespace Scour.Cli.Tests.Infrastructure;

/// <summary>
/// A git repository on disk with everything that makes searching tricky: nested <c>.gitignore</c> files
/// with negations, <c>.ignore</c>, hidden files and directories, binary files (NUL early and late), CRLF
/// line endings, invalid UTF-8, a UTF-8 BOM, UTF-16, a very long line, Unicode text, files without a
/// final newline and context-heavy files. Built once per test run under the temp directory (never in
/// our repository, whose own .gitignore would otherwise apply).
/// </summary>
public static class FixtureTree
{
    private static readonly Lazy<string> Built = new(Build);

    public static string Root => Built.Value;

    private static string Build()
    {
        // SCOUR_FIXTURE_DIR keeps the tree after the run, for debugging a failing case by hand.
        var keep = Environment.GetEnvironmentVariable("SCOUR_FIXTURE_DIR");
        var root = keep ?? Path.Combine(Path.GetTempPath(), "scour-fixture-" + Environment.ProcessId + "-" + Guid.NewGuid().ToString("N")[..8]);
        if (keep is not null && Directory.Exists(keep))
        {
            Directory.Delete(keep, recursive: true);
        }

        Directory.CreateDirectory(root);
        AppDomain.CurrentDomain.ProcessExit += (_, _) =>
        {
            if (keep is not null)
            {
                return;
            }

            try
            {
                Directory.Delete(root, recursive: true);
            }
            catch (IOException)
            {
            }
        };

        var git = CommandRunner.Which("git");
        if (git is not null)
        {
            CommandRunner.Run(git, ["init", "-q", "."], root);
        }
        else
        {
            Directory.CreateDirectory(Path.Combine(root, ".git")); // enough for ignore semantics
        }

        Text(root, ".gitignore", "# build output\n*.log\nbuild/\n!important.log\n/root-only.txt\nnested/**/deep.tmp\n*.tmp   \n\\#hash.txt\n");
        Text(root, ".ignore", "ignored-by-dot.txt\n");
        Text(root, ".git/info/exclude", "excluded-locally.txt\n");
        Text(root, "README.md", "# Hello project\n\nhello world\nSay Hello to everyone.\nThis line mentions HELLO loudly.\nfoo_bar baz-qux FOO_BAR\nnothing here\n");
        Text(root, "src/main.rs", "fn main() {\n    println!(\"hello, world\");\n    let PM_RESUME = 1;\n    let value = compute(PM_RESUME);\n}\n\nfn compute(x: u32) -> u32 { x * 2 }\n// TODO: hello again\n");
        Text(root, "src/lib.rs", "pub mod search;\npub fn hello() -> &'static str { \"hello\" }\n#[test]\nfn testing_things() { assert_eq!(hello(), \"hello\"); }\n");
        Text(root, "src/.gitignore", "generated.rs\n!keep-generated.rs\n");
        Text(root, "src/generated.rs", "// generated: hello\n");
        Text(root, "src/keep-generated.rs", "// kept: hello\n");
        Text(root, "app.log", "log: hello\n");
        Text(root, "important.log", "important: hello\n");
        Text(root, "build/out.txt", "built: hello\n");
        Text(root, "root-only.txt", "root only hello\n");
        Text(root, "sub/root-only.txt", "sub root only hello\n");
        Text(root, "sub/.gitignore", "!*.log\n");
        Text(root, "sub/debug.log", "debug: hello\n");
        Text(root, "sub/notes.txt", "notes mention foo and bar\nhello from sub\n");
        Text(root, "#hash.txt", "hash hello\n");
        Text(root, "ignored-by-dot.txt", "dot ignored hello\n");
        Text(root, "excluded-locally.txt", "excluded hello\n");
        Text(root, ".hidden.txt", "hidden hello\n");
        Text(root, ".hiddendir/inside.txt", "inside hidden dir hello\n");
        Text(root, "nested/a/b/deep.tmp", "deep temp hello\n");
        Text(root, "nested/a/b/keep.txt", "deep keep hello\n");
        Text(root, "crlf.txt", "hello world\r\nsecond line\r\nworld hello\r\nend\r\n");
        Text(root, "crlf-mixed.txt", "ab\r\ny\nx\ry\r\n\r\n\n\r\rz\nend");
        Bytes(root, "invalid.txt", Concat("caf"u8, [0xE9], " hello "u8, [0xFF, 0xFE], " tail\nclean hello line\n"u8, [0xC3], "\n"u8));
        Bytes(root, "bom.txt", Concat([0xEF, 0xBB, 0xBF], "hello with bom\nsecond hello\n"u8));
        Bytes(root, "utf16.txt", Concat([0xFF, 0xFE], Encoding.Unicode.GetBytes("hello utf16\nanother line\nhello again\n")));
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        Bytes(root, "enc/latin1.txt", Encoding.Latin1.GetBytes("café crème\nnaïve façade\nplain\n"));
        Bytes(root, "enc/bom-utf8.txt", Concat([0xEF, 0xBB, 0xBF], "café au lait\n"u8));
        Bytes(root, "enc/sjis.txt", Encoding.GetEncoding(932).GetBytes("日本語のテキスト\nカタカナ テスト\n"));
        Bytes(root, "enc/koi8.txt", Encoding.GetEncoding(20866).GetBytes("привет мир\nПОКА\n"));
        Bytes(root, "enc/utf16be.txt", Concat([0xFE, 0xFF], Encoding.BigEndianUnicode.GetBytes("big endian привет\n")));
        Text(root, "long.txt", "short hello\n" + new string('x', 150_000) + " needle " + new string('y', 100_000) + "\nafter hello\n");
        Text(root, "unicode.txt", "Ελληνικά γράμματα: αβγ\nРусский текст: Привет мир\nпривет снова\n日本語のテキスト hello\nemoji 😀 smile hello\nÉcole élève ÉLÈVE\n");
        Text(root, "noeol.txt", "first hello\nlast hello without newline");
        Text(root, "empty.txt", string.Empty);
        Text(root, "patterns.txt", "hello\nPM_[A-Z]+\n");
        Text(root, "context.txt", ContextFile());
        Bytes(root, "bin/data.bin", Concat("hello binary\n"u8, [0, 1, 2], "\nhello after nul\n"u8));
        Bytes(root, "bin/late.bin", LateBinary());
        Bytes(root, "bin/late-match.bin", Concat(LateBinary(), "hello \0 in a match\nhello after\n"u8.ToArray()));
        Text(root, "types/app.py", "def hello(): pass\n");
        Text(root, "types/index.js", "function hello() {}\n");
        Text(root, "types/Makefile", "hello:\n\techo hello\n");
        Text(root, "types/style.CSS", "body { color: red } /* hello */\n");
        Text(root, "types/notes.markdown", "# hello\n");
        Text(root, "big/blob.txt", "hello big\n" + new string('z', 5000) + "\n");
        Text(root, "extra.ignore", "*.md\nTYPES/\n");
        Text(root, "links/real.txt", "hello from links\n");
        Text(root, "prec/.gitignore", "*.dat\n");
        Text(root, "prec/.ignore", "!x.dat\n*.txt\n");
        Text(root, "prec/.rgignore", "!keep.txt\n");
        Text(root, "prec/x.dat", "hello x\n");
        Text(root, "prec/y.dat", "hello y\n");
        Text(root, "prec/a.txt", "hello a\n");
        Text(root, "prec/keep.txt", "hello keep\n");
        File.CreateSymbolicLink(Path.Combine(root, "links/file-link"), "../README.md");
        File.CreateSymbolicLink(Path.Combine(root, "links/dir-link"), "../src");
        File.CreateSymbolicLink(Path.Combine(root, "links/broken"), "nowhere");
        File.CreateSymbolicLink(Path.Combine(root, "links/loop"), "..");
        return root;
    }

    private static string ContextFile()
    {
        var sb = new StringBuilder();
        for (var i = 1; i <= 60; i++)
        {
            var match = i is 3 or 5 or 12 or 13 or 30 or 34 or 59;
            sb.Append(match ? $"line {i} match here\n" : $"line {i} filler\n");
        }

        return sb.ToString();
    }

    // Matches well before a NUL that sits past the first buffers (past 1 MB, so even a buffer that grew
    // for long.txt does not reach it): ripgrep prints them, then a warning.
    private static byte[] LateBinary()
    {
        var sb = new StringBuilder();
        sb.Append("hello early\n");
        while (sb.Length < 1_200_000)
        {
            sb.Append("------------------------------\n");
        }

        var head = Encoding.ASCII.GetBytes(sb.ToString());
        return Concat(head, [0], "\nhello late\n"u8);
    }

    private static byte[] Concat(params byte[][] parts) => parts.SelectMany(p => p).ToArray();

    private static byte[] Concat(ReadOnlySpan<byte> a, byte[] b) => [.. a, .. b];

    private static byte[] Concat(ReadOnlySpan<byte> a, byte[] b, ReadOnlySpan<byte> c) => [.. a, .. b, .. c];

    private static byte[] Concat(ReadOnlySpan<byte> a, byte[] b, ReadOnlySpan<byte> c, byte[] d, ReadOnlySpan<byte> e, byte[] f, ReadOnlySpan<byte> g) =>
        [.. a, .. b, .. c, .. d, .. e, .. f, .. g];

    private static byte[] Concat(byte[] a, ReadOnlySpan<byte> b) => [.. a, .. b];

    private static void Text(string root, string relative, string content) => Bytes(root, relative, Encoding.UTF8.GetBytes(content));

    private static void Bytes(string root, string relative, byte[] content)
    {
        var path = Path.Combine(root, relative);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllBytes(path, content);
    }
}
