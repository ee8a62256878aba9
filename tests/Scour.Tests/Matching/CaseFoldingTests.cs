using Scour.Matching.Syntax;

namespace Scour.Tests.Matching;

/// <summary>Simple case folding orbits, as in Unicode's CaseFolding.txt (statuses C and S).</summary>
public class CaseFoldingTests
{
    [Theory]
    [InlineData('k', new[] { 'K', 'k', '\u212A' })]
    [InlineData('s', new[] { 'S', 's', '\u017F' })]
    [InlineData('σ', new[] { 'Σ', 'ς', 'σ' })]
    [InlineData('i', new[] { 'I', 'i' })]
    [InlineData('ß', new[] { 'ß', '\u1E9E' })]
    [InlineData('1', new[] { '1' })]
    public void Orbits(char c, char[] expected) =>
        Assert.Equal(expected.Select(x => (int)x).Order(), CaseFolding.Equivalents(c).Order());
}
