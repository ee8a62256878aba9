using Scour.Walking;

namespace Scour.Tests.Walking;

/// <summary>Gitignore line semantics (expectations from git's documentation and `git check-ignore`).</summary>
public class IgnoreFileTests
{
    [Theory]
    [InlineData("*.log", "a.log", false, IgnoreMatch.Ignore)]
    [InlineData("*.log", "dir/a.log", false, IgnoreMatch.Ignore)]
    [InlineData("*.log\n!keep.log", "keep.log", false, IgnoreMatch.Whitelist)]
    [InlineData("!keep.log\n*.log", "keep.log", false, IgnoreMatch.Ignore)]  // the last match wins
    [InlineData("build/", "build", true, IgnoreMatch.Ignore)]
    [InlineData("build/", "build", false, IgnoreMatch.None)]                 // directories only
    [InlineData("/root.txt", "root.txt", false, IgnoreMatch.Ignore)]
    [InlineData("/root.txt", "sub/root.txt", false, IgnoreMatch.None)]      // anchored
    [InlineData("doc/*.txt", "doc/a.txt", false, IgnoreMatch.Ignore)]
    [InlineData("doc/*.txt", "x/doc/a.txt", false, IgnoreMatch.None)]       // an inner slash anchors too
    [InlineData("# comment\n\n", "# comment", false, IgnoreMatch.None)]
    [InlineData("\\#hash", "#hash", false, IgnoreMatch.Ignore)]
    [InlineData("\\!bang", "!bang", false, IgnoreMatch.Ignore)]
    [InlineData("trail   ", "trail", false, IgnoreMatch.Ignore)]             // trailing spaces dropped
    [InlineData("trail\\ ", "trail ", false, IgnoreMatch.Ignore)]            // unless escaped
    [InlineData("foo/**", "foo", true, IgnoreMatch.None)]
    [InlineData("foo/**", "foo/bar", false, IgnoreMatch.Ignore)]
    [InlineData("**/node_modules", "a/b/node_modules", true, IgnoreMatch.Ignore)]
    [InlineData("*.tmp\r\n", "x.tmp", false, IgnoreMatch.Ignore)]            // CRLF files
    public void Matches(string rules, string path, bool isDirectory, IgnoreMatch expected) =>
        Assert.Equal(expected, IgnoreFile.Parse(rules).Match(path, isDirectory));

    [Fact]
    public void A_byte_order_mark_is_skipped() =>
        Assert.Equal(IgnoreMatch.Ignore, IgnoreFile.Parse("\uFEFF*.log").Match("a.log", false));

    [Fact]
    public void A_malformed_line_is_reported_with_file_and_line_and_skipped()
    {
        var file = IgnoreFile.Parse("*.log\n{a,b\n*.tmp", "/repo/.gitignore");
        Assert.Empty(file.Errors); // braces are literal in gitignore, so this line is fine
        var bad = IgnoreFile.Parse("*.log\n[z-a]\n*.tmp", "/repo/.gitignore");
        Assert.Equal(["/repo/.gitignore: line 2: error parsing glob '[z-a]': invalid range; 'z' > 'a'"], bad.Errors);
        Assert.Equal(IgnoreMatch.Ignore, bad.Match("x.tmp", false));
    }

    [Fact]
    public void Any_line_gives_a_rule_or_a_reported_error()
    {
        var random = new Random(11);
        const string alphabet = "ab/*?[]!^{},\\-. #\r";
        for (var i = 0; i < 3000; i++)
        {
            var text = new string(Enumerable.Range(0, random.Next(30)).Select(_ => alphabet[random.Next(alphabet.Length)]).ToArray());
            var file = IgnoreFile.Parse(text, "fuzz");
            file.Match("ab/b.a", isDirectory: false);
            file.Match("a", isDirectory: true);
            Assert.All(file.Errors, e => Assert.StartsWith("fuzz: line ", e, StringComparison.Ordinal));
        }
    }
}
