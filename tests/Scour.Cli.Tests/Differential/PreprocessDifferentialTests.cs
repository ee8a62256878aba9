using System.IO.Compression;
using System.Text;
using Scour.Cli.Tests.Infrastructure;

namespace Scour.Cli.Tests.Differential;

/// <summary>
/// <c>-z</c> and <c>--pre</c> against rg on a tree of compressed files (made with .NET for gzip and
/// brotli, with the command-line tools for the rest) and small preprocessor scripts; stdout and exit
/// code must be identical. (Where a search stops early, -m or -q on a corrupt file, rg's verdict
/// depends on whether the tool failed before rg stopped reading; scour does not judge a command whose
/// output it did not read to the end, so those cases are left out.)
/// </summary>
public sealed class PreprocessDifferentialTests : IDisposable
{
    private readonly string _dir = Path.Combine(Path.GetTempPath(), "scour-pre-" + Guid.NewGuid().ToString("N"));

    public PreprocessDifferentialTests()
    {
        Directory.CreateDirectory(Path.Combine(_dir, "zip"));
        var text = "hello compressed\nsecond line\nhello again\n";
        Write("zip/a.txt.gz", Compress(text, s => new GZipStream(s, CompressionLevel.Optimal)));
        Write("zip/b.tgz", [.. Compress("hello tgz\n", s => new GZipStream(s, CompressionLevel.Fastest)), .. Compress("hello second member\n", s => new GZipStream(s, CompressionLevel.Fastest))]);
        Write("zip/c.txt.br", Compress("hello brotli\n", s => new BrotliStream(s, CompressionLevel.Optimal)));
        Write("zip/bad.gz", "hello but not gzip\n"u8.ToArray());
        var truncated = Compress(string.Concat(Enumerable.Range(0, 2000).Select(i => $"hello line {i}\n")), s => new GZipStream(s, CompressionLevel.Optimal));
        Write("zip/truncated.gz", truncated[..(truncated.Length / 2)]);
        foreach (var (tool, ext) in new[] { ("bzip2", "bz2"), ("xz", "xz"), ("zstd", "zst"), ("lz4", "lz4") })
        {
            File.WriteAllText(Path.Combine(_dir, "zip", $"d.{tool}.txt"), $"hello {tool}\n");
            if (CommandRunner.Which(tool) is { } program)
            {
                CommandRunner.Run(program, tool == "zstd" ? ["-q", $"d.{tool}.txt"] : tool == "lz4" ? ["-q", $"d.{tool}.txt", $"d.{tool}.txt.lz4"] : ["-k", $"d.{tool}.txt"], Path.Combine(_dir, "zip"));
            }

            File.Delete(Path.Combine(_dir, "zip", $"d.{tool}.txt"));
            Assert.True(!Oracle.Required || File.Exists(Path.Combine(_dir, "zip", $"d.{tool}.txt.{ext}")), $"{tool} is required in CI");
        }

        File.WriteAllText(Path.Combine(_dir, "p.txt"), "hello pre\nbye\n");
        File.WriteAllText(Path.Combine(_dir, "q.md"), "hello markdown\n");
        Script("up.sh", "#!/bin/sh\ntr a-z A-Z < \"$1\"\n");
        Script("fail.sh", "#!/bin/sh\necho partial hello\necho oops >&2\nexit 3\n");
        Script("head.sh", "#!/bin/sh\nhead -c 6 \"$1\"\n");
    }

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    public static TheoryData<string> Cases => new()
    {
        "-z hello zip",
        "-z -c hello zip",
        "-z --sort path -n hello zip",
        "-z -l hello zip",
        "-z --json hello zip/a.txt.gz",
        "-z -c hello zip/truncated.gz",
        "-z --sort path hello zip/truncated.gz zip/a.txt.gz",
        "-z hello zip/bad.gz",
        "-z -o 'hello \\w+' zip/b.tgz",
        "-c hello zip",
        "-z --no-search-zip -c hello zip",
        "--pre ./up.sh HELLO p.txt",
        "--pre ./up.sh -c HELLO",
        "--pre ./up.sh --pre-glob '*.md' -c HELLO p.txt q.md",
        "--pre ./up.sh --pre-glob '!*.md' -c HELLO p.txt q.md",
        "--pre ./fail.sh hello p.txt",
        "--pre ./nonexistent hello p.txt",
        "--pre ./head.sh -n hello p.txt",
        "--pre ./up.sh --no-pre hello p.txt",
    };

    [OracleTheory("rg")]
    [MemberData(nameof(Cases))]
    public void Same_as_rg(string commandLine)
    {
        var args = Differential.ArgSplitter.Split(commandLine);
        var expected = CommandRunner.Run(Oracle.Require("rg"), args, _dir);
        var actual = ScourBinary.Run(_dir, args);
        var sorted = !commandLine.Contains("--sort", StringComparison.Ordinal) && !commandLine.Contains("--json", StringComparison.Ordinal);
        Assert.Equal(
            RgDifferentialTests.Normalize(sorted ? expected.SortedLines() : expected.StdoutText),
            RgDifferentialTests.Normalize(sorted ? actual.SortedLines() : actual.StdoutText));
        Assert.Equal(expected.ExitCode, actual.ExitCode);
    }

    private void Write(string relative, byte[] bytes) => File.WriteAllBytes(Path.Combine(_dir, relative), bytes);

    private void Script(string name, string text)
    {
        var path = Path.Combine(_dir, name);
        File.WriteAllText(path, text);
        File.SetUnixFileMode(path, (UnixFileMode)Convert.ToInt32("755", 8));
    }

    private static byte[] Compress(string text, Func<Stream, Stream> compressor)
    {
        using var output = new MemoryStream();
        using (var stream = compressor(output))
        {
            stream.Write(Encoding.UTF8.GetBytes(text));
        }

        return output.ToArray();
    }
}
