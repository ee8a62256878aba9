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
        Assert.Equal(CliMode.CountMatches, FlagParser.Parse(["-c", "--count-matches", "x"]).Mode);
        Assert.Equal(CliMode.Count, FlagParser.Parse(["--count-matches", "-c", "x"]).Mode);
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

    // Every expected message below is rg 15.2's, byte for byte (checked with the oracle binary).
    [Theory]
    [InlineData("--colour", "unrecognized flag --colour\n\nsimilar flags that are available: --color")]
    [InlineData("--hiden", "unrecognized flag --hiden\n\nsimilar flags that are available: --hidden")]
    [InlineData("--colr", "unrecognized flag --colr")]
    [InlineData("-y", "unrecognized flag -y")]
    public void Unknown_flags_suggest_similar_ones_as_rg_does(string flag, string expected)
    {
        var e = Assert.Throws<UsageException>(() => FlagParser.Parse([flag, "x"]));
        Assert.Equal(expected, e.Message);
    }

    [Theory]
    [InlineData("-m", "x", "error parsing flag -m: value is not a valid number: invalid digit found in string")]
    [InlineData("--max-count", "", "error parsing flag --max-count: value is not a valid number: cannot parse integer from empty string")]
    [InlineData("-A", "99999999999999999999", "error parsing flag -A: value is not a valid number: number too large to fit in target type")]
    [InlineData("--color", "sometimes", "error parsing flag --color: choice 'sometimes' is unrecognized")]
    [InlineData("--engine", "pcre3", "error parsing flag --engine: unrecognized regex engine 'pcre3'")]
    [InlineData("--max-filesize", "10k", "error parsing flag --max-filesize: invalid size: invalid format for size '10k', which should be a non-empty sequence of digits followed by an optional 'K', 'M' or 'G' suffix")]
    [InlineData("--dfa-size-limit", "9999999999999999999G", "error parsing flag --dfa-size-limit: invalid size: size too big in '9999999999999999999G'")]
    public void Bad_values_name_the_flag_as_written(string flag, string value, string expected)
    {
        var e = Assert.Throws<UsageException>(() => FlagParser.Parse([flag, value, "pat"]));
        Assert.Equal(expected, e.Message);
    }

    [Theory]
    [InlineData(new[] { "pat", "-A" }, "missing value for flag -A: missing argument for option '-A'")]
    [InlineData(new[] { "--heading=yes", "pat" }, "invalid CLI arguments: unexpected argument for option '--heading': \"yes\"")]
    [InlineData(new[] { "-in=x", "pat" }, "invalid CLI arguments: unexpected argument for option '-n': \"x\"")]
    [InlineData(new[] { "-uuuu", "pat" }, "error parsing flag -u: flag can only be repeated up to 3 times")]
    public void Malformed_command_lines_fail_with_rgs_message(string[] args, string expected)
    {
        var e = Assert.Throws<UsageException>(() => FlagParser.Parse(args));
        Assert.Equal(expected, e.Message);
    }

    [Fact]
    public void The_last_output_mode_wins()
    {
        Assert.Equal(CliMode.Count, FlagParser.Parse(["-l", "-c", "x"]).Mode);
        Assert.Equal(CliMode.FilesWithMatches, FlagParser.Parse(["--json", "-l", "x"]).Mode);
        Assert.Equal(CliMode.Files, FlagParser.Parse(["--type-list", "--files"]).Mode);
        Assert.Equal(CliMode.FilesWithMatches, FlagParser.Parse(["--files", "-l", "x"]).Mode);
        Assert.Equal(CliMode.Standard, FlagParser.Parse(["--json", "--no-json", "x"]).Mode);
        Assert.Equal(CliMode.Count, FlagParser.Parse(["-c", "--no-json", "x"]).Mode);
    }

    [Fact]
    public void Pretty_turns_line_numbers_back_on()
    {
        Assert.True(FlagParser.Parse(["--no-line-number", "-p", "x"]).LineNumber);
        Assert.False(FlagParser.Parse(["-p", "--no-line-number", "x"]).LineNumber);
    }

    [Fact]
    public void Every_flag_has_a_unique_name_and_help()
    {
        var names = FlagTable.All.SelectMany(f => new[] { f.Long }.Concat(f.Aliases).Concat(f.Negation is null ? [] : [f.Negation])).ToList();
        Assert.Equal(names.Count, names.Distinct(StringComparer.Ordinal).Count());
        Assert.All(FlagTable.All, f => Assert.False(string.IsNullOrWhiteSpace(f.Summary)));
    }
}
