using System.Text;
using Scour.Matching;
using Scour.Output;
using Scour.Searching;

namespace Scour.Tests.Output;

/// <summary>
/// Printer output for one file, byte for byte. Expected bytes were captured from rg 13 with the same
/// flags (e.g. `rg --color always -n hello a.txt | od -c`).
/// </summary>
public class PrinterTests
{
    private static string Print(string text, string pattern, OutputOptions output, SearcherOptions? searcher = null, string? path = "a.txt", BinaryMode binary = BinaryMode.Quit)
    {
        var compiled = CompiledPattern.Compile(new PatternOptions { Patterns = [pattern] });
        using var matcher = compiled.CreateMatcher();
        using FilePrinter printer = output.Mode == OutputMode.Lines ? new StandardPrinter(output, matcher) : new SummaryPrinter(output, matcher);
        using var s = new StreamSearcher(searcher ?? new SearcherOptions { LineNumbers = output.LineNumber });
        printer.Begin(path, binary);
        var result = s.Search(new StreamByteSource(new MemoryStream(Encoding.UTF8.GetBytes(text))), matcher, printer, binary, CancellationToken.None);
        return Encoding.UTF8.GetString(printer.FinishBlock(result));
    }

    [Fact]
    public void Plain_lines_with_path_and_number() =>
        Assert.Equal("a.txt:1:hello world\n", Print("hello world\nfoo\n", "hello", new OutputOptions { WithFilename = true, LineNumber = true }));

    [Fact]
    public void Rgs_default_colors() =>
        Assert.Equal(
            "\u001b[0m\u001b[35ma.txt\u001b[0m:\u001b[0m\u001b[32m1\u001b[0m:\u001b[0m\u001b[1m\u001b[31mhello\u001b[0m world\n",
            Print("hello world\n", "hello", new OutputOptions { WithFilename = true, LineNumber = true, Colors = ColorSpecs.Default }));

    [Fact]
    public void Heading_prints_the_path_once() =>
        Assert.Equal("a.txt\n1:hello\n2-x\n", Print("hello\nx\n", "hello", new OutputOptions { WithFilename = true, LineNumber = true, Heading = true, Context = true }, new SearcherOptions { LineNumbers = true, AfterContext = 1 }));

    [Fact]
    public void Only_matching_and_columns() =>
        Assert.Equal("1:1:one\n1:9:one\n", Print("one two one\n", "one", new OutputOptions { LineNumber = true, Column = true, OnlyMatching = true }));

    [Fact]
    public void Vimgrep_prints_the_line_once_per_match() =>
        Assert.Equal("a.txt:1:1:one two one\na.txt:1:9:one two one\n", Print("one two one\n", "one", new OutputOptions { WithFilename = true, LineNumber = true, Column = true, Vimgrep = true }));

    [Fact]
    public void A_missing_final_newline_is_added() =>
        Assert.Equal("last\n", Print("first\nlast", "last", new OutputOptions()));

    [Fact]
    public void Null_after_path() =>
        Assert.Equal("a.txt\0hello\n", Print("hello\n", "hello", new OutputOptions { WithFilename = true, NullAfterPath = true }));

    [Fact]
    public void Binary_notice_for_a_named_file() =>
        Assert.Equal("a.txt: binary file matches (found \"\\0\" byte around offset 1)\n", Print("x\0y hello\n", "hello", new OutputOptions { WithFilename = true }, binary: BinaryMode.Convert));

    [Fact]
    public void Counts_and_paths()
    {
        Assert.Equal("a.txt:2\n", Print("a\nb\na\n", "a", new OutputOptions { Mode = OutputMode.Count, WithFilename = true }));
        Assert.Equal("3\n", Print("aa\nba\n", "a", new OutputOptions { Mode = OutputMode.CountMatches }));
        Assert.Equal("a.txt\n", Print("a\n", "a", new OutputOptions { Mode = OutputMode.FilesWithMatches }));
        Assert.Equal(string.Empty, Print("a\n", "a", new OutputOptions { Mode = OutputMode.FilesWithoutMatch }));
        Assert.Equal(string.Empty, Print("a\n", "zzz", new OutputOptions { Mode = OutputMode.Count, WithFilename = true }));
    }
}
