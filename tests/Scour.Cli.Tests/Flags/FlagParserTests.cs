using Scour.Cli.Flags;
using Scour.Matching;

namespace Scour.Cli.Tests.Flags;

/// <summary>ripgrep's argument conventions.</summary>
public class FlagParserTests
{
    [Theory]
    [InlineData("-A3")]
    [InlineData("-A 3")]
    [InlineData("--after-context=3")]
    [InlineData("--after-context 3")]
    public void Values_in_every_spelling(string spelling)
    {
        var raw = FlagParser.Parse([.. spelling.Split(' '), "pat"]);
        Assert.Equal(3, raw.AfterContext);
        Assert.Equal(["pat"], raw.Positional);
    }

    [Fact]
    public void Bundled_switches_and_a_trailing_value()
    {
        var raw = FlagParser.Parse(["-iwnm2", "pat"]);
        Assert.Equal(CaseMode.Insensitive, raw.Case);
        Assert.True(raw.WordRegexp);
        Assert.True(raw.LineNumber);
        Assert.Equal(2, raw.MaxCount);
    }

    [Fact]
    public void Repeated_flags_count() => Assert.Equal(3, FlagParser.Parse(["-uuu", "x"]).Unrestricted);

    [Fact]
    public void The_last_flag_wins()
    {
        Assert.Equal(CaseMode.Sensitive, FlagParser.Parse(["-i", "-s", "x"]).Case);
        Assert.False(FlagParser.Parse(["-n", "-N", "x"]).LineNumber);
        Assert.False(FlagParser.Parse(["--heading", "--no-heading", "x"]).Heading);
        Assert.True(FlagParser.Parse(["-c", "--count-matches", "x"]).CountMatches);
        Assert.False(FlagParser.Parse(["-c", "--count-matches", "x"]).Count);
    }

    [Fact]
    public void Negations() => Assert.False(FlagParser.Parse(["-F", "--no-fixed-strings", "x"]).FixedStrings);

    [Fact]
    public void Flags_after_paths_and_double_dash()
    {
        var raw = FlagParser.Parse(["pat", "dir", "-n", "--", "-v"]);
        Assert.True(raw.LineNumber);
        Assert.False(raw.InvertMatch);
        Assert.Equal(["pat", "dir", "-v"], raw.Positional);
    }

    [Fact]
    public void Unknown_flags_suggest_the_nearest()
    {
        var e = Assert.Throws<UsageException>(() => FlagParser.Parse(["--colr", "x"]));
        Assert.StartsWith("unrecognized flag --colr\n\nsimilar flags that are available: --color, --colors, --colour", e.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("-m", "x")]
    [InlineData("--color", "sometimes")]
    public void Bad_values_name_the_flag(string flag, string value)
    {
        var e = Assert.Throws<UsageException>(() => FlagParser.Parse([flag, value, "pat"]));
        Assert.Contains(flag.TrimStart('-').Length == 1 ? "--max-count" : flag, e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_value_flag_at_the_end_needs_its_value()
    {
        var e = Assert.Throws<UsageException>(() => FlagParser.Parse(["pat", "-A"]));
        Assert.Contains("expects a value", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Every_flag_has_a_unique_name_and_help()
    {
        var names = FlagTable.All.SelectMany(f => new[] { f.Long }.Concat(f.Aliases).Concat(f.Negation is null ? [] : [f.Negation])).ToList();
        Assert.Equal(names.Count, names.Distinct(StringComparer.Ordinal).Count());
        Assert.All(FlagTable.All, f => Assert.False(string.IsNullOrWhiteSpace(f.Summary)));
    }
}
