using System.Text;
using Scour.Walking;

namespace Scour.Tests.Walking;

public sealed class FileNameEncodingTests
{
    // The bytes the walk must find, spelled as Latin-1 (one char per byte): skip.txt is ignored by dir\xfe/.ignore.
    private static readonly string[] Expected = ["bad\u00ff.txt", "dir\u00fe/keep.txt"];

    [Theory]
    [InlineData(new byte[] { 0x62, 0x61, 0x64, 0xFF, 0x2E, 0x74 })] // bad\xff.t
    [InlineData(new byte[] { 0xC3, 0x28 })]                          // a broken two-byte sequence
    [InlineData(new byte[] { 0xED, 0xB2, 0x80 })]                    // an encoded surrogate (U+DC80): not UTF-8
    [InlineData(new byte[] { 0xF0, 0x90, 0x82, 0x80, 0x80 })]        // U+10080 (its UTF-16 low half is U+DC80), then a stray byte
    [InlineData(new byte[] { 0xE2, 0x82 })]                          // a truncated three-byte sequence
    public void Names_that_are_not_UTF8_keep_their_bytes(byte[] name)
    {
        var text = FileNameEncoding.Decode(name);
        Assert.True(FileNameEncoding.HasEscapes(text));
        Assert.Equal(name, FileNameEncoding.GetBytes(text));
    }

    [Theory]
    [InlineData("plain.txt")]
    [InlineData("ünï/日本.rs")]
    [InlineData("emoji 😀 \U00010080")] // a pair whose low half is in the escape range is a character, not a byte
    public void UTF8_names_are_plain_strings(string name)
    {
        var bytes = Encoding.UTF8.GetBytes(name);
        Assert.Equal(name, FileNameEncoding.Decode(bytes));
        Assert.False(FileNameEncoding.HasEscapes(name));
        Assert.Equal(bytes, FileNameEncoding.GetBytes(name));
    }

    [Fact]
    public void Random_bytes_round_trip()
    {
        var random = new Random(7);
        for (var i = 0; i < 2000; i++)
        {
            var bytes = new byte[random.Next(1, 12)];
            random.NextBytes(bytes);
            Assert.Equal(bytes, FileNameEncoding.GetBytes(FileNameEncoding.Decode(bytes)));
        }
    }

    private static void Shell(string script, string directory)
    {
        using var shell = System.Diagnostics.Process.Start(new System.Diagnostics.ProcessStartInfo("/bin/sh", ["-c", script]) { WorkingDirectory = directory })!;
        shell.WaitForExit();
        Assert.Equal(0, shell.ExitCode);
    }

    [Fact]
    public void The_walker_lists_a_file_whose_name_is_not_UTF8_and_reads_ignore_files_under_it()
    {
        var root = Path.Combine(Path.GetTempPath(), "scour-names-" + Guid.NewGuid().ToString("N")[..8]);
        Directory.CreateDirectory(root);
        try
        {
            // .NET cannot create such names itself: a shell does, with printf's octal escapes.
            var script = "printf x > \"$(printf 'bad\\377.txt')\" && mkdir \"$(printf 'dir\\376')\" && printf 'skip.txt\\n' > \"$(printf 'dir\\376')/.ignore\" && printf x > \"$(printf 'dir\\376')/skip.txt\" && printf x > \"$(printf 'dir\\376')/keep.txt\"";
            Shell(script, root);

            var found = new List<string>();
            new Walker(new WalkOptions { Threads = 1 }).Run([root], e => { found.Add(e.Path); return true; }, (p, m) => Assert.Fail($"{p}: {m}"));
            var names = found.Select(p => FileNameEncoding.GetBytes(Path.GetRelativePath(root, p))).Select(b => Convert.ToHexString(b)).Order().ToList();
            Assert.Equal(
                Expected.Select(s => Convert.ToHexString(Encoding.Latin1.GetBytes(s))).Order(),
                names);
            Assert.All(found, p => Assert.True(File.Exists(p) || FileNameEncoding.HasEscapes(p)));
        }
        finally
        {
            Shell($"rm -rf '{root}'", Path.GetTempPath()); // .NET's own delete cannot name these files either
        }
    }
}
