using Scour.Walking;

namespace Scour.Tests.Walking;

/// <summary>Glob semantics as git and ripgrep define them (expectations from git's gitignore docs).</summary>
public class GlobTests
{
    [Theory]
    [InlineData("*.rs", "main.rs", true)]
    [InlineData("*.rs", "src/main.rs", false)]       // '*' never crosses '/'
    [InlineData("a?c", "abc", true)]
    [InlineData("a?c", "a/c", false)]
    [InlineData("[a-c]x", "bx", true)]
    [InlineData("[!a-c]x", "bx", false)]
    [InlineData("[^a-c]x", "dx", true)]
    [InlineData("[]]", "]", true)]
    [InlineData("**/foo", "foo", true)]
    [InlineData("**/foo", "a/b/foo", true)]
    [InlineData("foo/**", "foo/a/b", true)]
    [InlineData("foo/**", "foo", false)]
    [InlineData("a/**/b", "a/b", true)]
    [InlineData("a/**/b", "a/x/y/b", true)]
    [InlineData("a/**/b", "a/xb", false)]
    [InlineData("a**b", "axyb", true)]                // not at a boundary: a plain '*'
    [InlineData("a**b", "ax/yb", false)]
    [InlineData("\\*x", "*x", true)]
    [InlineData("\\*x", "ax", false)]
    [InlineData("[ab", "[ab", true)]                  // an unclosed class is literal
    [InlineData("{a,b}.txt", "b.txt", true)]
    [InlineData("{a,{b,c}}.txt", "c.txt", true)]
    [InlineData("*.{rs,toml}", "Cargo.toml", true)]
    public void Matches(string glob, string path, bool expected) =>
        Assert.Equal(expected, Glob.Parse(glob).IsMatch(path));

    [Fact]
    public void Braces_are_literal_in_gitignore_mode() =>
        Assert.True(Glob.Parse("{a,b}", alternates: false).IsMatch("{a,b}"));

    [Fact]
    public void Case_insensitive() =>
        Assert.True(Glob.Parse("*.RS", caseInsensitive: true).IsMatch("main.rs"));

    [Theory]
    [InlineData("{a,b")]
    [InlineData("a}")]
    [InlineData("[z-a]")]
    [InlineData("x\\")]
    public void Malformed_globs_are_rejected_with_rgs_wording(string glob)
    {
        var e = Assert.Throws<GlobSyntaxException>(() => Glob.Parse(glob));
        Assert.StartsWith($"error parsing glob '{glob}':", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Any_input_gives_a_glob_or_a_clear_error()
    {
        var random = new Random(7);
        const string alphabet = "ab/*?[]!^{},\\-.";
        for (var i = 0; i < 5000; i++)
        {
            var glob = new string(Enumerable.Range(0, random.Next(12)).Select(_ => alphabet[random.Next(alphabet.Length)]).ToArray());
            try
            {
                var g = Glob.Parse(glob);
                g.IsMatch("ab/ba/a.b");
            }
            catch (GlobSyntaxException)
            {
                // a clear error is fine
            }
        }
    }
}
