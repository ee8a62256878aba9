using System.Text;
using Scour.Output;

namespace Scour.Tests.Output;

/// <summary>OSC 8 hyperlinks for paths (rg 14's --hyperlink-format); expected addresses written out by hand.</summary>
public sealed class HyperlinkFormatTests
{
    private static string Open(string format, string path, long line = 0, long column = 0) =>
        Encoding.UTF8.GetString(HyperlinkFormat.Parse(format, () => "box")!.Open(path, line, column));

    [Theory]
    [InlineData("vscode", "/src/a b.rs", 12, 5, "vscode://file/src/a%20b.rs:12:5")]
    [InlineData("file", "/src/ä.rs", 0, 0, "file://box/src/ä.rs")] // as rg 15.2: non-ASCII bytes stay as they are
    [InlineData("default", "/x", 3, 0, "file://box/x")]
    [InlineData("kitty", "/x", 3, 0, "file://box/x#3")]
    [InlineData("grep+", "/x", 0, 0, "grep+:///x:1")]
    [InlineData("textmate", "/x", 7, 2, "txmt://open?url=file:///x&line=7&column=2")]
    [InlineData("myeditor://open?p={path}&l={line}", "/x", 9, 0, "myeditor://open?p=/x&l=9")]
    public void Renders_the_address(string format, string path, long line, long column, string address) =>
        Assert.Equal("\u001b]8;;" + address + "\u001b\\", Open(format, path, line, column));

    [Fact]
    public void Relative_paths_are_made_absolute() =>
        Assert.Equal("\u001b]8;;file://box" + Path.Combine(Environment.CurrentDirectory, "a.txt") + "\u001b\\", Open("file", "a.txt"));

    [Theory]
    [InlineData("none")]
    [InlineData("")]
    public void None_disables(string format) => Assert.Null(HyperlinkFormat.Parse(format, () => "box"));

    [Theory]
    [InlineData("file://{host}", "the {path} variable is required")]
    [InlineData("x://{path}:{column}", "the {line} variable is required when {column} is used")]
    [InlineData("x://{path}{nope}", "invalid hyperlink format variable: 'nope'")]
    [InlineData("x://{path", "unclosed variable")]
    [InlineData("x://path}", "unopened variable")]
    [InlineData("{path}", "must start with a valid URL scheme")]
    public void Bad_formats_say_why(string format, string why) =>
        Assert.Contains(why, Assert.Throws<ArgumentException>(() => HyperlinkFormat.Parse(format, () => "box")).Message, StringComparison.Ordinal);

    [Fact]
    public void The_host_is_only_asked_for_when_used()
    {
        var asked = false;
        HyperlinkFormat.Parse("vscode", () =>
        {
            asked = true;
            return "box";
        });
        Assert.False(asked);
    }
}
