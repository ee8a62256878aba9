using Scour.Matching;

namespace Scour.Tests.Matching;

/// <summary>--null-data: patterns compiled for records read with NUL and \n exchanged (expectations by hand).</summary>
public sealed class NullDataTests
{
    private static bool Matches(string pattern, byte[] swappedRecord)
    {
        using var matcher = CompiledPattern.Compile(new PatternOptions { Patterns = [pattern], NullData = true }).CreateMatcher();
        return matcher.IsMatch(swappedRecord);
    }

    [Theory]
    [InlineData("a\\nb", new byte[] { (byte)'a', 0, (byte)'b' }, true)] // a \n inside a record is 0 after the exchange
    [InlineData("a.b", new byte[] { (byte)'a', 0, (byte)'b' }, false)] // '.' never matches \n, as in Rust
    [InlineData("a.b", new byte[] { (byte)'a', (byte)'x', (byte)'b' }, true)]
    [InlineData("a\\sb", new byte[] { (byte)'a', 0, (byte)'b' }, true)] // \s includes \n
    [InlineData("a[^x]b", new byte[] { (byte)'a', 0, (byte)'b' }, true)]
    [InlineData("a[\\x00-\\x09]b", new byte[] { (byte)'a', 9, (byte)'b' }, true)]
    public void Classes_and_literals_see_the_original_bytes(string pattern, byte[] swappedRecord, bool expected) =>
        Assert.Equal(expected, Matches(pattern, swappedRecord));
}
