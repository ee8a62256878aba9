using Scour.Matching.Syntax;

namespace Scour.Tests.Matching;

/// <summary>ripgrep's smart case: insensitive iff there is a literal and no uppercase literal.</summary>
public class SmartCaseTests
{
    [Theory]
    [InlineData("hello", true)]
    [InlineData("Hello", false)]
    [InlineData("\\pL", false)]          // no literal at all
    [InlineData("\\w+foo", true)]
    [InlineData("[A-Z]", false)]         // class ranges count as literals
    [InlineData("\\PL", false)]
    [InlineData("привет", true)]
    [InlineData("Привет", false)]
    [InlineData("\\n", true)]            // an escape is a literal (lowercase)
    public void Decides_like_ripgrep(string pattern, bool ignoreCase) =>
        Assert.Equal(ignoreCase, SmartCase.ShouldIgnoreCase(RegexParser.Parse(pattern, RegexFlags.Default)));
}
